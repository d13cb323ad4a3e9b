import { GenesysClient, isNotFound } from "../../client";
import { removeWhenFree } from "../common";
import { Schedule, ScheduleBody } from "./schema";

const path = "/api/v2/architect/schedules";

/** Architect schedules (reference §4.6): PUT needs the current integer version; delete is soft. */
export const schedulesApi = {
  list: async (c: GenesysClient) => (await c.listAll(path, Schedule, { pageSize: 500 })).filter((s) => s.state !== "deleted"),
  async get(c: GenesysClient, id: string) {
    try {
      const s = await c.request({ method: "GET", path: `${path}/${encodeURIComponent(id)}`, schema: Schedule });
      return s.state === "deleted" ? undefined : s;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },
  create: (c: GenesysClient, body: ScheduleBody) => c.request({ method: "POST", path, body, schema: Schedule }),
  update: (c: GenesysClient, id: string, body: ScheduleBody, current: Schedule) =>
    c.request({ method: "PUT", path: `${path}/${encodeURIComponent(id)}`, body: { ...body, version: current.version }, schema: Schedule }),
  remove: (c: GenesysClient, id: string) => removeWhenFree(c, `${path}/${encodeURIComponent(id)}`),
};
