import { z } from "zod";
import { GenesysClient, GenesysError, pollUntil } from "../../client";
import { getLive, putVersioned } from "../common";
import { isNotFound } from "../../client/errors";
import { TrunkBase, TrunkBody, TrunkInstance } from "./schema";
import type { Models, SdkRead } from "../../sdk";

const base = "/api/v2/telephony/providers/edges";
const Site = z.object({ id: z.string(), name: z.string() });
type _Site = SdkRead<Models.Site, z.infer<typeof Site>>;
const enc = encodeURIComponent;

/** Terraform reads trunk base settings with ignoreHidden=true (trunkbasesettings proxy): internal properties stay out. */
const READ = { ignoreHidden: "true" };
/** Terraform retries a trunk base DELETE answering 400 for 50 s (trunkbasesettings delete). */
const DELETE_RETRY_MS = 50_000;

/** BYOC trunk base settings (reference §4.8): versioned PUT, soft delete, instances created by the platform. */
export const trunksApi = {
  list: async (c: GenesysClient) =>
    (
      await c.listAll(`${base}/trunkbasesettings`, TrunkBase, {
        pageSize: 100,
        query: { ...READ, expand: "properties" },
      })
    ).filter((t) => t.state !== "deleted"),
  /** Every active trunk base with its properties: read one by one where the listing left them out (`expand` values are undocumented). */
  async listWithProperties(c: GenesysClient): Promise<TrunkBase[]> {
    const listed = await trunksApi.list(c);
    const full = await Promise.all(listed.map(async (t) => (t.properties ? t : await trunksApi.get(c, t.id))));
    return full.filter((t): t is TrunkBase => t !== undefined);
  },
  get: (c: GenesysClient, id: string) => getLive(c, `${base}/trunkbasesettings/${enc(id)}`, TrunkBase, undefined, READ),
  create: (c: GenesysClient, body: TrunkBody) =>
    c.request({ method: "POST", path: `${base}/trunkbasesettings`, body, schema: TrunkBase }),
  /** A versioned full replace: a version mismatch re-reads and retries once (putVersioned, as Terraform does). */
  update: (c: GenesysClient, id: string, body: TrunkBody, current: TrunkBase) =>
    putVersioned(c, `${base}/trunkbasesettings/${enc(id)}`, body, current, TrunkBase),
  /** DELETE; gone (404) counts as deleted; a 400 is retried until DELETE_RETRY_MS, then reported. */
  async remove(c: GenesysClient, id: string, owner: string, deadlineMs = DELETE_RETRY_MS): Promise<void> {
    let last: GenesysError | undefined;
    try {
      await pollUntil(
        async () => {
          try {
            await c.request({ method: "DELETE", path: `${base}/trunkbasesettings/${enc(id)}` });
            return true;
          } catch (err) {
            if (isNotFound(err)) return true;
            if (err instanceof GenesysError && err.status === 400) {
              last = err;
              return undefined;
            }
            throw err;
          }
        },
        { deadlineMs, intervalMs: 2000, what: `${owner} to be deletable` },
      );
    } catch (err) {
      if (last && !(err instanceof GenesysError)) {
        throw new GenesysError(
          "Validation",
          `${owner} could not be deleted: the org kept answering HTTP 400 for ${Math.round(deadlineMs / 1000)} s (${last.message}). Run \`pulumi destroy\` again.`,
          last.details,
        );
      }
      throw err;
    }
  },
  sites: (c: GenesysClient) => c.listAll(`${base}/sites`, Site, { pageSize: 100 }),
  async site(c: GenesysClient, name: string, owner: string) {
    const site = (await trunksApi.sites(c)).find((s) => s.name === name);
    if (!site) {
      throw new GenesysError(
        "Validation",
        `${owner}: site '${name}' does not exist in the target org: map it in the transforms file (sites:) or create it.`,
      );
    }
    return site;
  },
  instances: (c: GenesysClient, trunkBaseId: string) =>
    // The SDK sends its trunkBaseId option as `trunkBase.id` (getTelephonyProvidersEdgesTrunks); the API ignores unknown names.
    c.listAll(`${base}/trunks`, TrunkInstance, { pageSize: 100, query: { "trunkBase.id": trunkBaseId } }),

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
