import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { differences, E2E, ROOT, viewOf } from "./harness";

// References inside flows through the real CLI: the sample's Store Locator calls Acme CRM's data action and hands
// failures to a group. A data action the target lacks fails preview with one message naming it, its flow and the
// fix; a name written into the YAML by hand fails the flow's own preview check; once an admin installs the action in
// the target (the emulator's control API), up publishes the flow naming it, verify matches, destroy goes back.
type Flow = { id: string; name: string; yaml?: string; references?: Record<string, string[]> };
const FILTERS = ["flows:Store Locator", "datatables", "queues:General Enquiries", "wrapupcodes", "skills"].flatMap(
  (f) => ["--include", f],
);
let e2e: E2E;

before(async () => {
  e2e = await E2E.start("sample");
});
after(async () => e2e.close());

const storeLocator = async () => ((await e2e.state("target")).flows as Flow[]).find((f) => f.name === "Store Locator");

test("a data action missing in the target, then a hand-written name: preview refuses each; installed, up, verify, destroy", async () => {
  const imported = await e2e.importSource(e2e.outDir, FILTERS);
  assert.equal(imported.code, 0, imported.stderr);
  const lookups = await fs.readFile(path.join(e2e.outDir, "lookups.ts"), "utf8");
  assert.match(lookups, /\{ type: "dataactions", name: "Get Account Status", flows: \["Store Locator"\] \}/);
  assert.match(lookups, /\{ type: "integrations", name: "Acme CRM", flows: \["Store Locator"\] \}/);
  assert.match(lookups, /\{ type: "groups", name: "Support Escalations", flows: \["Store Locator"\] \}/);
  const start = viewOf(await e2e.state("target"));

  // The target's CRM action is called "Get Account Status v2" (mapped here): it does not exist yet.
  const base = await fs.readFile(path.join(ROOT, "stacks/sample/transforms.eu-west-1.yaml"), "utf8");
  const transforms = path.join(ROOT, "stacks", `${e2e.sourceDir}-flowrefs.yaml`);
  await fs.writeFile(transforms, `${base}dataActions:\n  Get Account Status: Get Account Status v2\n`);
  e2e.extraDirs.push(transforms);
  const stack = await e2e.stack("flowrefs", {
    config: { "genesys-clone:transforms": path.relative(ROOT, transforms) },
  });
  const missing = await e2e.pulumi(["preview", "--stack", stack]);
  assert.notEqual(missing.code, 0);
  assert.match(
    missing.stdout + missing.stderr,
    /1 data action\(s\) or integration\(s\) the flows call do not exist in the target org: data action 'Get Account Status v2' \('Get Account Status' in the code, renamed by the transforms file\) \(called by flow 'Store Locator'\)\. genesys-clone never creates integrations or data actions \(their credentials cannot be cloned\): install the integration and create the data action in the target org, or map them to the target's names in the transforms file \(integrations:, dataActions:\)\./,
  );
  assert.deepEqual(differences(start, viewOf(await e2e.state("target"))), [], "preview changed the target");

  // An admin installs it in the target.
  await e2e.control("/orgs/target/integrations", "POST", {
    name: "Acme CRM v2",
    actions: [{ name: "Get Account Status v2", category: "Acme CRM" }],
  });

  // A group name written into the flow's YAML by hand (no placeholder): the flow's check refuses it at preview.
  const file = path.join(e2e.outDir, "flows/store-locator-inboundcall.yaml");
  const yaml = await fs.readFile(file, "utf8");
  assert.match(yaml, /name: "\{\{group\.support-escalations\}\}"/);
  await fs.writeFile(file, yaml.replace('name: "{{group.support-escalations}}"', "name: Night Shift"));
  const literal = await e2e.pulumi(["preview", "--stack", stack]);
  assert.notEqual(literal.code, 0);
  assert.match(
    literal.stdout + literal.stderr,
    /Flow 'Store Locator' \(inboundcall\) names 1 object\(s\) the target org does not have: group 'Night Shift'\. Its YAML writes these names as they are, not through substitutions/,
  );
  assert.deepEqual(differences(start, viewOf(await e2e.state("target"))), [], "preview changed the target");
  await fs.writeFile(file, yaml);

  await e2e.ok(["up", "--stack", stack, "--yes"]);
  const flow = await storeLocator();
  assert.deepEqual(
    [flow?.references?.dataActions, flow?.references?.integrations, flow?.references?.groups],
    [["Get Account Status v2"], ["Acme CRM"], ["Support Escalations"]],
  );
  const verify = await e2e.verify(stack);
  // The import took one flow of the source's: it is in the target and the same, leaf by leaf, names mapped.
  assert.match(verify.stdout, /\| flows \| \d+ \| 1 \| \d+ \| 0 \| 0 \|/, verify.stdout + verify.stderr);
  assert.doesNotMatch(verify.stdout, /(different|missing in target): Store Locator/, verify.stdout);
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);

  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.equal(await storeLocator(), undefined);
  assert.deepEqual(
    differences(start, viewOf(await e2e.state("target"))),
    [],
    "destroy must return the target to its start",
  );
});
