import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { OrgInfo, RunningEmulator } from "@genesys-clone/emulator";
import { impl } from "@genesys-clone/provider/dist/process";
import { rawApi, startTarget } from "./target";

// Data tables (rows by key) and emergency groups (with their flow link), called as the provider process
// calls them, against the emulated target org.
let emu: RunningEmulator;
let target: OrgInfo;
const tables = () => impl("genesyscloud:architect:DataTable");
const groups = () => impl("genesyscloud:architect:EmergencyGroup");
const groupFlows = () => impl("genesyscloud:architect:EmergencyGroupFlows");

before(async () => {
  ({ emu, target } = await startTarget({ "genesyscloud:retryDeadlineSeconds": "3" }));
});
after(async () => emu.close());

const TABLES = "/api/v2/flows/datatables";
const PROPERTIES = [
  { name: "key", type: "string", title: "Number" },
  { name: "city", type: "string" },
  { name: "floors", type: "integer", default: 1 },
];

/** API calls the target received since the last reset, by `METHOD route`. */
async function requests(): Promise<Record<string, number>> {
  const r = await fetch(`${emu.url}/__emulator/stats?org=target`);
  return ((await r.json()) as { orgs: { requests: Record<string, number> }[] }).orgs[0]!.requests;
}
const resetStats = () => fetch(`${emu.url}/__emulator/stats`, { method: "DELETE" });
const writes = (r: Record<string, number>) => Object.entries(r).filter(([k]) => !k.startsWith("GET "));

// First: the provider caches each type's listing per process, as one `pulumi up` does.
test("data tables: an adopted table gets its rows back, and keeps the columns added, on destroy", async () => {
  const own = await rawApi(target, "POST", TABLES, {
    name: "Holidays",
    schema: { properties: { key: { type: "string" }, note: { type: "string" } } },
  });
  const id = (own.body as { id: string }).id;
  await rawApi(target, "POST", `${TABLES}/${id}/rows`, { key: "2026-12-25", note: "Christmas" });
  const adopted = await tables().create({
    name: "Holidays",
    onConflict: "adopt",
    properties: [
      { name: "key", type: "string" },
      { name: "note", type: "string" },
      { name: "closed", type: "boolean" },
    ],
    rows: { "2027-01-01": { note: "New Year", closed: true } },
  });
  assert.equal(adopted.id, id);
  await tables().delete(id, adopted.outs);
  const rows = await rawApi(target, "GET", `${TABLES}/${id}/rows?showbrief=false`);
  assert.deepEqual((rows.body as { entities: unknown[] }).entities, [{ key: "2026-12-25", note: "Christmas" }]);
  // the API cannot remove a column: the restored schema keeps the one the stack added
  const schema = (await rawApi(target, "GET", `${TABLES}/${id}?expand=schema`)).body as {
    schema: { properties: Record<string, unknown> };
  };
  assert.deepEqual(Object.keys(schema.schema.properties), ["key", "note", "closed"]);
  await rawApi(target, "DELETE", `${TABLES}/${id}`);
});

