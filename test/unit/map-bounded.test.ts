import assert from "node:assert/strict";
import { test } from "node:test";
import { mapBounded } from "@genesys-clone/provider/dist/resources/architect-flow/export";

// The import's flow export jobs run a few at a time: results in the input's order whatever order they finish in.
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("mapBounded: results keep the items' order when later items finish first; at most `limit` pending", async () => {
  let pending = 0;
  let most = 0;
  const out = await mapBounded([30, 5, 20, 1, 10, 2, 8], 3, async (ms, i) => {
    most = Math.max(most, ++pending);
    await tick(ms);
    pending--;
    return `${i}:${ms}`;
  });
  assert.deepEqual(out, ["0:30", "1:5", "2:20", "3:1", "4:10", "5:2", "6:8"]);
  assert.equal(most, 3);
});

test("mapBounded: a rejection rejects the whole once the calls already started have settled", async () => {
  const settled: number[] = [];
  await assert.rejects(
    mapBounded([1, 2, 3], 3, async (n) => {
      await tick(n * 5);
      settled.push(n);
      if (n === 1) throw new Error("export 1 failed");
      return n;
    }),
    /export 1 failed/,
  );
  assert.deepEqual(settled, [1, 2, 3], "no call left running unobserved");
});

test("mapBounded: no items, no calls; a limit above the item count starts one call per item", async () => {
  assert.deepEqual(await mapBounded([], 8, async () => assert.fail("called")), []);
  assert.deepEqual(await mapBounded(["a"], 8, async (x) => x.toUpperCase()), ["A"]);
});
