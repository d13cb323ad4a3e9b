import assert from "node:assert/strict";
import { test } from "node:test";
import { call, control, entitiesOf, errorOf, idByName, obj, UUID_RE, withSource } from "./helpers";

const LANGUAGES = "/api/v2/routing/languages";
const SEEDED = ["English", "French", "German", "Italian", "Japanese", "Mandarin", "Portuguese", "Spanish"];

test("languages: the seed, sorting and filters", async () => {
  await withSource({}, async (_emu, source, token) => {
    const all = entitiesOf(await call(source, token, "GET", LANGUAGES));
    assert.deepEqual(
      all.map((l) => l["name"]),
      SEEDED,
    );
    for (const l of all) assert.equal(l["state"], "active");
    const desc = entitiesOf(await call(source, token, "GET", `${LANGUAGES}?sortOrder=descending`));
    assert.deepEqual(
      desc.map((l) => l["name"]),
      [...SEEDED].reverse(),
    );
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${LANGUAGES}?name=ger`)).map((l) => l["name"]),
      ["German"],
    );
    const ids = all.slice(0, 2).map((l) => String(l["id"]));
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${LANGUAGES}?id=${ids[0]}&id=${ids[1]}`)).map((l) => l["id"]),
      ids,
    );
    const page = obj((await call(source, token, "GET", `${LANGUAGES}?pageSize=3&pageNumber=2`)).body);
    assert.equal(page["total"], 8);
    assert.equal(page["pageCount"], 3);
    assert.equal(page["nextUri"], `${LANGUAGES}?pageSize=3&pageNumber=3`);
  });
});

test("languages: create, get, soft delete, name free again", async () => {
  await withSource({}, async (_emu, source, token) => {
    const created = await call(source, token, "POST", LANGUAGES, { name: " Dutch " });
    assert.equal(created.status, 200);
    const l = obj(created.body);
    assert.deepEqual(Object.keys(l), ["id", "name", "dateModified", "state", "version", "selfUri"]);
    assert.match(String(l["id"]), UUID_RE);
    assert.equal(l["name"], "Dutch");
    assert.equal(l["state"], "active");
    assert.equal(l["version"], "1");
    assert.equal(l["selfUri"], `${LANGUAGES}/${String(l["id"])}`);
    assert.deepEqual((await call(source, token, "GET", `${LANGUAGES}/${String(l["id"])}`)).body, l);

    const del = await call(source, token, "DELETE", `${LANGUAGES}/${String(l["id"])}`);
    assert.equal(del.status, 204);
    const after = obj((await call(source, token, "GET", `${LANGUAGES}/${String(l["id"])}`)).body);
    assert.equal(after["state"], "deleted");
    assert.equal(after["version"], "2");
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${LANGUAGES}?name=Dutch`)).map((x) => x["state"]),
      ["deleted"],
    );
    assert.equal((await call(source, token, "DELETE", `${LANGUAGES}/${String(l["id"])}`)).status, 404);
    assert.equal((await call(source, token, "POST", LANGUAGES, { name: "dutch" })).status, 200);
  });
});

test("knob deletedLanguagesVisible=false: deleted languages are 404 and not listed", async () => {
  await withSource({}, async (emu, source, token) => {
    const id = await idByName(source, token, LANGUAGES, "Japanese");
    assert.equal((await call(source, token, "DELETE", `${LANGUAGES}/${id}`)).status, 204);
    assert.equal(obj((await call(source, token, "GET", LANGUAGES)).body)["total"], 8);
    await control(emu, "PUT", "/orgs/source/settings", { deletedLanguagesVisible: false });
    assert.equal(obj((await call(source, token, "GET", LANGUAGES)).body)["total"], 7);
    assert.equal(errorOf(await call(source, token, "GET", `${LANGUAGES}/${id}`))["code"], "not.found");
  });
});

interface RejectCase {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  code: string;
  message?: RegExp;
}

const REJECT_CASES: RejectCase[] = [
  {
    name: "duplicate active name -> duplicateName knob (409)",
    method: "POST",
    path: LANGUAGES,
    body: { name: "SPANISH" },
    status: 409,
    code: "general.conflict",
    message: /^A language with name 'SPANISH' already exists$/,
  },
  {
    name: "blank name -> 400",
    method: "POST",
    path: LANGUAGES,
    body: { name: " " },
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "missing name -> 400",
    method: "POST",
    path: LANGUAGES,
    body: {},
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "no update: PUT -> 404",
    method: "PUT",
    path: `${LANGUAGES}/{english}`,
    body: { name: "Englisch" },
    status: 404,
    code: "not.found",
  },
  {
    name: "no update: PATCH -> 404",
    method: "PATCH",
    path: `${LANGUAGES}/{english}`,
    body: { name: "Englisch" },
    status: 404,
    code: "not.found",
  },
  {
    name: "unknown id -> 404",
    method: "GET",
    path: `${LANGUAGES}/00000000-0000-4000-8000-000000000000`,
    status: 404,
    code: "not.found",
  },
  {
    name: "pageSize over 500 -> 400",
    method: "GET",
    path: `${LANGUAGES}?pageSize=501`,
    status: 400,
    code: "invalid.query.param.value",
  },
  {
    name: "bad sortOrder -> 400",
    method: "GET",
    path: `${LANGUAGES}?sortOrder=sideways`,
    status: 400,
    code: "invalid.query.param.value",
  },
];

test("languages: table of rejected requests (nothing stored)", async () => {
  await withSource({}, async (emu, source, token) => {
    const english = await idByName(source, token, LANGUAGES, "English");
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const r = await call(source, token, c.method, c.path.replace("{english}", english), c.body);
      assert.equal(r.status, c.status, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], c.code, c.name);
      if (c.message) assert.match(String(e["message"]), c.message, c.name);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});
