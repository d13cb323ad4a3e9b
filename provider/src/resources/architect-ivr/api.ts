import { GenesysClient } from "../../client";
import { getLive, putVersioned, removeWhenFree } from "../common";
import { DidPool, Ivr, IvrBody, MAX_DNIS_PER_REQUEST } from "./schema";

const path = "/api/v2/architect/ivrs";
const DID_POOLS = "/api/v2/telephony/providers/edges/didpools";
const item = (id: string) => `${path}/${encodeURIComponent(id)}`;

/**
 * The DIDs of the first write and the chunks that follow it: at most `max` numbers the IVR does not have yet per
 * request, as Terraform's architect_ivr sends them (`uploadArchitectIvrWithChunkingLogic`).
 */
export function dnisChunks(
  wanted: readonly string[],
  current: readonly string[],
  max = MAX_DNIS_PER_REQUEST,
): { first: string[]; rest: string[][] } {
  const added = wanted.filter((n) => !current.includes(n));
  const kept = wanted.filter((n) => current.includes(n));
  const chunks: string[][] = [];
  for (let i = 0; i < added.length; i += max) chunks.push(added.slice(i, i + max));
  return { first: [...kept, ...(chunks[0] ?? [])], rest: chunks.slice(1) };
}

/** Adds the remaining chunks with one versioned PUT each. */
async function addChunks(c: GenesysClient, ivr: Ivr, body: IvrBody, rest: string[][]): Promise<Ivr> {
  let current = ivr;
  for (const chunk of rest) {
    const dnis = [...(current.dnis ?? []), ...chunk];
    current = await putVersioned(c, item(current.id), { ...body, dnis }, current, Ivr);
  }
  return current;
}

/** Architect IVRs: versioned PUT, soft delete, DIDs in chunks of 50. */
export const ivrsApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(path, Ivr, { pageSize: 100 })).filter((x) => x.state !== "deleted"),
  get: (c: GenesysClient, id: string) => getLive(c, item(id), Ivr),
  async create(c: GenesysClient, body: IvrBody): Promise<Ivr> {
    const { first, rest } = dnisChunks(body.dnis, []);
    const created = await c.request({ method: "POST", path, body: { ...body, dnis: first }, schema: Ivr });
    return addChunks(c, created, body, rest);
  },
  async update(c: GenesysClient, id: string, body: IvrBody, current: Ivr): Promise<Ivr> {
    const { first, rest } = dnisChunks(body.dnis, current.dnis ?? []);
    const updated = await putVersioned(c, item(id), { ...body, dnis: first }, current, Ivr);
    return addChunks(c, updated, body, rest);
  },
  remove: (c: GenesysClient, id: string) => removeWhenFree(c, item(id)),
  /** The org's DID pools: the numbers it owns. */
  didPools: (c: GenesysClient) => c.listAll(DID_POOLS, DidPool, { pageSize: 100 }),
};
