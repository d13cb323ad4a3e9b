import { GenesysClient } from "../../client";
import { getLive, putVersioned, removeWhenFree } from "../common";
import { ScheduleGroup, ScheduleGroupBody } from "./schema";

const path = "/api/v2/architect/schedulegroups";

/** Schedule groups (reference §4.6): versioned PUT, soft delete, 409 while a flow uses them. */
export const scheduleGroupsApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(path, ScheduleGroup, { pageSize: 100 })).filter((g) => g.state !== "deleted"),
  get: (c: GenesysClient, id: string) => getLive(c, `${path}/${encodeURIComponent(id)}`, ScheduleGroup),
  create: (c: GenesysClient, body: ScheduleGroupBody) =>
    c.request({ method: "POST", path, body, schema: ScheduleGroup }),
  update: (c: GenesysClient, id: string, body: ScheduleGroupBody, current: ScheduleGroup) =>
    putVersioned(c, `${path}/${encodeURIComponent(id)}`, body, current, ScheduleGroup),
  remove: (c: GenesysClient, id: string) => removeWhenFree(c, `${path}/${encodeURIComponent(id)}`),
};
