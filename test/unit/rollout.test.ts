import assert from "node:assert/strict";
import { test } from "node:test";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import {
  applyEvent,
  countCalls,
  parseRolloutArgs,
  queued,
  statusLine,
  summaryTable,
  type RegionProgress,
} from "@genesys-clone/provider/dist/rollout/progress";

// `genesys-clone rollout --stacks a,b (preview|up|destroy) [--max-parallel N]`: what it accepts and refuses.
const ARGS: {
  name: string;
  stacks: string;
  action: string;
  max?: string;
  want?: { stacks: string[]; action: string; maxParallel: number };
  error?: RegExp;
}[] = [
  {
    name: "every stack at once by default",
    stacks: "eu-west-1,ap-southeast-2",
    action: "up",
    want: { stacks: ["eu-west-1", "ap-southeast-2"], action: "up", maxParallel: 2 },
  },
  {
    name: "spaces around names are dropped",
    stacks: " eu-west-1 , ap-southeast-2",
    action: "preview",
    want: { stacks: ["eu-west-1", "ap-southeast-2"], action: "preview", maxParallel: 2 },
  },
  {
    name: "--max-parallel bounds the runs",
    stacks: "a,b,c",
    action: "destroy",
    max: "2",
    want: { stacks: ["a", "b", "c"], action: "destroy", maxParallel: 2 },
  },
  {
    name: "--max-parallel above the stack count is the stack count",
    stacks: "a",
    action: "up",
    max: "8",
    want: { stacks: ["a"], action: "up", maxParallel: 1 },
  },
  {
    name: "org-qualified stack names are kept whole",
    stacks: "acme/cc/eu-west-1",
    action: "up",
    want: { stacks: ["acme/cc/eu-west-1"], action: "up", maxParallel: 1 },
  },
  { name: "an empty name (trailing comma) is refused", stacks: "a,", action: "up", error: /separated by commas/ },
  { name: "a stack named twice is refused", stacks: "a,b,a", action: "up", error: /names a twice/ },
  { name: "an unknown action is refused", stacks: "a", action: "refresh", error: /use preview, up, destroy/ },
  { name: "--max-parallel 0 is refused", stacks: "a", action: "up", max: "0", error: /1 or more/ },
  { name: "--max-parallel that is not a number is refused", stacks: "a", action: "up", max: "two", error: /1 or more/ },
];

for (const c of ARGS) {
  test(`parseRolloutArgs: ${c.name}`, () => {
    if (c.error) assert.throws(() => parseRolloutArgs(c.stacks, c.action, c.max), c.error);
    else assert.deepEqual(parseRolloutArgs(c.stacks, c.action, c.max), c.want);
  });
}

const step = (urn: string, type = "pulumi-nodejs:dynamic:Resource") => ({
  op: "create" as const,
  urn,
  type,
  provider: "",
});
const event = (e: Partial<EngineEvent>): EngineEvent => ({ sequence: 0, timestamp: 0, ...e });

// How engine events move a region's progress.
const EVENTS: { name: string; events: EngineEvent[]; want: Partial<RegionProgress> }[] = [
  {
    name: "a finished step counts once, however many events name it",
    events: [
      event({ resourcePreEvent: { metadata: step("urn:a") } }),
      event({ resOutputsEvent: { metadata: step("urn:a") } }),
      event({ resOutputsEvent: { metadata: step("urn:a") } }),
      event({ resOutputsEvent: { metadata: step("urn:b") } }),
    ],
    want: { done: 2, phase: "updating" },
  },
  {
    name: "the stack and providers are not objects of the org",
    events: [
      event({ resOutputsEvent: { metadata: step("urn:stack", "pulumi:pulumi:Stack") } }),
      event({ resOutputsEvent: { metadata: step("urn:prov", "pulumi:providers:pulumi-nodejs") } }),
    ],
    want: { done: 0 },
  },
  {
    name: "a failed step is done too",
    events: [event({ resOpFailedEvent: { metadata: step("urn:a"), status: 1, steps: 1 } })],
    want: { done: 1 },
  },
  {
    name: "the first error diagnostic is the region's error, without colour codes",
    events: [
      event({ diagnosticEvent: { message: "info", color: "never", severity: "info" } }),
      event({ diagnosticEvent: { message: "\u001b[31mToken refused\u001b[0m\n", color: "raw", severity: "error" } }),
      event({ diagnosticEvent: { message: "second", color: "never", severity: "error" } }),
    ],
    want: { error: "Token refused" },
  },
  {
    name: "the engine's closing 'update failed' is not the error",
    events: [event({ diagnosticEvent: { message: "update failed", color: "never", severity: "error" } })],
    want: { error: undefined },
  },
];

for (const c of EVENTS) {
  test(`applyEvent: ${c.name}`, () => {
    const p = { ...queued("eu-west-1"), phase: "starting" as const };
    for (const e of c.events) applyEvent(p, e, "up");
    for (const [k, v] of Object.entries(c.want)) assert.deepEqual(p[k as keyof RegionProgress], v, k);
  });
}

test("countCalls: one status per line; 429s counted apart; a torn last line is not counted", () => {
  assert.deepEqual(countCalls(""), { calls: 0, rateLimited: 0 });
  assert.deepEqual(countCalls("200\n429\n201\n0\n429\n"), { calls: 5, rateLimited: 2 });
});

const region = (over: Partial<RegionProgress>): RegionProgress => ({ ...queued("eu-west-1"), ...over });

test("statusLine: stack, phase, objects done/total, calls, 429s and time on one line", () => {
  const line = statusLine(
    region({ phase: "updating", done: 12, total: 40, calls: 85, rateLimited: 3, startedMs: 0 }),
    14,
    23_400,
  );
  assert.match(line, /^eu-west-1 {7}updating +objects 12\/40 +calls 85 +429s 3 +23\.4s$/);
  assert.ok(!line.includes("\u001b"), "no terminal codes in a line");
  assert.match(statusLine(region({}), 9, 0), /^eu-west-1 {2}queued +objects 0\/\? /, "total not known yet");
});

test("summaryTable: a row per region, each failure's error and log, and the count of successes", () => {
  const table = summaryTable(
    [
      region({ stack: "eu-west-1", phase: "done", done: 40, total: 40, calls: 312, startedMs: 0, endedMs: 41_200 }),
      region({
        stack: "ap-southeast-2",
        phase: "failed",
        calls: 2,
        startedMs: 0,
        endedMs: 3_100,
        error: "The OAuth client was refused",
        log: ".genesys-clone/rollout/ap-southeast-2.log",
      }),
    ],
    50_000,
  );
  const lines = table.split("\n");
  assert.match(lines[0]!, /^stack +result +objects +calls +429s +time$/);
  assert.match(lines[2]!, /^eu-west-1 +ok +40\/40 +312 +0 +41\.2s$/);
  assert.match(lines[3]!, /^ap-southeast-2 +FAILED +0\/\? +2 +0 +3\.1s$/);
  assert.match(
    table,
    /\nap-southeast-2 failed: The OAuth client was refused\n {2}full output: \.genesys-clone\/rollout\/ap-southeast-2\.log\n/,
  );
  assert.match(table, /\n1 of 2 stacks succeeded\.\n$/);
});