test("check: a data table's schema and rows are judged at preview, naming the row and column", async () => {
  const cases: { name: string; news: Record<string, unknown>; reason: RegExp }[] = [
    {
      name: "no key",
      news: { name: "T", properties: [{ name: "city", type: "string" }] },
      reason: /'key' of type string/,
    },
    {
      name: "a key that is not a string",
      news: { name: "T", properties: [{ name: "key", type: "integer" }] },
      reason: /'key' of type string/,
    },
    {
      name: "an unknown type",
      news: {
        name: "T",
        properties: [
          { name: "key", type: "string" },
          { name: "d", type: "date" },
        ],
      },
      reason: /type must be one of string, integer, number, boolean/,
    },
    {
      name: "a default of the wrong type",
      news: { name: "T", properties: [...PROPERTIES, { name: "vip", type: "boolean", default: "yes" }] },
      reason: /property 'vip': default "yes" is not a boolean/,
    },
    {
      name: "a row naming an unknown column",
      news: { name: "T", properties: PROPERTIES, rows: { 'r"1': { colour: "red" } } },
      reason: /rows\["r\\"1"\]: 'colour' is not a property of the table/,
    },
    {
      name: "a row value of the wrong type",
      news: { name: "T", properties: PROPERTIES, rows: { a: { floors: 2.5 } } },
      reason: /rows\["a"\]: 'floors' must be a integer/,
    },
  ];
  for (const c of cases) {
    const res = await tables().check({}, c.news);
    assert.equal(res.failures?.length, 1, `${c.name}: ${JSON.stringify(res.failures)}`);
    assert.match(res.failures![0]!.reason, c.reason, c.name);
    assert.match(res.failures![0]!.reason, /^Data table 'T'/, c.name);
  }
});

test("data table rows: created with the table, a change to one row writes that row only, refresh shows row drift, destroy removes the table", async () => {
  const rows = { "S/1": { city: "Dublin", floors: 3 }, 'S "2"': { city: "Cork" }, S3: { city: "${x}" } };
  const created = await tables().create({ name: "Branches", properties: PROPERTIES, rows });
  const id = created.id;
  const listed = await rawApi(target, "GET", `${TABLES}/${id}/rows?showbrief=false`);
  assert.deepEqual((listed.body as { entities: unknown[] }).entities, [
    { key: 'S "2"', city: "Cork", floors: 1 },
    { key: "S/1", city: "Dublin", floors: 3 },
    { key: "S3", city: "${x}", floors: 1 },
  ]);

  await resetStats();
  const changed = { ...rows, "S/1": { city: "Galway", floors: 3 } };
  const diff = await tables().diff(id, created.outs, { name: "Branches", properties: PROPERTIES, rows: changed });
  assert.equal(diff.changes, true);
  assert.deepEqual(diff.replaces, []);
  await tables().update(id, created.outs, { name: "Branches", properties: PROPERTIES, rows: changed });
  assert.deepEqual(writes(await requests()), [["PUT /api/v2/flows/datatables/{datatableId}/rows/{rowId}", 1]]);

  // drift made in the UI: one row edited, one added, one deleted
  await rawApi(target, "PUT", `${TABLES}/${id}/rows/S3`, { key: "S3", city: "Limerick" });
  await rawApi(target, "POST", `${TABLES}/${id}/rows`, { key: "S4", city: "Sligo" });
  await rawApi(target, "DELETE", `${TABLES}/${id}/rows/${encodeURIComponent('S "2"')}`);
  const read = await tables().read(id, { name: "Branches", properties: PROPERTIES, rows: changed });
  assert.deepEqual(read.props?.rows, {
    "S/1": { city: "Galway", floors: 3 },
    S3: { city: "Limerick" },
    S4: { city: "Sligo", floors: 1 },
  });

  // the next up puts the declared rows back
  await tables().update(id, read.props!, { name: "Branches", properties: PROPERTIES, rows: changed });
  const back = await rawApi(target, "GET", `${TABLES}/${id}/rows?showbrief=false`);
  assert.deepEqual(
    (back.body as { entities: { key: string }[] }).entities.map((r) => r.key),
    ['S "2"', "S/1", "S3"],
  );

  // without rows in the code, rows are not managed: an update leaves them
  await resetStats();
  await tables().update(
    id,
    { name: "Branches", properties: PROPERTIES },
    {
      name: "Branches",
      properties: [...PROPERTIES, { name: "open", type: "boolean", default: true }],
    },
  );
  assert.deepEqual(writes(await requests()), [["PUT /api/v2/flows/datatables/{datatableId}", 1]]);

  await tables().delete(id, { name: "Branches", properties: PROPERTIES });
  assert.equal((await rawApi(target, "GET", `${TABLES}/${id}`)).status, 404);
});

test("emergency groups: the group, then its flow link; destroy gives the group its prior flows back", async () => {
  const flow = await rawApi(target, "POST", "/api/v2/flows", { name: "Storm Message", type: "inboundcall" });
  const flowId = (flow.body as { id: string }).id;
  const check = await groups().check({}, { name: "Storm", enabled: "yes" });
  assert.match(check.failures?.[0]?.reason ?? "", /Emergency group 'Storm': enabled must be true or false/);

  const g = await groups().create({ name: "Storm", description: "winter", enabled: true });
  const link = await groupFlows().create({ emergencyGroup: g.id, emergencyFlows: [flowId] });
  const stored = await rawApi(target, "GET", `/api/v2/architect/emergencygroups/${g.id}`);
  const body = stored.body as { enabled: boolean; emergencyCallFlows: { emergencyFlow: { id: string } }[] };
  assert.equal(body.enabled, true);
  assert.deepEqual(
    body.emergencyCallFlows.map((c) => c.emergencyFlow.id),
    [flowId],
  );
  // an update of the group keeps the flows the link set
  await groups().update(g.id, g.outs, { name: "Storm", description: "all year", enabled: false });
  assert.deepEqual((await groupFlows().read(link.id, link.outs)).props?.emergencyFlows, [flowId]);
  // drift: the group switched on in the UI
  const current = (await rawApi(target, "GET", `/api/v2/architect/emergencygroups/${g.id}`)).body as {
    version: number;
  };
  await rawApi(target, "PUT", `/api/v2/architect/emergencygroups/${g.id}`, {
    name: "Storm",
    description: "all year",
    enabled: true,
    version: current.version,
    emergencyCallFlows: [{ emergencyFlow: { id: flowId }, ivrs: [] }],
  });
  const read = await groups().read(g.id, { name: "Storm", description: "all year", enabled: false });
  assert.equal(read.props?.enabled, true);

  await groupFlows().delete(link.id, link.outs);
  assert.deepEqual((await groupFlows().read(link.id, link.outs)).props?.emergencyFlows, []);
  await groups().delete(g.id, g.outs);
  const gone = await rawApi(target, "GET", `/api/v2/architect/emergencygroups/${g.id}`);
  assert.equal((gone.body as { state: string }).state, "deleted");
});
