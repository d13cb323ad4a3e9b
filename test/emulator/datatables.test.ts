import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, divisionIds, entitiesOf, errorOf, idByName, obj, withSource, type Json } from "./helpers";

const TABLES = "/api/v2/flows/datatables";
const GROUPS = "/api/v2/architect/emergencygroups";

/** A JSON schema as TF architect_datatable sends it. */
function schema(columns: [string, string, Json?][]): Json {
  return {
    $schema: "http://json-schema.org/draft-04/schema#",
    type: "object",
    required: ["key"],
    properties: Object.fromEntries(
      columns.map(([name, type, extra], i) => [name, { $id: `/properties/${name}`, type, displayOrder: i, ...extra }]),
    ),
    additionalProperties: false,
  };
}

const BASE: [string, string, Json?][] = [
  ["key", "string", { title: "Id" }],
  ["city", "string"],
  ["floors", "integer", { default: 1 }],
];

interface RejectCase {
  name: string;
  body: Json;
  status: number;
  message: RegExp;
}

const TABLE_REJECTS: RejectCase[] = [
  {
    name: "no key column",
    body: { name: "T1", schema: schema([["city", "string"]]) },
    status: 400,
    message: /'key' of type string/,
  },
  {
    name: "key that is not a string",
    body: { name: "T2", schema: schema([["key", "integer"]]) },
    status: 400,
    message: /'key' of type string/,
  },
  {
    name: "unknown column type",
    body: {
      name: "T3",
      schema: schema([
        ["key", "string"],
        ["x", "date"],
      ]),
    },
    status: 400,
    message: /type/,
  },
  { name: "no schema", body: { name: "T4" }, status: 400, message: /schema/ },
  {
    name: "a default of the wrong type",
    body: {
      name: "T5",
      schema: schema([
        ["key", "string"],
        ["n", "integer", { default: "one" }],
      ]),
    },
    status: 400,
    message: /default of property 'n'/,
  },
  {
    name: "the seeded table's name in another case",
    body: { name: "store locations", schema: schema(BASE) },
    status: 409,
    message: /already exists/,
  },
];

test("data tables: bodies the API refuses", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of TABLE_REJECTS) {
      const r = await call(source, token, "POST", TABLES, c.body);
      assert.equal(r.status, c.status, `${c.name}: ${JSON.stringify(r.body)}`);
      assert.match(String(errorOf(r)["message"]), c.message, c.name);
    }
  });
});

