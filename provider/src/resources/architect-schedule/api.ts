import { GenesysClient } from "../../client";
import { getLive, putVersioned, removeWhenFree } from "../common";
import { Schedule, ScheduleBody } from "./schema";

const path = "/api/v2/architect/schedules";

/** Architect schedules (reference §4.6): PUT needs the current integer version; delete is soft. */
export const schedulesApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(path, Schedule, { pageSize: 100 })).filter((s) => s.state !== "deleted"),
  get: (c: GenesysClient, id: string) => getLive(c, `${path}/${encodeURIComponent(id)}`, Schedule),
  create: (c: GenesysClient, body: ScheduleBody) => c.request({ method: "POST", path, body, schema: Schedule }),
  update: (c: GenesysClient, id: string, body: ScheduleBody, current: Schedule) =>
    putVersioned(c, `${path}/${encodeURIComponent(id)}`, body, current, Schedule),
  remove: (c: GenesysClient, id: string) => removeWhenFree(c, `${path}/${encodeURIComponent(id)}`),
};
