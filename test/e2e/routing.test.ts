import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { differences, E2E, ROOT, viewOf } from "./harness";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Routing specifics through the real CLI: filters + lookups, region transforms, adopt-or-fail.
type Named = {
  id: string;
  name: string;
  timeZone?: string;
  openSchedules?: { id: string }[];
  holidaySchedules?: { id: string }[];
};
let e2e: E2E;

before(async () => {
  e2e = await E2E.start("sample");
});
after(async () => e2e.close());

test("filters + lookups + transforms: schedule groups cloned with mapped time zones; an excluded schedule must exist in the target", async () => {
  const source = await e2e.state("source");
  const groups = source.schedulegroups as Named[];
  const schedules = source.schedules as Named[];
  const group = groups.find((g) => (g.holidaySchedules ?? []).length > 0)!;
  const holiday = schedules.find((s) => s.id === group.holidaySchedules![0]!.id)!;

  const imported = await e2e.importSource(e2e.outDir, [
    "--include",
    "schedules",
    "--include",
    "schedulegroups",
    "--exclude",
    `schedules:${holiday.name}`,
  ]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(
    imported.stderr,
    new RegExp(`Referenced but not imported[^]*schedules: ${holiday.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  );
  const schedulesFile = await fs.readFile(path.join(e2e.outDir, "architect-schedules.ts"), "utf8");
  assert.ok(!schedulesFile.includes(JSON.stringify(holiday.name)), "excluded schedule was written");
  assert.match(
    await fs.readFile(path.join(e2e.outDir, "architect-schedulegroups.ts"), "utf8"),
    new RegExp(`gc\\.lookup\\("schedules", ${escape(JSON.stringify(holiday.name))}\\)`),
  );
  assert.match(
    await fs.readFile(path.join(e2e.outDir, "routing-queues.ts"), "utf8"),
    /^(?![^]*new gc\.Queue)/,
    "queues were not included",
  );

  const transforms = path.join(ROOT, "stacks", `${e2e.sourceDir}-transforms.yaml`);
  await fs.writeFile(
    transforms,
    'timeZones:\n  America/New_York: Europe/Dublin\n  America/Chicago: Europe/London\nnames:\n  suffix: " (EU)"\n',
  );
  e2e.extraDirs.push(transforms);
  const stack = await e2e.stack("tz", { config: { "genesys-clone:transforms": path.relative(ROOT, transforms) } });

  const missing = await e2e.pulumi(["preview", "--stack", stack]);
  assert.notEqual(missing.code, 0);
  assert.match(
    missing.stdout + missing.stderr,
    new RegExp(
      `does not declare and the target org does not have: schedule '${holiday.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(EU\\)'`,
    ),
  );

  // The user creates the shared holiday in the target, under the transformed name: now it resolves.
  const created = await e2e.api("target", "POST", "/api/v2/architect/schedules", {
    name: `${holiday.name} (EU)`,
    start: (holiday as unknown as { start: string }).start,
    end: (holiday as unknown as { end: string }).end,
  });
  assert.equal(created.status, 200, await created.text());
  const beforeUp = viewOf(await e2e.state("target"));
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);

  const target = await e2e.state("target");
  const targetGroups = target.schedulegroups as Named[];
  for (const g of groups) {
    const t = targetGroups.find((x) => x.name === `${g.name} (EU)`);
    assert.ok(t, `schedule group ${g.name} (EU) missing`);
    const want = { "America/New_York": "Europe/Dublin", "America/Chicago": "Europe/London" }[g.timeZone!] ?? g.timeZone;
    assert.equal(t.timeZone, want, `${g.name} time zone`);
  }
  const targetHoliday = (target.schedules as Named[]).find((s) => s.name === `${holiday.name} (EU)`)!;
  assert.ok(
    targetGroups.some((g) => (g.holidaySchedules ?? []).some((r) => r.id === targetHoliday.id)),
    "the group uses the looked-up holiday",
  );

  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(differences(beforeUp, viewOf(await e2e.state("target"))), []);
});

test("adopt-or-fail: fail lists each colliding object and the choices; adopt takes them over; destroy restores them exactly", async () => {
  await e2e.control("/reset", "POST", {});
  const source = await e2e.state("source");
  const queue = (source.queues as Named[])[0]!;
  const skill = (source.skills as Named[]).find((s) => (s as { state?: string }).state !== "deleted")!;
  // The target already has a queue and a skill with source names, configured differently.
  const q = await e2e.api("target", "POST", "/api/v2/routing/queues", {
    name: queue.name,
    description: "pre-existing in eu-west-1",
    skillEvaluationMethod: "NONE",
  });
  assert.equal(q.status, 200, await q.text());
  const s = await e2e.api("target", "POST", "/api/v2/routing/skills", { name: skill.name });
  assert.equal(s.status, 200, await s.text());
  const imported = await e2e.importSource(e2e.outDir, []);
  assert.equal(imported.code, 0, imported.stderr);
  const start = viewOf(await e2e.state("target"));

  const stack = await e2e.stack("adopt");
  const failed = await e2e.pulumi(["preview", "--stack", stack]);
  const out = failed.stdout + failed.stderr;
  assert.notEqual(failed.code, 0);
  // The engine stops at the first invalid resource: skills are declared before queues.
  assert.match(
    out,
    new RegExp(`Skill '${escape(skill.name)}' already exists in the target org \\(id [0-9a-f-]+\\). Choose: adopt it`),
  );
  assert.match(out, /pulumi config set genesys-clone:onConflict adopt/);
  assert.deepEqual(differences(start, viewOf(await e2e.state("target"))), [], "preview changed the target");

  await e2e.ok(["config", "set", "--stack", stack, "genesys-clone:onConflict", "adopt"]);
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  const verify = await e2e.verify(stack);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);

  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(
    differences(start, viewOf(await e2e.state("target"))),
    [],
    "destroy must restore adopted objects and delete created ones",
  );
});
