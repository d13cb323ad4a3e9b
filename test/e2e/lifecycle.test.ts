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
  // with the data table's rows: the target is then compared to the source row by row
  const imported = await e2e.importSource(e2e.outDir, ["--with-rows"]);
  assert.equal(imported.code, 0, imported.stderr);
  stack = await e2e.stack("life");
  before_ = await e2e.state("target");
});
after(async () => e2e.close());

test("import: the same org gives byte-identical files, with no source ids", async () => {
  const again = await fs.mkdtemp(path.join(os.tmpdir(), "import-again-"));
  try {
    const second = await e2e.importSource(again, ["--with-rows"]);
    assert.equal(second.code, 0, second.stderr);
    const files = (await fs.readdir(e2e.outDir)).sort();
    assert.deepEqual(files, [
      "architect-datatables.ts",
      "architect-emergencygroup-flows.ts",
      "architect-emergencygroups.ts",
      "architect-flow-shells.ts",
      "architect-flows.ts",
      "architect-ivrs.ts",
      "architect-schedulegroups.ts",
      "architect-schedules.ts",
      "architect-userprompts.ts",
      "auth-divisions.ts",
      "flows",
      "index.ts",
      "lookups.ts",
      "prompts",
      "routing-languages.ts",
      "routing-queue-flows.ts",
      "routing-queue-members.ts",
      "routing-queues.ts",
      "routing-skills.ts",
      "routing-wrapupcodes.ts",
      "telephony-trunks.ts",
    ]);
    const flowFiles = (await fs.readdir(path.join(e2e.outDir, "flows"))).sort();
    assert.equal(flowFiles.length, 7);
    for (const f of flowFiles) {
      assert.equal(
        await fs.readFile(path.join(again, "flows", f), "utf8"),
        await fs.readFile(path.join(e2e.outDir, "flows", f), "utf8"),
        `flows/${f} differs`,
      );
    }
    assert.deepEqual((await fs.readdir(again)).sort(), files);
    const state = await e2e.state("source");
    const ids = COLLECTIONS.flatMap((c) => (state[c] as { id: string }[]).map((o) => o.id));
    assert.ok(ids.length > 100, "the sample org has objects of every type");
    for (const f of files.filter((x) => x.endsWith(".ts"))) {
      const a = await fs.readFile(path.join(e2e.outDir, f), "utf8");
      assert.equal(await fs.readFile(path.join(again, f), "utf8"), a, `${f} differs between two imports`);
      for (const id of ids) assert.ok(!a.includes(id), `${f} contains source id ${id}`);
    }
    const skills = await fs.readFile(path.join(e2e.outDir, "routing-skills.ts"), "utf8");
    assert.ok(!skills.includes("Legacy Fax Support"), "a soft-deleted skill was imported");
    // A full import looks up only what every org provisions or installs for itself: the users and groups queue
    // members and flows name, and the integrations and data actions flows call.
    const lookups = await fs.readFile(path.join(e2e.outDir, "lookups.ts"), "utf8");
    const lookupTypes = [...lookups.matchAll(/\{ type: "([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      [...new Set(lookupTypes)].sort(),
      ["dataactions", "groups", "integrations", "users"],
      "a full import looks up only users, groups, integrations and data actions",
    );
    const queues = await fs.readFile(path.join(e2e.outDir, "routing-queues.ts"), "utf8");
    assert.match(
      queues,
      /import \{[^}]*wrapupCode\w+[^}]*\} from "\.\/routing-wrapupcodes";/,
      "queues reference wrap-up codes as variables",
    );
    assert.match(queues, /wrapupCodes: \[\s*wrapupCode\w+\.id/);
  } finally {
    await fs.rm(again, { recursive: true, force: true });
  }
});

test("preview shows every object to create and changes nothing", async () => {
  const res = await e2e.ok(["preview", "--stack", stack]);
  let expected = 1; // the stack itself
  for (const f of await fs.readdir(e2e.outDir)) {
    if (f.endsWith(".ts"))
      expected += ((await fs.readFile(path.join(e2e.outDir, f), "utf8")).match(/= new gc\./g) ?? []).length;
  }
  assert.ok(expected > 150);
  assert.match(res.stdout, new RegExp(`\\+ ${expected} to create`));
  assert.deepEqual(await e2e.state("target"), before_);
});

test("up: cycles deploy, every flow is published, trunks connect, and verify finds the target equal to the source", async () => {
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  const target = await e2e.state("target");
  const flows = target.flows as { name: string; publishedVersion?: { id: string } }[];
  // the cloned flows, beside the target's own default flows (never declared by the import)
  assert.deepEqual(flows.map((f) => f.name).sort(), [
    "Default In-Queue Flow",
    "Default Voicemail Flow",
    "Emergency Closure",
    "Main IVR",
    "Sales In-Queue",
    "Spanish IVR",
    "Standard In-Queue",
    "Store Locator",
    "Support In-Queue",
  ]);
  assert.ok(
    flows.every((f) => f.publishedVersion),
    "every flow published",
  );
  assert.ok(
    (target.trunks as { connectedStatus?: { connected?: boolean } }[]).every((t) => t.connectedStatus?.connected),
  );
  const vip = (target.queues as { name: string; queueFlow?: { id: string } }[]).find((q) => q.name === "Sales - VIP")!;
  assert.equal(
    flows.find((f) => (f as unknown as { id: string }).id === vip.queueFlow?.id)?.name,
    "Sales In-Queue",
    "queue <-> flow cycle linked",
  );
  const verify = await e2e.verify(stack);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /the target matches the source/);
});

test("state and generated code hold no secret: OAuth secrets and trunk passwords are encrypted or absent", async () => {
  const text = await e2e.backendText();
  assert.ok(text.length > 0);
  assert.ok(!text.includes(e2e.org("target").clientSecret), "target client secret in state");
  assert.ok(!text.includes(e2e.org("source").clientSecret), "source client secret in state");
  for (const trunk of ["us-carrier-primary", "us-carrier-backup"]) {
    for (const part of ["username", "password"])
      assert.ok(!text.includes(e2e.trunkSecret(trunk, part)), `trunk ${part} of ${trunk} in state`);
  }
  const code = await fs.readFile(path.join(e2e.outDir, "telephony-trunks.ts"), "utf8");
  assert.match(code, /credentials: gc\.trunkCredentials\("us-carrier-primary"\)/);
  assert.doesNotMatch(
    code,
    /trunk_sip_authentication_credentials_(username|password)/,
    "credentials exported into code",
  );
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
  await e2e.ok(
    ["config", "set", "--stack", stack, "--secret", "genesyscloud:oauthClientSecret"],
    e2e.org("target").clientSecret,
  );
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);
});

test("drift made in the org shows after refresh, and up repairs it", async () => {
  const target = await e2e.state("target");
  const code = (target.wrapupcodes as { id: string; name: string; division: { id: string } }[]).find(
    (w) => w.name === "Callback Scheduled",
  )!;
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

test("no secret in anything the CLI printed during the whole lifecycle", () => {
  assert.ok(e2e.transcript.length > 1000);
  for (const secret of [e2e.org("target").clientSecret, e2e.org("source").clientSecret])
    assert.ok(!e2e.transcript.includes(secret), "OAuth secret printed");
  for (const trunk of ["us-carrier-primary", "us-carrier-backup"]) {
    for (const part of ["username", "password"])
      assert.ok(!e2e.transcript.includes(e2e.trunkSecret(trunk, part)), `trunk ${part} printed`);
  }
});

test("destroy rolls the target back to its starting state", async () => {
  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(differences(viewOf(before_), viewOf(await e2e.state("target"))), []);
});
