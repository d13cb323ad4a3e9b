import { z } from "zod";
import { GenesysClient, isNotFound, pollUntil } from "../../client";
import { deleteIfPresent, getLive } from "../common";
import { forgetListing, listedOrGet } from "../crud";
import { keepUndeclaredMedia } from "./media";
import { Queue, QueueBody, RESOURCE_TYPE, SENT_FIELDS } from "./schema";
import type { Models, SdkRead } from "../../sdk";

const path = "/api/v2/routing/queues";
const CodeRef = z.object({ id: z.string(), name: z.string() });
type _CodeRef = SdkRead<Models.WrapupCode, z.infer<typeof CodeRef>>;
const enc = encodeURIComponent;

/**
 * The body without a queue on the first conditional group routing rule. Reads name the queue itself there,
 * but the API rejects it in a request (Terraform strips it before every update: routing_queue
 * `addCGRAndOEAAndCGA`, "remove queue_id from first CGR rule to avoid api error").
 */
export function withoutFirstRuleQueue(body: Record<string, unknown>): Record<string, unknown> {
  const cgr = body.conditionalGroupRouting as { rules?: Record<string, unknown>[] | null } | null | undefined;
  const first = cgr?.rules?.[0];
  if (!cgr || !first || first.queue === undefined) return body;
  const { queue: _self, ...rest } = first;
  return { ...body, conditionalGroupRouting: { ...cgr, rules: [rest, ...cgr.rules!.slice(1)] } };
}

/**
 * Per client: each queue as this process last wrote it (the answer of its POST or PUT, which is the stored queue),
 * so a link that PUTs the queue moments later (its in-queue flows, its member groups) sends that copy instead of
 * reading the queue again. A change made elsewhere in between is not seen: the same window any read-then-PUT has,
 * as a queue PUT carries no version. A queue this process has not written (refresh, destroy, a later run) is read.
 */
const written = new WeakMap<GenesysClient, Map<string, Queue>>();

/** Per client: the queues this process created (POSTed, not adopted): they have no members yet. */
const created = new WeakMap<GenesysClient, Set<string>>();

function remember(c: GenesysClient, q: Queue): Queue {
  let byId = written.get(c);
  if (!byId) written.set(c, (byId = new Map()));
  byId.set(q.id, q);
  return q;
}

