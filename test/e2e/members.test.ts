import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { differences, E2E, ROOT, viewOf } from "./harness";

// Queue members and member groups through the real CLI: users by email (never created), ring numbers, groups by
// name; one preview error for every missing user or group, none of them checked (no API call) when no link changes;
// refresh shows drift; destroy back to the start.
type Queue = {
  id: string;
  name: string;
  members: { email: string; ringNumber: number }[];
  memberGroups?: { id: string; name?: string; type: string }[];
};
const QUEUES = ["Sales - New Business", "Support - Tier 1", "Support - Tier 2"];
// The three sample queues with members and what they need (wrap-up codes, skills), nothing else: a short run.
const FILTERS = [
  ...QUEUES.flatMap((q) => ["--include", `queues:${q}`]),
  ...["queuemembers", "wrapupcodes", "skills"].flatMap((t) => ["--include", t]),
];
let e2e: E2E;

before(async () => {
  e2e = await E2E.start("sample");
});
after(async () => e2e.close());

const queues = async (org: "source" | "target") =>
  ((await e2e.state(org)).queues as Queue[]).filter((q) => QUEUES.includes(q.name));

test("import --members skip leaves members and their lookups out", async () => {
  const skipped = await e2e.importSource(e2e.outDir, [...FILTERS, "--members", "skip"]);
  assert.equal(skipped.code, 0, skipped.stderr);
  assert.doesNotMatch(await fs.readFile(path.join(e2e.outDir, "routing-queue-members.ts"), "utf8"), /new gc\./);
  assert.doesNotMatch(await fs.readFile(path.join(e2e.outDir, "lookups.ts"), "utf8"), /"users"|"groups"/);
});

test("members by email with ring numbers and a member group: one error for every missing one, up, refresh drift, destroy", async () => {
  const imported = await e2e.importSource(e2e.outDir, FILTERS);
  assert.equal(imported.code, 0, imported.stderr);
  const lookups = await fs.readFile(path.join(e2e.outDir, "lookups.ts"), "utf8");
  assert.match(
    lookups,
    /\{ type: "users", name: "ben\.okafor@acme\.example\.com", usedBy: \["Sales - New Business", "Support - Tier 1"\] \}/,
  );
  assert.match(lookups, /\{ type: "groups", name: "Support Escalations", usedBy: \["Support - Tier 2"\] \}/);
  const start = viewOf(await e2e.state("target"));

  // A target whose directory lacks two users and the group (mapped away here): one error names all three.
  const base = await fs.readFile(path.join(ROOT, "stacks/sample/transforms.eu-west-1.yaml"), "utf8");
  const broken = path.join(ROOT, "stacks", `${e2e.sourceDir}-members-broken.yaml`);
  await fs.writeFile(
    broken,
    base +
      "users:\n  ana.garcia@acme.example.com: ana@acme-eu.example.com\n  Siobhan.OBrien@acme.example.com: nobody@acme-eu.example.com\n" +
      "groups:\n  Support Escalations: EU Escalations\n",
  );
  e2e.extraDirs.push(broken);
  const stack = await e2e.stack("members", { config: { "genesys-clone:transforms": path.relative(ROOT, broken) } });
  const failed = await e2e.pulumi(["preview", "--stack", stack]);
  const out = failed.stdout + failed.stderr;
  assert.notEqual(failed.code, 0);
  assert.match(
    out,
    /3 queue member\(s\) the code names do not exist in the target org: group 'EU Escalations' \('Support Escalations' in the code, renamed by the transforms file\) \(member of queue 'Support - Tier 2'\), user 'ana@acme-eu\.example\.com' .*\(member of queue 'Sales - New Business'\), user 'nobody@acme-eu\.example\.com' .*\(member of queue 'Support - Tier 1'\)/,
  );
  assert.match(out, /provision them in the target org.*genesys-clone import --members skip/);
  assert.deepEqual(differences(start, viewOf(await e2e.state("target"))), [], "preview changed the target");

  // The same users and group exist in the target under the source's emails and name: deploy.
  await e2e.ok([
    "config",
    "set",
    "--stack",
    stack,
    "genesys-clone:transforms",
    "stacks/sample/transforms.eu-west-1.yaml",
  ]);
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  const want = (q: Queue) => [q.name, q.members, (q.memberGroups ?? []).map((g) => [g.name, g.type])];
  assert.deepEqual((await queues("target")).map(want), (await queues("source")).map(want));

  // A no-change preview checks no member (each link keeps the state its `up` wrote): its only calls are the
  // token and the divisions, which this test's filter leaves out, so the code looks them up by name (a value it
  // uses). A preview that would change the links checks their members again, with the same one message.
  await e2e.control("/stats", "DELETE");
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);
  const calls = (await e2e.control("/stats?org=target")) as { orgs: { requests: Record<string, number> }[] };
  assert.deepEqual(calls.orgs[0]?.requests, { "GET /api/v2/authorization/divisions": 1, "POST /oauth/token": 1 });
  const transforms = (file: string) => e2e.ok(["config", "set", "--stack", stack, "genesys-clone:transforms", file]);
  await transforms(path.relative(ROOT, broken));
  const changed = await e2e.pulumi(["preview", "--stack", stack]);
  assert.notEqual(changed.code, 0);
  assert.match(changed.stdout + changed.stderr, /3 queue member\(s\) the code names do not exist in the target org/);
  await transforms("stacks/sample/transforms.eu-west-1.yaml");

  // Drift made in the UI: a ring number changed, a member removed; refresh shows it, up puts it back.
  const [sales, tier1] = ["Sales - New Business", "Support - Tier 1"].map((n) => n);
  const target = await queues("target");
  const salesId = target.find((q) => q.name === sales)!.id;
  const tier1Id = target.find((q) => q.name === tier1)!.id;
  const users = (await (await e2e.api("target", "GET", "/api/v2/users?pageSize=500")).json()) as {
    entities: { id: string; email: string }[];
  };
  const idOf = (email: string) => users.entities.find((u) => u.email === email)!.id;
  const ben = idOf("ben.okafor@acme.example.com");
  let r = await e2e.api("target", "PATCH", `/api/v2/routing/queues/${salesId}/members/${ben}`, { ringNumber: 5 });
  assert.equal(r.status, 204, await r.text());
  r = await e2e.api("target", "POST", `/api/v2/routing/queues/${tier1Id}/members?delete=true`, [
    { id: idOf("chloe.martin@acme.example.com") },
  ]);
  assert.equal(r.status, 204, await r.text());
  const refreshed = await e2e.ok(["refresh", "--stack", stack, "--yes", "--skip-preview"]);
  assert.match(refreshed.stdout, /~ .*QueueMembers.*sales-new-business/);
  assert.match(refreshed.stdout, /~ .*QueueMembers.*support-tier-1/);
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual((await queues("target")).map(want), (await queues("source")).map(want));

  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(
    differences(start, viewOf(await e2e.state("target"))),
    [],
    "destroy must return the target to its start",
  );
});
