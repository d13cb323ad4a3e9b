import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { OrgInfo, RunningEmulator } from "@genesys-clone/emulator";
import { impl } from "@genesys-clone/provider/dist/process";
import { UNKNOWN } from "@genesys-clone/provider/dist/resources/common";
import { rawApi, startTarget } from "./target";

// IVRs through the provider implementation against the emulated target org (DID pool +35315550100..199), whose API
// takes at most 50 new DIDs per request.
let emu: RunningEmulator;
let target: OrgInfo;
const ivrs = () => impl("genesyscloud:architect:Ivr");
const dublin = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `+353155501${String(from + i).padStart(2, "0")}`);

before(async () => {
  ({ emu, target } = await startTarget());
});
after(async () => emu.close());

interface CheckCase {
  name: string;
  args: Record<string, unknown>;
  failures: RegExp[];
}

const CHECKS: CheckCase[] = [
  { name: "numbers of the target's pool", args: { name: "Ok", dnis: ["+35315550150"] }, failures: [] },
  {
    name: "a number no pool of the target holds: named, with the IVR and the fix",
    args: { name: "Foreign", dnis: ["+13175550100", "+35315550150"] },
    failures: [
      /^IVR 'Foreign': the target org does not own DID \+13175550100 \(no DID pool of the target holds it\)\..*transforms file \(dids:.*or add a DID pool holding \+13175550100/,
    ],
  },
  {
    name: "checked while the IVR's flows are outputs of resources not created yet",
    args: { name: "New flows", dnis: ["+35318880000"], openHoursFlow: UNKNOWN, scheduleGroup: UNKNOWN },
    failures: [/does not own DID \+35318880000/],
  },
  {
    name: "not E.164",
    args: { name: "Local", dnis: ["015550100"] },
    failures: [/dnis: '015550100' is not an E\.164 number/],
  },
  { name: "a number twice", args: { name: "Twice", dnis: ["+35315550150", "+35315550150"] }, failures: [/twice/] },
];

test("IVR check: DIDs the target owns, E.164, once each; the DID check runs even while flows are unknown", async () => {
  for (const c of CHECKS) {
    const failures = (await ivrs().check({}, c.args)).failures ?? [];
    assert.equal(failures.length, c.failures.length, `${c.name}: ${JSON.stringify(failures)}`);
    c.failures.forEach((re, i) => assert.match(failures[i]!.reason, re, c.name));
  }
});

test("IVR: 70 DIDs are created in chunks of 50 (POST, then PUT), read back whole, and a number another IVR routes fails the check", async () => {
  const dnis = dublin(0, 99).slice(0, 70);
  const created = await ivrs().create({ name: "Big Line", dnis });
  assert.deepEqual([...(created.outs.dnis as string[])].sort(), [...dnis].sort());
  const got = await rawApi(target, "GET", `/api/v2/architect/ivrs/${created.id}`);
  assert.equal((got.body as { dnis: string[] }).dnis.length, 70);
  // 29 more (the pool's rest) in one update: under the limit; then the whole pool, in place.
  const more = dublin(0, 99);
  const updated = await ivrs().update!(created.id, created.outs, { name: "Big Line", dnis: more });
  assert.equal((updated.outs!.dnis as string[]).length, 99);
  const taken = (await ivrs().check({}, { name: "Other Line", dnis: ["+35315550142"] })).failures ?? [];
  assert.match(
    taken[0]?.reason ?? "",
    /^IVR 'Other Line': DID \+35315550142 is already routed by IVR 'Big Line' in the target org, and a number routes to one IVR/,
  );
  await ivrs().delete!(created.id, updated.outs!);
  assert.equal(
    ((await rawApi(target, "GET", `/api/v2/architect/ivrs/${created.id}`)).body as { state: string }).state,
    "deleted",
  );
});