test("data tables: schema round trip, expand=schema, PUT keeps rows and cannot drop columns, hard delete", async () => {
  await withSource({}, async (_emu, source, token) => {
    const div = await divisionIds(source, token);
    const created = await call(source, token, "POST", TABLES, {
      name: "Branches",
      description: "by id",
      division: { id: div["Sales"] },
      schema: schema(BASE),
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const t = obj(created.body);
    const id = String(t["id"]);
    assert.deepEqual(obj(obj(t["schema"])["properties"])["floors"], {
      $id: "/properties/floors",
      type: "integer",
      displayOrder: 2,
      default: 1,
    });
    // without expand=schema the table comes without its schema, as the real API answers
    assert.equal(obj((await call(source, token, "GET", `${TABLES}/${id}`)).body)["schema"], undefined);
    const listed = entitiesOf(await call(source, token, "GET", `${TABLES}?expand=schema&name=Branches`));
    assert.equal(listed.length, 1);
    assert.ok(obj(listed[0]!["schema"])["properties"]);

    const row = await call(source, token, "POST", `${TABLES}/${id}/rows`, { key: 'B/1 "x"', city: "Dublin" });
    assert.equal(row.status, 200, JSON.stringify(row.body));
    assert.deepEqual(row.body, { key: 'B/1 "x"', city: "Dublin", floors: 1 }, "a missing column takes its default");

    const dropped = await call(source, token, "PUT", `${TABLES}/${id}`, {
      name: "Branches",
      schema: schema([["key", "string"]]),
    });
    assert.equal(dropped.status, 400);
    assert.match(String(errorOf(dropped)["message"]), /cannot be removed/);
    const retyped = await call(source, token, "PUT", `${TABLES}/${id}`, {
      name: "Branches",
      schema: schema([
        ["key", "string"],
        ["city", "boolean"],
        ["floors", "integer"],
      ]),
    });
    assert.equal(retyped.status, 400);
    assert.match(String(errorOf(retyped)["message"]), /cannot change its type/);

    const grown = await call(source, token, "PUT", `${TABLES}/${id}`, {
      name: "Branches",
      schema: schema([...BASE, ["open", "boolean", { default: true }]]),
    });
    assert.equal(grown.status, 200, JSON.stringify(grown.body));
    const rows = entitiesOf(await call(source, token, "GET", `${TABLES}/${id}/rows?showbrief=false`));
    assert.deepEqual(rows, [{ key: 'B/1 "x"', city: "Dublin", floors: 1, open: true }]);

    assert.equal((await call(source, token, "DELETE", `${TABLES}/${id}`)).status, 204);
    assert.equal((await call(source, token, "GET", `${TABLES}/${id}`)).status, 404);
  });
});

interface RowCase {
  name: string;
  method: "POST" | "PUT" | "GET" | "DELETE";
  /** Row key in the path (PUT, GET, DELETE). */
  key?: string;
  body?: Json;
  status: number;
  expect?: Json | RegExp;
}

const ROW_CASES: RowCase[] = [
  { name: "brief by default", method: "GET", key: "+13175550101", status: 200, expect: { key: "+13175550101" } },
  { name: "an unknown column", method: "POST", body: { key: "N1", colour: "red" }, status: 400, expect: /colour/ },
  { name: "a wrong type", method: "POST", body: { key: "N2", opensAt: "eight" }, status: 400, expect: /integer/ },
  { name: "no key", method: "POST", body: { city: "Cork" }, status: 400, expect: /key/ },
  { name: "a key that exists", method: "POST", body: { key: "+13175550101" }, status: 409, expect: /already exists/ },
  {
    name: "PUT replaces one row",
    method: "PUT",
    key: "+13175550102",
    body: { city: "Carmel", address: "1 New St", opensAt: 10 },
    status: 200,
    expect: { key: "+13175550102", city: "Carmel", address: "1 New St", opensAt: 10, open24h: false },
  },
  { name: "PUT cannot change the key", method: "PUT", key: "+13175550103", body: { key: "X" }, status: 400 },
  { name: "GET of a missing key", method: "GET", key: "nope", status: 404 },
  { name: "DELETE of one row", method: "DELETE", key: "+13175550101", status: 204 },
];

test("data table rows: by key, validated against the schema", async () => {
  await withSource({}, async (_emu, source, token) => {
    const id = await idByName(source, token, TABLES, "Store Locations");
    for (const c of ROW_CASES) {
      const path = `${TABLES}/${id}/rows${c.key !== undefined ? `/${encodeURIComponent(c.key)}` : ""}`;
      const r = await call(source, token, c.method, path, c.body);
      assert.equal(r.status, c.status, `${c.name}: ${JSON.stringify(r.body)}`);
      if (c.expect instanceof RegExp) assert.match(String(errorOf(r)["message"]), c.expect, c.name);
      else if (c.expect !== undefined) assert.deepEqual(r.body, c.expect, c.name);
    }
    const keys = entitiesOf(await call(source, token, "GET", `${TABLES}/${id}/rows`)).map((r) => r["key"]);
    assert.deepEqual(keys, ["+13175550102", "+13175550103"], "only the deleted row is gone");
  });
});

test("data tables: a table a published flow names is deleted only with force=true", async () => {
  await withSource({}, async (_emu, source, token) => {
    const id = await idByName(source, token, TABLES, "Store Locations");
    const refused = await call(source, token, "DELETE", `${TABLES}/${id}`);
    assert.equal(refused.status, 409);
    assert.match(String(errorOf(refused)["message"]), /Store Locator/);
    assert.equal((await call(source, token, "DELETE", `${TABLES}/${id}?force=true`)).status, 204);
  });
});

test("emergency groups: versioned PUT, inbound call flows only, soft delete, flows in use", async () => {
  await withSource({}, async (_emu, source, token) => {
    const seeded = entitiesOf(await call(source, token, "GET", GROUPS));
    assert.deepEqual(
      seeded.map((g) => [g["name"], g["enabled"], g["state"], g["version"]]),
      [["Severe Weather", false, "active", 1]],
    );
    const closure = await idByName(source, token, "/api/v2/flows?type=inboundcall", "Emergency Closure");
    const inQueue = await idByName(source, token, "/api/v2/flows?type=inqueuecall", "Standard In-Queue");
    assert.deepEqual(
      arr(seeded[0]!["emergencyCallFlows"]).map((c) => obj(c["emergencyFlow"])["id"]),
      [closure],
    );

    const wrongType = await call(source, token, "POST", GROUPS, {
      name: "Flood",
      emergencyCallFlows: [{ emergencyFlow: { id: inQueue }, ivrs: [] }],
    });
    assert.equal(wrongType.status, 400);
    assert.match(String(errorOf(wrongType)["message"]), /inbound call flow/);

    const created = await call(source, token, "POST", GROUPS, {
      name: "Flood",
      emergencyCallFlows: [{ emergencyFlow: { id: closure }, ivrs: [] }],
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const g = obj(created.body);
    assert.equal(g["enabled"], false, "enabled defaults to false");
    const id = String(g["id"]);
    const stale = await call(source, token, "PUT", `${GROUPS}/${id}`, { name: "Flood", enabled: true, version: 7 });
    assert.equal(stale.status, 409);
    const put = await call(source, token, "PUT", `${GROUPS}/${id}`, { name: "Flood", enabled: true, version: 1 });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(obj(put.body)["version"], 2);
    assert.deepEqual(obj(put.body)["emergencyCallFlows"], [], "a PUT is a full replace");

    const inUse = await call(source, token, "DELETE", `/api/v2/flows/${closure}`);
    assert.equal(inUse.status, 409);
    assert.match(String(errorOf(inUse)["message"]), /emergency group\(s\): Severe Weather/);

    assert.equal((await call(source, token, "DELETE", `${GROUPS}/${id}`)).status, 204);
    assert.equal(obj((await call(source, token, "GET", `${GROUPS}/${id}`)).body)["state"], "deleted");
    assert.equal(entitiesOf(await call(source, token, "GET", `${GROUPS}?name=Flood`)).length, 0);
  });
});

test("state dump: data tables with rows, emergency groups", async () => {
  await withSource({}, async (emu) => {
    const dump = obj((await control(emu, "GET", "/state?org=source")).body);
    const [table] = arr(dump["datatables"]);
    assert.equal(table!["name"], "Store Locations");
    assert.equal(arr(table!["rows"]).length, 3);
    assert.deepEqual(
      arr(dump["emergencygroups"]).map((g) => g["name"]),
      ["Severe Weather"],
    );
  });
});
