import type { GenesysClient } from "../../client";

/**
 * Read-modify-write of one queue, one at a time. A queue PUT replaces the whole queue, so `gc.QueueFlows` and
 * `gc.QueueMembers` (siblings: the engine runs them at once) each read the queue and send it back with their own
 * change; interleaved, the second PUT carried the first's stale copy and undid it (a queue lost its member group
 * to its in-queue flow link). All dynamic resources of a stack run in one provider process, so a lock per
 * (client, queue id) here orders them; the client identifies the org. Keyed weakly by the client, so it is the
 * client cache's lifetime, not a second global.
 */
const locks = new WeakMap<GenesysClient, Map<string, Promise<unknown>>>();

export async function withQueueLock<T>(c: GenesysClient, queueId: string, change: () => Promise<T>): Promise<T> {
  let byQueue = locks.get(c);
  if (!byQueue) locks.set(c, (byQueue = new Map()));
  const before = byQueue.get(queueId) ?? Promise.resolve();
  const run = before.then(change, change);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  byQueue.set(queueId, settled);
  try {
    return await run;
  } finally {
    if (byQueue.get(queueId) === settled) byQueue.delete(queueId);
  }
}
