import { z } from "zod";
import { GenesysClient, GenesysError, pollUntil } from "../../client";
import { getLive, deleteIfPresent } from "../common";
import { TrunkBase, TrunkBody, TrunkInstance } from "./schema";
import type { Models, SdkBody, SdkRead } from "../../sdk";

const base = "/api/v2/telephony/providers/edges";
const Site = z.object({ id: z.string(), name: z.string() });
type _Site = SdkRead<Models.Site, z.infer<typeof Site>>;
const enc = encodeURIComponent;

/** BYOC trunk base settings (reference §4.8): versioned PUT, soft delete, instances created by the platform. */
export const trunksApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(`${base}/trunkbasesettings`, TrunkBase, { pageSize: 100, query: { expand: "properties" } })).filter((t) => t.state !== "deleted"),
  get: (c: GenesysClient, id: string) => getLive(c, `${base}/trunkbasesettings/${enc(id)}`, TrunkBase),
  create: (c: GenesysClient, body: TrunkBody) => c.request({ method: "POST", path: `${base}/trunkbasesettings`, body, schema: TrunkBase }),
  update: (c: GenesysClient, id: string, body: TrunkBody, current: TrunkBase) =>
    c.request({ method: "PUT", path: `${base}/trunkbasesettings/${enc(id)}`, body: { ...body, version: current.version }, schema: TrunkBase }),
  remove: (c: GenesysClient, id: string) => deleteIfPresent(c, `${base}/trunkbasesettings/${enc(id)}`),
  sites: (c: GenesysClient) => c.listAll(`${base}/sites`, Site, { pageSize: 100 }),
  async site(c: GenesysClient, name: string, owner: string) {
    const site = (await trunksApi.sites(c)).find((s) => s.name === name);
    if (!site) {
      throw new GenesysError("Validation", `${owner}: site '${name}' does not exist in the target org: map it in the transforms file (sites:) or create it.`);
    }
    return site;
  },
  instances: (c: GenesysClient, trunkBaseId: string) =>
    c.listAll(`${base}/trunks`, TrunkInstance, { pageSize: 100, query: { trunkBaseId } }),

  /** Waits for the platform to create the trunk instance, then (up to the deadline) for it to connect. */
  async waitConnected(c: GenesysClient, trunkBaseId: string, timeoutMs: number, owner: string): Promise<boolean> {
    const start = Date.now();
    const trunk = await pollUntil(async () => (await trunksApi.instances(c, trunkBaseId))[0], {
      deadlineMs: timeoutMs,
      intervalMs: 500,
      what: `the trunk instance of ${owner}`,
    });
    if (trunk.connectedStatus?.connected) return true;
    try {
      await pollUntil(
        async () => {
          const t = await c.request({ method: "GET", path: `${base}/trunks/${enc(trunk.id)}`, schema: TrunkInstance });
          return t.connectedStatus?.connected ? true : undefined;
        },
        { deadlineMs: Math.max(0, timeoutMs - (Date.now() - start)), intervalMs: 1000, what: `${owner} to connect` },
      );
      return true;
    } catch {
      return false;
    }
  },
};
