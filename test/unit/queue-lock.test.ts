import assert from "node:assert/strict";
import { test } from "node:test";
import type { GenesysClient } from "@genesys-clone/provider/dist/client";
import { withQueueLock } from "@genesys-clone/provider/dist/resources/routing-queue/queue-lock";

// gc.QueueFlows and gc.QueueMembers each read a queue and PUT it back whole, at the same time. The lock orders
// their read-modify-writes per (client, queue), so neither PUT carries a stale copy that undoes the other.

/** A queue store whose reads and writes take a turn of the event loop, as HTTP calls do. */
function store() {
  let queue: Record<string, string> = { name: "Support - Tier 2" };
  const tick = () => new Promise((r) => setTimeout(r, 5));
  return {
    async readModifyWrite(field: string, value: string) {
      const read = { ...queue };
      await tick();
      queue = { ...read, [field]: value };
      await tick();
    },
    get: () => queue,
  };
}

const client = () => ({}) as GenesysClient;

test("without the lock, two interleaved read-modify-writes lose one change (the race the lock exists for)", async () => {
  const s = store();
  await Promise.all([s.readModifyWrite("queueFlow", "flow-1"), s.readModifyWrite("memberGroups", "group-1")]);
  assert.equal(Object.keys(s.get()).length, 2, "one of the two changes was lost");
});

const cases = [
  {
    name: "two writers on one queue both land",
    writers: [
      ["q1", "queueFlow"],
      ["q1", "memberGroups"],
    ],
  },
  {
    name: "three writers on one queue all land",
    writers: [
      ["q1", "queueFlow"],
      ["q1", "memberGroups"],
      ["q1", "emailInQueueFlow"],
    ],
  },
] as const;

for (const c of cases)
  test(`withQueueLock: ${c.name}`, async () => {
    const s = store();
    const gc = client();
    await Promise.all(c.writers.map(([id, field]) => withQueueLock(gc, id, () => s.readModifyWrite(field, "set"))));
    for (const [, field] of c.writers) assert.equal(s.get()[field], "set", field);
  });

test("withQueueLock: a failed change does not block the next one, and its error reaches its caller", async () => {
  const gc = client();
  const failed = withQueueLock(gc, "q1", async () => {
    throw new Error("403");
  });
  const next = withQueueLock(gc, "q1", async () => "ran");
  await assert.rejects(failed, /403/);
  assert.equal(await next, "ran");
});

test("withQueueLock: different queues, or different orgs' clients, do not wait for each other", async () => {
  const gc = client();
  const order: string[] = [];
  let release!: () => void;
  const held = withQueueLock(gc, "q1", () => new Promise<void>((r) => (release = r)).then(() => order.push("q1")));
  await withQueueLock(gc, "q2", async () => order.push("q2"));
  await withQueueLock(client(), "q1", async () => order.push("other org q1"));
  release();
  await held;
  assert.deepEqual(order, ["q2", "other org q1", "q1"]);
});