/** Queues (reference §4.4): full-replace PUT, wrap-up codes assigned 100 per call, delayed delete. */
export const queuesApi = {
  list: (c: GenesysClient) => c.listAll(path, Queue, { pageSize: 500 }),

  codes: (c: GenesysClient, id: string) => c.listAll(`${path}/${enc(id)}/wrapupcodes`, CodeRef, { pageSize: 100 }),

  async get(c: GenesysClient, id: string): Promise<Queue | undefined> {
    const q = await queuesApi.getQueue(c, id);
    if (!q) return undefined;
    try {
      const codes = await queuesApi.codes(c, id);
      return { ...q, wrapupCodes: codes.map((w) => w.id).sort() };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },

  /**
   * The queue alone, without its wrap-up codes (their own endpoint, one more call): what the links that PUT the
   * queue (in-queue flows, member groups) need, since that PUT leaves the codes as they are.
   */
  async getQueue(c: GenesysClient, id: string): Promise<Queue | undefined> {
    try {
      return await c.request({ method: "GET", path: `${path}/${enc(id)}`, schema: Queue });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },

  async setCodes(c: GenesysClient, id: string, wanted: readonly string[], current: readonly string[]): Promise<void> {
    const add = wanted.filter((w) => !current.includes(w));
    for (let i = 0; i < add.length; i += 100) {
      await c.request({
        method: "POST",
        path: `${path}/${enc(id)}/wrapupcodes`,
        body: add.slice(i, i + 100).map((w): Models.WrapUpCodeReference => ({ id: w })),
      });
    }
    for (const extra of current.filter((w) => !wanted.includes(w))) {
      await deleteIfPresent(c, `${path}/${enc(id)}/wrapupcodes/${enc(extra)}`);
    }
  },

  async create(c: GenesysClient, body: QueueBody): Promise<Queue> {
    const { wrapupCodes, ...request } = body;
    const q = remember(c, await c.request({ method: "POST", path, body: request, schema: Queue }));
    if (!created.has(c)) created.set(c, new Set());
    created.get(c)!.add(q.id);
    await queuesApi.setCodes(c, q.id, wrapupCodes, []);
    return { ...q, wrapupCodes: [...wrapupCodes].sort() };
  },

  /** The queue without codes as a link's refresh reads it: from the queues' listing, shared with the queues' own. */
  listed: (c: GenesysClient, id: string) =>
    listedOrGet(c, { type: RESOURCE_TYPE, list: queuesApi.list, get: queuesApi.getQueue }, id),

  /**
   * A stored queue as a QueueRequest: what a full-replace PUT must carry to change nothing. Built from the one
   * field list (schema `QUEUE_REQUEST_FIELDS`): read-only fields and anything QueueRequest lacks are left out.
   */
  requestOf(q: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of SENT_FIELDS) if (q[k] !== undefined) out[k] = q[k];
    return out;
  },

  /**
   * PUT replaces the whole queue: fields this tool does not manage (in-queue flows set by QueueFlows,
   * prompts, member groups) are carried over from the stored queue; null clears a field.
   */
  async update(c: GenesysClient, id: string, body: QueueBody, current: Queue): Promise<Queue> {
    const { wrapupCodes, ...request } = body;
    const q = await queuesApi.put(c, id, request, current, true);
    await queuesApi.setCodes(c, id, wrapupCodes, current.wrapupCodes ?? []);
    return { ...q, wrapupCodes: [...wrapupCodes].sort() };
  },

  /**
   * The queue's full-replace PUT (and a division move), wrap-up codes untouched: what `update` sends, and what the
   * links send with the whole stored queue and their one change (`keepUndeclared` false: every field as given).
   */
  async put(
    c: GenesysClient,
    id: string,
    request: Omit<QueueBody, "wrapupCodes">,
    current: Queue,
    keepUndeclared: boolean,
  ): Promise<Queue> {
    forgetListing(c, RESOURCE_TYPE);
    const merged = withoutFirstRuleQueue({ ...queuesApi.requestOf(current), ...request });
    // The Queue resource's mediaSettings leave out what QueueFlows and the target org set (see media.ts);
    // QueueFlows itself sends the whole mediaSettings (keepUndeclared false).
    if (keepUndeclared && request.mediaSettings !== undefined)
      merged.mediaSettings = keepUndeclaredMedia(request.mediaSettings, current.mediaSettings);
    let q = await c.request({ method: "PUT", path: `${path}/${enc(id)}`, body: merged, schema: Queue });
    // A PUT does not move a queue: Terraform moves it with the division objects endpoint after the update
    // (routing_queue `updateRoutingQueue`, util `UpdateObjectDivision`; SDK `postAuthorizationDivisionObject`).
    const division = (request.division as { id?: string } | undefined)?.id;
    if (division && division !== q.division?.id) {
      await c.request({
        method: "POST",
        path: `/api/v2/authorization/divisions/${enc(division)}/objects/QUEUE`,
        body: [id],
      });
      q = await c.request({ method: "GET", path: `${path}/${enc(id)}`, schema: Queue });
    }
    return remember(c, q);
  },

  /** The queue to send back whole with one change: as this process last wrote it, else read (without codes). */
  async current(c: GenesysClient, id: string): Promise<Queue | undefined> {
    return written.get(c)?.get(id) ?? queuesApi.getQueue(c, id);
  },

  /** Whether this process created the queue (a queue is created without members: it has none to list). */
  createdHere: (c: GenesysClient, id: string): boolean => created.get(c)?.has(id) ?? false,

  /** forceDelete, then wait until the queue is really gone (the API deletes with a delay). */
  async remove(c: GenesysClient, id: string): Promise<void> {
    written.get(c)?.delete(id);
    try {
      await c.request({ method: "DELETE", path: `${path}/${enc(id)}`, query: { forceDelete: true } });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    await pollUntil(async () => ((await getLive(c, `${path}/${enc(id)}`, Queue)) ? undefined : true), {
      deadlineMs: 120_000,
      intervalMs: 1000,
      what: `queue ${id} to be deleted`,
    });
  },
};
