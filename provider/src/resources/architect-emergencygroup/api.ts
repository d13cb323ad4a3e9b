import { GenesysClient } from "../../client";
import { getLive, putVersioned, removeWhenFree } from "../common";
import { EmergencyGroup, type EmergencyGroupBody } from "./schema";

const path = "/api/v2/architect/emergencygroups";

/** The body of a PUT: a body without call flows keeps the group's own (the EmergencyGroupFlows link owns them). */
function fullBody(body: EmergencyGroupBody, current: EmergencyGroup): EmergencyGroupBody {
  if (body.emergencyCallFlows !== undefined) return body;
  return {
    ...body,
    emergencyCallFlows: (current.emergencyCallFlows ?? [])
      .filter((c) => c.emergencyFlow?.id)
      .map((c) => ({ emergencyFlow: { id: c.emergencyFlow!.id }, ivrs: (c.ivrs ?? []).map((i) => ({ id: i.id })) })),
  };
}

/** Emergency groups (TF architect_emergencygroup): versioned PUT (retried on a version mismatch), soft delete. */
export const emergencyGroupsApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(path, EmergencyGroup, { pageSize: 100 })).filter((g) => g.state !== "deleted"),
  get: (c: GenesysClient, id: string) => getLive(c, `${path}/${encodeURIComponent(id)}`, EmergencyGroup),
  create: (c: GenesysClient, body: EmergencyGroupBody) =>
    c.request({ method: "POST", path, body, schema: EmergencyGroup }),
  update: (c: GenesysClient, id: string, body: EmergencyGroupBody, current: EmergencyGroup) =>
    putVersioned(c, `${path}/${encodeURIComponent(id)}`, fullBody(body, current), current, EmergencyGroup),
  remove: (c: GenesysClient, id: string) => removeWhenFree(c, `${path}/${encodeURIComponent(id)}`),
};
