import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { COLLECTIONS, differences, E2E, viewOf } from "./harness";

// One clone, step by step through the real CLI: import, preview, up, refresh, drift, destroy.
let e2e: E2E;
let stack: string;
let before_: Awaited<ReturnType<E2E["state"]>>;

before(async () => {
  e2e = await E2E.start("sample");
  const imported = await e2e.importSource();
  assert.equal(imported.code, 0, imported.stderr);
  stack = await e2e.stack("life");
  before_ = await e2e.state("target");
});
after(async () => e2e.close());

test("import: the same org gives byte-identical files, with no source ids", async () => {
  const again = await fs.mkdtemp(path.join(os.tmpdir(), "import-again-"));
  try {
    const second = await e2e.importSource(again);
    assert.equal(second.code, 0, second.stderr);
    const files = (await fs.readdir(e2e.outDir)).sort();
    assert.deepEqual(files, [
      "architect-schedulegroups.ts", "architect-schedules.ts", "auth-divisions.ts", "index.ts", "lookups.ts",
      "routing-languages.ts", "routing-queues.ts", "routing-skills.ts", "routing-wrapupcodes.ts",
    ]);
    assert.deepEqual((await fs.readdir(again)).sort(), files);
    const state = await e2e.state("source");
    const ids = COLLECTIONS.flatMap((c) => (state[c] as { id: string }[]).map((o) => o.id));
    assert.ok(ids.length > 100, "the sample org has objects of every type");
    for (const f of files) {
      const a = await fs.readFile(path.join(e2e.outDir, f), "utf8");
      assert.equal(await fs.readFile(path.join(again, f), "utf8"), a, `${f} differs between two imports`);
      for (const id of ids) assert.ok(!a.includes(id), `${f} contains source id ${id}`);
    }
    const skills = await fs.readFile(path.join(e2e.outDir, "routing-skills.ts"), "utf8");
    assert.ok(!skills.includes("Legacy Fax Support"), "a soft-deleted skill was imported");
    assert.match(await fs.readFile(path.join(e2e.outDir, "lookups.ts"), "utf8"), /LOOKUPS: \{ type: string; name: string \}\[\] = \[\n\];/, "a full import needs no lookups");
    const queues = await fs.readFile(path.join(e2e.outDir, "routing-queues.ts"), "utf8");
    assert.match(queues, /import \{ [^}]*wrapupCode\w+[^}]* \} from "\.\/routing-wrapupcodes";/, "queues reference wrap-up codes as variables");
    assert.match(queues, /wrapupCodes: \[\s*wrapupCode\w+\.id/);
  } finally {
    await fs.rm(again, { recursive: true, force: true });
  }
});

test("preview shows every object to create and changes nothing", async () => {
  const res = await e2e.ok(["preview", "--stack", stack]);
  const source = viewOf(await e2e.state("source"));
  const expected = COLLECTIONS.reduce((n, c) => n + Object.keys(source[c]!).length, 0) + 1; // + the stack itself
  assert.match(res.stdout, new RegExp(`\\+ ${expected} to create`));
  assert.deepEqual(await e2e.state("target"), before_);
});

test("up: the target holds the source's skills and wrap-up codes (names, divisions, descriptions)", async () => {
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(differences(viewOf(await e2e.state("source")), viewOf(await e2e.state("target"))), []);
});

test("state holds no secret: the OAuth client secret is encrypted and the provider shim captures nothing", async () => {
  const text = await e2e.backendText();
  assert.ok(text.length > 0);
  assert.ok(!text.includes(e2e.org("target").clientSecret), "target client secret in state");
  assert.ok(!text.includes(e2e.org("source").clientSecret), "source client secret in state");
  const exported = JSON.parse((await e2e.ok(["stack", "export", "--stack", stack])).stdout) as {
    deployment: { resources: { type: string; inputs?: { __provider?: string } }[] };
  };
  const shim = exported.deployment.resources.find((r) => r.inputs?.__provider)!.inputs!.__provider!;
  assert.match(shim, /@genesys-clone\/provider\/dist\/process/);
  assert.ok(shim.length < 4000, `serialized provider is ${shim.length} bytes: it captured more than the shim`);
});

test("refresh finds no drift and a second preview plans no change", async () => {
  await e2e.ok(["refresh", "--stack", stack, "--yes", "--skip-preview"]);
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);
});

test("an up that fails its preflight (wrong secret) deletes nothing and leaves state usable", async () => {
  const orgBefore = await e2e.state("target");
  await e2e.ok(["config", "set", "--stack", stack, "--secret", "genesyscloud:oauthClientSecret"], "not-the-secret-42");
  const failed = await e2e.pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.notEqual(failed.code, 0);
  assert.match(failed.stdout + failed.stderr, /rejected the OAuth client credentials/);
  assert.deepEqual(await e2e.state("target"), orgBefore);
  await e2e.ok(["config", "set", "--stack", stack, "--secret", "genesyscloud:oauthClientSecret"], e2e.org("target").clientSecret);
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);
});

test("drift made in the org shows after refresh, and up repairs it", async () => {
  const target = await e2e.state("target");
  const code = (target.wrapupcodes as { id: string; name: string; division: { id: string } }[]).find((w) => w.name === "Callback Scheduled")!;
  const res = await e2e.api("target", "PUT", `/api/v2/routing/wrapupcodes/${code.id}`, {
    name: code.name,
    division: code.division,
    description: "changed in the UI",
  });
  assert.equal(res.status, 200);
  const refreshed = await e2e.ok(["refresh", "--stack", stack, "--yes", "--skip-preview"]);
  assert.match(refreshed.stdout, /callback-scheduled/);
  const preview = await e2e.pulumi(["preview", "--stack", stack, "--expect-no-changes", "--diff"]);
  assert.notEqual(preview.code, 0, "preview after drift must plan a change");
  assert.match(preview.stdout, /RoutingWrapupCode::callback-scheduled/);
  assert.match(preview.stdout, /~ 1 to update/);
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(differences(viewOf(await e2e.state("source")), viewOf(await e2e.state("target"))), []);
});

test("a renamed skill is replaced (the API cannot rename skills); a renamed wrap-up code is updated in place", async () => {
  const file = path.join(e2e.outDir, "routing-skills.ts");
  const codesFile = path.join(e2e.outDir, "routing-wrapupcodes.ts");
  const original = await fs.readFile(file, "utf8");
  const originalCodes = await fs.readFile(codesFile, "utf8");
  try {
    await fs.writeFile(file, original.replace('name: "Retention",', 'name: "Retention Team",'));
    await fs.writeFile(codesFile, originalCodes.replace('name: "No Answer",', 'name: "No Answer (callback)",'));
    const res = await e2e.ok(["preview", "--stack", stack, "--diff"]);
    assert.match(res.stdout, /\+-\s*pulumi-nodejs:dynamic\/genesyscloud:RoutingSkill: \(replace\)/);
    assert.match(res.stdout, /~\s*pulumi-nodejs:dynamic\/genesyscloud:RoutingWrapupCode: \(update\)/);
    assert.match(res.stdout, /1 to replace/);
  } finally {
    await fs.writeFile(file, original);
    await fs.writeFile(codesFile, originalCodes);
  }
});

test("destroy rolls the target back to its starting state", async () => {
  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(differences(viewOf(before_), viewOf(await e2e.state("target"))), []);
});
