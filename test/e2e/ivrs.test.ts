import assert from "node:assert/strict";
import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { differences, E2E, ROOT, viewOf } from "./harness";

/**
 * Call routing through the real CLI: the sample's IVRs (three US DIDs) imported, refused at preview while a DID
 * has no mapping or maps to a number the target does not own, deployed with the eu-west-1 numbers, verified for
 * reachability, drift (a number moved off an IVR in the target) shown by refresh and by verify, destroy back to
 * the starting state.
 */
type Ivr = {
  id: string;
  name: string;
  state: string;
  version: number;
  dnis: string[];
  division: { id: string };
  openHoursFlow?: { id: string; name?: string };
  scheduleGroup?: { id: string; name?: string };
};
let e2e: E2E;
let stack: string;
let start: Awaited<ReturnType<E2E["state"]>>;
const good = "stacks/sample/transforms.eu-west-1.yaml";
const goodText = readFileSync(path.join(ROOT, good), "utf8");

const live = async (): Promise<Ivr[]> =>
  ((await e2e.state("target")).ivrs as Ivr[]).filter((x) => x.state !== "deleted");

before(async () => {
  e2e = await E2E.start("sample");
  const imported = await e2e.importSource();
  assert.equal(imported.code, 0, imported.stderr);
  stack = await e2e.stack("ivrs");
  start = await e2e.state("target");
});
after(async () => e2e.close());

test("import: IVRs with their DIDs, flows and schedule group as variables", async () => {
  const code = await fs.readFile(path.join(e2e.outDir, "architect-ivrs.ts"), "utf8");
  assert.match(code, /new gc\.Ivr\("main-line", \{/);
  assert.match(code, /dnis: \["\+13175550100", "\+13175550101"\]/);
  assert.match(code, /openHoursFlow: flowMainIvr\.id/);
  assert.match(code, /scheduleGroup: scheduleGroupMainLineHours\.id/);
  assert.match(code, /openHoursFlow: flowSpanishIvr\.id/);
});

const CASES: { name: string; transforms: string; message: RegExp }[] = [
  {
    name: "a DID with no mapping",
    transforms: goodText.replace(/ *"\+13175550102".*\n/, ""),
    message:
      /IVR 'Spanish Line': the transforms file maps no target number for DID\(s\) \+13175550102\..*add dids: \{ "\+13175550102": "<target number>" \} to stacks\/\S+no-mapping\.yaml/s,
  },
  {
    name: "a DID mapped to a number the target does not own",
    transforms: goodText.replace('"+35315550102"', '"+35319990102"'),
    message:
      /IVR 'Spanish Line': the target org does not own DID \+35319990102 \(no DID pool of the target holds it\)\..*transforms file \(dids:/s,
  },
];

test("preview fails naming the number, the IVR and the fix; nothing changes in the target", async () => {
  const dir = await e2e.writeSource("ivr-transforms", {
    "no-mapping.yaml": CASES[0]!.transforms,
    "not-owned.yaml": CASES[1]!.transforms,
  });
  try {
    for (const [i, c] of CASES.entries()) {
      const file = `stacks/${dir}/${i === 0 ? "no-mapping" : "not-owned"}.yaml`;
      await e2e.ok(["config", "set", "--stack", stack, "genesys-clone:transforms", file]);
      const res = await e2e.pulumi(["preview", "--stack", stack]);
      assert.notEqual(res.code, 0, c.name);
      assert.match(res.stdout + res.stderr, c.message, c.name);
    }
  } finally {
    await e2e.ok(["config", "set", "--stack", stack, "genesys-clone:transforms", good]);
  }
  assert.deepEqual(await e2e.state("target"), start);
});

test("up routes the eu-west-1 numbers to the cloned flows; verify finds every route", async () => {
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  const ivrs = await live();
  assert.deepEqual(
    ivrs.map((x) => [x.name, [...x.dnis].sort(), x.openHoursFlow?.name, x.scheduleGroup?.name]),
    [
      ["Main Line", ["+35315550100", "+35315550101"], "Main IVR", "Main Line Hours"],
      ["Spanish Line", ["+35315550102"], "Spanish IVR", undefined],
    ],
  );
  // The IVRs' rows and reachability (other types' parity is the lifecycle test's).
  const verify = await e2e.verify(stack);
  assert.match(verify.stdout, /\| IVRs \(call routing\) \| 2 \| 2 \| 0 \| 0 \| 0 \|/, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /7 of 7 routes from a DID to an inbound call flow reach the same flow in the target/);
  assert.doesNotMatch(verify.stdout, /missing route/);
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);
});

test("drift: a number taken off an IVR in the target shows in refresh and as a missing route; up restores it", async () => {
  const main = (await live()).find((x) => x.name === "Main Line")!;
  const res = await e2e.api("target", "PUT", `/api/v2/architect/ivrs/${main.id}`, {
    ...main,
    dnis: ["+35315550100"],
  });
  assert.equal(res.status, 200, await res.text());
  const verify = await e2e.verify(stack);
  assert.equal(verify.code, 1, verify.stdout);
  assert.match(
    verify.stdout,
    /missing route: \+35315550101 \(\+13175550101 in the source\), open hours: the source's IVR 'Main Line' routes it to flow 'Main IVR'; the target routes it nowhere/,
  );
  const refreshed = await e2e.ok(["refresh", "--stack", stack, "--yes", "--skip-preview"]);
  assert.match(refreshed.stdout, /main-line/);
  const preview = await e2e.pulumi(["preview", "--stack", stack, "--expect-no-changes", "--diff"]);
  assert.notEqual(preview.code, 0, "preview after drift must plan a change");
  assert.match(preview.stdout, /ArchitectIvr::main-line/);
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual([...(await live()).find((x) => x.name === "Main Line")!.dnis].sort(), [
    "+35315550100",
    "+35315550101",
  ]);
});

test("destroy rolls the target back to its starting state, the numbers free again", async () => {
  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(await live(), []);
  assert.deepEqual(differences(viewOf(start), viewOf(await e2e.state("target"))), []);
});
