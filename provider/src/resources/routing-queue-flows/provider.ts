import { GenesysClient } from "../../client";
import { checkInputs, hasUnknown, userInputs } from "../common";
import type { Lifecycle } from "../context";
import { gone, permitted } from "../crud";
import { queuesApi } from "../routing-queue/api";
import { getAt, MEDIA_FLOW_FIELDS, setAt, type MediaFlowField } from "../routing-queue/media";
import { LABEL, QueueFlowsArgs } from "./schema";
import { withQueueLock } from "../routing-queue/queue-lock";

const TOP_FIELDS = ["queueFlow", "emailInQueueFlow", "messageInQueueFlow"] as const;
const MEDIA_FIELDS = Object.keys(MEDIA_FLOW_FIELDS) as MediaFlowField[];
/** Every flow a queue names: in-queue flows, and the flows of its callback and message settings. */
const FIELDS = [...TOP_FIELDS, ...MEDIA_FIELDS] as const;
type Field = (typeof FIELDS)[number];

/** The flow id a stored queue has in one of the fields. */
function flowOf(queue: Record<string, unknown>, f: Field): string | undefined {
  const ref = (MEDIA_FIELDS as string[]).includes(f)
    ? getAt(queue.mediaSettings, MEDIA_FLOW_FIELDS[f as MediaFlowField])
    : queue[f];
  return (ref as { id?: string } | null | undefined)?.id || undefined;
}

type Outputs = QueueFlowsArgs & { prior: Partial<Record<Field, string>> };

const label = (a: { queue?: unknown }) => `${LABEL} of queue ${String(a.queue)}`;

/** Sets the queue's flows; a queue deleted outside the stack fails, unless `ifPresent` (destroy: nothing to undo). */
function setFlows(
  c: GenesysClient,
  queueId: string,
  flows: Partial<Record<Field, string>>,
  what: string,
  ifPresent = false,
) {
  return withQueueLock(c, queueId, () => setFlowsNow(c, queueId, flows, what, ifPresent));
}

async function setFlowsNow(
  c: GenesysClient,
  queueId: string,
  flows: Partial<Record<Field, string>>,
  what: string,
  ifPresent: boolean,
) {
  // The queue as this process last wrote it, else read (reads are not kept: one outside the queue lock could be
  // older than a sibling link's PUT); without its wrap-up codes, which the PUT leaves as they are.
  const current = await queuesApi.current(c, queueId);
  if (!current) return ifPresent ? {} : gone(`${what}: queue`, queueId);
  const prior: Outputs["prior"] = {};
  for (const f of FIELDS) {
    const id = flowOf(current, f);
    if (id) prior[f] = id;
  }
  const body: Record<string, unknown> = { ...current };
  for (const f of TOP_FIELDS) body[f] = flows[f] ? { id: flows[f] } : null; // null clears the field
  for (const f of MEDIA_FIELDS) {
    const path = MEDIA_FLOW_FIELDS[f];
    // Only media types the queue has: a flow for a media type the queue does not handle has nowhere to go.
    if (flows[f] || getAt(body.mediaSettings, path) !== undefined) {
      body.mediaSettings = setAt(
        body.mediaSettings as Record<string, unknown> | undefined,
        path,
        flows[f] ? { id: flows[f] } : undefined,
      );
    }
  }
  await permitted(what, () => queuesApi.put(c, queueId, queuesApi.requestOf(body) as { name: string }, current, false));
  return prior;
}

/**
 * Sets a queue's in-queue flows once both exist. Queues and their in-queue flows reference each
 * other (the flow transfers to the queue, the queue runs the flow), so this link is what lets
 * Pulumi create the queue, then the flow, then connect them; destroy puts back what was there.
 */
export const provider: Lifecycle<QueueFlowsArgs, Outputs> = {
  async check(_ctx, _olds, news) {
    return { inputs: news, failures: checkInputs(QueueFlowsArgs, label(news), news) };
  },
  async diff(_ctx, _id, olds, news) {
    if (hasUnknown(news, ["queue", ...FIELDS]))
      return { changes: true, replaces: news.queue !== olds.queue ? ["queue"] : [] };
    const changes = ["queue", ...FIELDS].some(
      (k) => (olds as Record<string, unknown>)[k] !== (news as Record<string, unknown>)[k],
    );
    return { changes, replaces: olds.queue !== news.queue ? ["queue"] : [] };
  },
  async create(ctx, inputs) {
    const args = userInputs(inputs) as QueueFlowsArgs;
    const prior = await setFlows(ctx.client, args.queue, args, label(args));
    return { id: `${args.queue}-flows`, outs: { ...args, prior } };
  },
  async read(ctx, id, props) {
    const q = await queuesApi.listed(ctx.client, props.queue);
    if (!q) return {};
    const outs: Outputs = { queue: props.queue, prior: props.prior };
    for (const f of FIELDS) {
      const id = flowOf(q, f);
      if (id) outs[f] = id;
    }
    return { id, props: outs };
  },
  async update(ctx, _id, olds, news) {
    const args = userInputs(news) as QueueFlowsArgs;
    await setFlows(ctx.client, args.queue, args, label(args));
    return { outs: { ...args, prior: olds.prior } };
  },
  async delete(ctx, _id, props) {
    // A link, not an object: destroy gives the queue back the flows it had (when it still exists).
    await setFlows(ctx.client, props.queue, props.prior ?? {}, label(props), true);
  },
};
