import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTransforms, transformProps, UnmappedDidsError } from "@genesys-clone/provider/dist/program/transforms";
import { dnisChunks } from "@genesys-clone/provider/dist/resources/architect-ivr/api";
import { reach } from "@genesys-clone/provider/dist/verify/verify";
import { Ref, type ExportedObject } from "@genesys-clone/provider/dist/importer/types";

const nums = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `+1317555${String(from + i).padStart(4, "0")}`);

const CHUNKS: { name: string; wanted: string[]; current: string[]; first: number; rest: number[] }[] = [
  { name: "a short list goes in one request", wanted: nums(0, 3), current: [], first: 3, rest: [] },
  { name: "exactly 50 new numbers: one request", wanted: nums(0, 50), current: [], first: 50, rest: [] },
  { name: "120 new numbers: 50, then PUTs of 50 and 20", wanted: nums(0, 120), current: [], first: 50, rest: [50, 20] },
  {
    name: "numbers the IVR has do not count against the limit",
    wanted: nums(0, 130),
    current: nums(0, 70),
    first: 120,
    rest: [10],
  },
  { name: "removing numbers is one request", wanted: nums(0, 2), current: nums(0, 90), first: 2, rest: [] },
];

test("IVR DIDs are sent at most 50 new numbers per request, as Terraform's architect_ivr does", () => {
  for (const c of CHUNKS) {
    const { first, rest } = dnisChunks(c.wanted, c.current);
    assert.equal(first.length, c.first, c.name);
    assert.deepEqual(
      rest.map((r) => r.length),
      c.rest,
      c.name,
    );
    assert.deepEqual([...first, ...rest.flat()].sort(), [...c.wanted].sort(), `${c.name}: every number once`);
  }
});

const T = parseTransforms('dids: { "+13175550100": "+35315550100", "+13175550101": "+35315550101" }\n', "t.yaml");

test("transforms: IVR DIDs map through dids:, and an unmapped one names the number and the IVR", () => {
  assert.deepEqual(transformProps("Ivr", { name: "Main Line", dnis: ["+13175550101", "+13175550100"] }, T).dnis, [
    "+35315550101",
    "+35315550100",
  ]);
  assert.throws(
    () => transformProps("Ivr", { name: "Main Line", dnis: ["+13175550100", "+13175550199"] }, T),
    (err: unknown) =>
      err instanceof UnmappedDidsError &&
      /IVR 'Main Line': the transforms file maps no target number for DID\(s\) \+13175550199\..*add dids: \{ "\+13175550199": "<target number>" \} to t\.yaml/.test(
        err.explain("t.yaml"),
      ),
  );
  // Other types' fields named dnis are not numbers to map.
  assert.deepEqual(transformProps("Queue", { name: "Q", dnis: ["x"] }, T).dnis, ["x"]);
});

const BAD: [string, string, RegExp][] = [
  [
    "a source number that is not E.164",
    'dids: { "3175550100": "+35315550100" }\n',
    /dids\.3175550100: .*not an E\.164/,
  ],
  [
    "a target number that is not E.164",
    'dids: { "+13175550100": "015550100" }\n',
    /dids\.\+13175550100: .*not an E\.164/,
  ],
  [
    "two numbers mapped to one",
    'dids: { "+13175550100": "+35315550100", "+13175550101": "+35315550100" }\n',
    /maps both '\+13175550100' and '\+13175550101' to '\+35315550100'/,
  ],
];

test("transforms: dids: entries are E.164 numbers, each target used once", () => {
  for (const [name, text, message] of BAD) assert.throws(() => parseTransforms(text, "t.yaml"), message, name);
});

const ivr = (name: string, dnis: string[], open?: string, closed?: string): ExportedObject => ({
  id: name,
  name,
  args: {
    name,
    dnis,
    ...(open ? { openHoursFlow: new Ref("flows", open, open, "id") } : {}),
    ...(closed ? { closedHoursFlow: new Ref("flows", closed, closed, "id") } : {}),
  },
});

const REACH: { name: string; target: ExportedObject[]; missing: string[] }[] = [
  {
    name: "every mapped number reaches the same flows",
    target: [ivr("Main Line", ["+35315550100", "+35315550101"], "Main IVR", "After Hours")],
    missing: [],
  },
  {
    name: "a number the target does not route",
    target: [ivr("Main Line", ["+35315550100"], "Main IVR", "After Hours")],
    missing: ["+35315550101 open nowhere", "+35315550101 closed nowhere"],
  },
  {
    name: "a number routed to another flow, by another IVR",
    target: [
      ivr("Main Line", ["+35315550100"], "Main IVR", "After Hours"),
      ivr("Other", ["+35315550101"], "Main IVR", "Main IVR"),
    ],
    missing: ["+35315550101 closed Main IVR"],
  },
  {
    name: "no IVR in the target",
    target: [],
    missing: [
      "+35315550100 open nowhere",
      "+35315550100 closed nowhere",
      "+35315550101 open nowhere",
      "+35315550101 closed nowhere",
    ],
  },
];

test("verify reachability: each source DID's flows, by the mapped number, in the target", () => {
  const source = [ivr("Main Line", ["+13175550100", "+13175550101"], "Main IVR", "After Hours")];
  for (const c of REACH) {
    const r = reach(source, c.target, T);
    assert.equal(r.routes, 4, c.name);
    assert.deepEqual(
      r.missing.map((m) => `${m.did} ${m.hours} ${m.target ?? "nowhere"}`).sort(),
      [...c.missing].sort(),
      c.name,
    );
  }
});
