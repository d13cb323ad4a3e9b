import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { differences, E2E, viewOf, type OrgView } from "./harness";

// Data tables (rows with --with-rows, diffed by key) and emergency groups through the real Pulumi CLI:
// import, preview, up, drift made in the target and undone, destroy back to the starting state.
type Table = { id: string; name: string; rows: { key: string; city?: string }[] };
type Group = { id: string; name: string; enabled: boolean; version: number; emergencyCallFlows: unknown[] };
let e2e: E2E;
let stack: string;
let before_: OrgView;

before(async () => {
  e2e = await E2E.start("sample");
  before_ = viewOf(await e2e.state("target"));
});
after(async () => e2e.close());

/** The two collections this test is about, from one org's view. */
const ours = (v: OrgView): OrgView => ({ datatables: v.datatables ?? {}, emergencygroups: v.emergencygroups ?? {} });

async function requests(): Promise<Record<string, number>> {
  const s = (await e2e.control("/stats?org=target")) as { orgs: { requests: Record<string, number> }[] };
  return s.orgs[0]!.requests;
}

test("import --with-rows: the table with its rows, the group and its flow link; flows reference both", async () => {
  const imported = await e2e.importSource(e2e.outDir, ["--with-rows"]);
  assert.equal(imported.code, 0, imported.stderr);
  const tables = await fs.readFile(path.join(e2e.outDir, "architect-datatables.ts"), "utf8");
  assert.match(tables, /new gc\.DataTable\("store-locations"/);
  assert.match(tables, /"\+13175550102": \{\s*address: '12 Main St "Arts District"'/);
  const flows = await fs.readFile(path.join(e2e.outDir, "architect-flows.ts"), "utf8");
  assert.match(flows, /"datatable\.store-locations": dataTableStoreLocations\.name/);
  assert.match(flows, /"emergencygroup\.severe-weather": emergencyGroupSevereWeather\.name/);
  assert.match(
    await fs.readFile(path.join(e2e.outDir, "architect-emergencygroup-flows.ts"), "utf8"),
    /emergencyFlows: \[flowEmergencyClosure\.id\]/,
  );

  // without --with-rows the table is declared without rows (rows are often data)
  const noRows = `${e2e.outDir}-norows`;
  e2e.extraDirs.push(noRows);
  assert.equal((await e2e.importSource(noRows)).code, 0);
  assert.doesNotMatch(await fs.readFile(path.join(noRows, "architect-datatables.ts"), "utf8"), /rows:/);
});

test("preview then up: the target holds the table, its rows and the group as the source does", async () => {
  stack = await e2e.stack("dt");
  const preview = await e2e.ok(["preview", "--stack", stack]);
  assert.match(preview.stdout, /ArchitectDataTable\s+store-locations\s+create/);
  assert.match(preview.stdout, /ArchitectEmergencyGroupFlows\s+severe-weather\s+create/);
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  await e2e.noDuplicates();
  assert.deepEqual(differences(ours(viewOf(await e2e.state("source"))), ours(viewOf(await e2e.state("target")))), []);
  const verify = await e2e.verify(stack);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
});

test("drift: a row and the group changed in the target show at refresh; up rewrites that row only", async () => {
  const target = await e2e.state("target");
  const table = (target.datatables as Table[])[0]!;
  const group = (target.emergencygroups as Group[])[0]!;
  const changed = await e2e.api("target", "PUT", `/api/v2/flows/datatables/${table.id}/rows/%2B13175550101`, {
    key: "+13175550101",
    city: "Gary",
  });
  assert.equal(changed.status, 200, await changed.text());
  const toggled = await e2e.api("target", "PUT", `/api/v2/architect/emergencygroups/${group.id}`, {
    ...group,
    enabled: true,
  });
  assert.equal(toggled.status, 200, await toggled.text());

  const refresh = await e2e.ok(["refresh", "--stack", stack, "--yes"]);
  assert.match(refresh.stdout, /ArchitectDataTable\s+store-locations\s+update/);
  assert.match(refresh.stdout, /ArchitectEmergencyGroup\s+severe-weather\s+update/);
  // state now holds what the target has: the edited row by its key
  const exported = await e2e.ok(["stack", "export", "--stack", stack]);
  assert.match(exported.stdout, /"\+13175550101": \{[^}]*"city": "Gary"/);
  const preview = await e2e.ok(["preview", "--stack", stack]);
  assert.match(preview.stdout, /~ 2 to update/);

  await e2e.control("/stats", "DELETE");
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  // Writes only: reads are GETs, and the users search (the program's check of queue members) is a POST.
  const writes = Object.entries(await requests()).filter(
    ([k]) => !k.startsWith("GET ") && !k.endsWith("/search") && k.includes(" /api/"),
  );
  assert.deepEqual(writes.sort(), [
    ["PUT /api/v2/architect/emergencygroups/{emergencyGroupId}", 1],
    ["PUT /api/v2/flows/datatables/{datatableId}/rows/{rowId}", 1],
  ]);
  assert.deepEqual(differences(ours(viewOf(await e2e.state("source"))), ours(viewOf(await e2e.state("target")))), []);
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);
});

test("destroy: the target is back to its starting state", async () => {
  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(differences(before_, viewOf(await e2e.state("target"))), []);
});
