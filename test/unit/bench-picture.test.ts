import assert from "node:assert/strict";
import { test } from "node:test";
import { seriesOf, svgOf, type Call } from "@genesys-clone/scripts/dist/lib/bench-picture";

// The benchmark's picture of `up`: where the time goes, from the emulator's request timeline.
const T0 = 1_000_000;

const cases: { name: string; calls: Call[]; step?: number; expect: Partial<ReturnType<typeof seriesOf>> }[] = [
  {
    name: "answers are counted in the second they were answered, 429s apart",
    calls: [
      [T0, T0 + 100, 200],
      [T0 + 200, T0 + 900, 429],
      [T0 + 1100, T0 + 1500, 200],
    ],
    expect: { t: [0, 1], calls_per_second: [2, 1], rate_limited_per_second: [1, 0] },
  },
  {
    name: "in flight is the request-time inside each bucket over its width (a call spanning buckets counts in each)",
    calls: [
      [T0, T0 + 2000, 200],
      [T0 + 500, T0 + 1000, 200],
    ],
    expect: { in_flight: [1.5, 1] },
  },
  {
    name: "a stall shows as empty buckets between waves",
    calls: [
      [T0, T0 + 200, 200],
      [T0 + 3000, T0 + 3200, 200],
    ],
    expect: { calls_per_second: [1, 0, 0, 1], in_flight: [0.2, 0, 0, 0.2] },
  },
  {
    name: "half-second buckets report per-second rates",
    calls: [[T0, T0 + 100, 200]],
    step: 500,
    expect: { step_seconds: 0.5, t: [0], calls_per_second: [2] },
  },
  {
    name: "no calls: one empty bucket",
    calls: [],
    expect: { t: [0], calls_per_second: [0], in_flight: [0] },
  },
];

for (const c of cases)
  test(`seriesOf: ${c.name}`, () => {
    const s = seriesOf(c.calls, T0, c.step);
    for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(s[k as keyof typeof s], v, k);
  });

test("svgOf draws the bound, the three series and escapes the title", () => {
  const s = seriesOf(
    [
      [T0, T0 + 100, 200],
      [T0 + 1200, T0 + 1300, 429],
    ],
    T0,
  );
  const svg = svgOf(s, 20, `up <&> "quoted"`);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /bound 20\.0\/s/);
  assert.equal((svg.match(/<polyline /g) ?? []).length, 3);
  assert.ok(svg.includes("up &#60;&#38;&#62; &#34;quoted&#34;"), "title escaped");
  assert.ok(!svg.includes("<&>"), "no raw markup from the title");
});
