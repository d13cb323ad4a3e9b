import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, errorOf, obj, UUID_RE, withSource, type Json } from "./helpers";

async function divisionIds(source: Parameters<typeof call>[0], token: string): Promise<Record<string, string>> {
  const list = arr(obj((await call(source, token, "GET", "/api/v2/authorization/divisions")).body)["entities"]);
  return Object.fromEntries(list.map((d) => [String(d["name"]), String(d["id"])]));
}

test("skills: create, get, patch division, soft delete", async () => {
  await withSource({}, async (_emu, source, token) => {
    const div = await divisionIds(source, token);

    const created = await call(source, token, "POST", "/api/v2/routing/skills", { name: "  Italian  " });
    assert.equal(created.status, 200);
    const s = obj(created.body);
    assert.match(String(s["id"]), UUID_RE);
    assert.deepEqual(Object.keys(s), ["id", "name", "division", "dateModified", "state", "version", "selfUri"]);
    assert.equal(s["name"], "Italian");
    assert.equal(s["state"], "active");
    assert.equal(s["version"], "1");
    assert.equal(s["selfUri"], `/api/v2/routing/skills/${String(s["id"])}`);
    assert.deepEqual(s["division"], {
      id: div["Home"],
      name: "Home",
      selfUri: `/api/v2/authorization/divisions/${div["Home"]}`,
    });
    assert.ok(!Number.isNaN(Date.parse(String(s["dateModified"]))));

    const got = await call(source, token, "GET", `/api/v2/routing/skills/${String(s["id"])}`);
    assert.deepEqual(got.body, s);

    // SDK CreateRoutingSkill is {name, divisionId}; `division: {id}` is an unknown field, ignored (home).
    const inSales = obj(
      (await call(source, token, "POST", "/api/v2/routing/skills", { name: "Dutch", divisionId: div["Sales"] })).body,
    );
    assert.equal(obj(inSales["division"])["name"], "Sales");
    const readShape = obj(
      (await call(source, token, "POST", "/api/v2/routing/skills", { name: "Flemish", division: { id: div["Sales"] } }))
        .body,
    );
    assert.equal(obj(readShape["division"])["name"], "Home");

    const patched = await call(source, token, "PATCH", `/api/v2/routing/skills/${String(s["id"])}`, {
      divisionId: div["Billing"],
    });
    assert.equal(patched.status, 200);
    const p = obj(patched.body);
    assert.equal(obj(p["division"])["name"], "Billing");
    assert.equal(p["version"], "2");
    assert.equal(p["name"], "Italian");

    const del = await call(source, token, "DELETE", `/api/v2/routing/skills/${String(s["id"])}`);
    assert.equal(del.status, 204);
    assert.equal(del.body, undefined);
    const after = obj((await call(source, token, "GET", `/api/v2/routing/skills/${String(s["id"])}`)).body);
    assert.equal(after["state"], "deleted");
    const listed = arr(obj((await call(source, token, "GET", "/api/v2/routing/skills?name=Italian")).body)["entities"]);
    assert.deepEqual(
      listed.map((x) => x["state"]),
      ["deleted"],
    );

    // the name is free again once the skill is deleted
    assert.equal((await call(source, token, "POST", "/api/v2/routing/skills", { name: "Italian" })).status, 200);
    // deleting or patching a deleted skill is 404
    assert.equal((await call(source, token, "DELETE", `/api/v2/routing/skills/${String(s["id"])}`)).status, 404);
    assert.equal(
      (await call(source, token, "PATCH", `/api/v2/routing/skills/${String(s["id"])}`, { divisionId: div["Home"] }))
        .status,
      404,
    );
  });
});

test("the seeded soft-deleted skill is listed with state deleted", async () => {
  await withSource({}, async (_emu, source, token) => {
    const all = arr(obj((await call(source, token, "GET", "/api/v2/routing/skills?pageSize=500")).body)["entities"]);
    const deleted = all.filter((s) => s["state"] === "deleted");
    assert.deepEqual(
      deleted.map((s) => s["name"]),
      ["Legacy Fax Support"],
    );
    assert.equal(all.filter((s) => s["state"] === "active").length, 30);
    assert.ok(new Set(all.map((s) => obj(s["division"])["name"])).size >= 4);
  });
});

test("knob deletedSkillsVisible=false: GET 404 and listings omit deleted skills", async () => {
  await withSource({}, async (emu, source, token) => {
    const all = arr(obj((await call(source, token, "GET", "/api/v2/routing/skills?pageSize=500")).body)["entities"]);
    const legacy = all.find((s) => s["name"] === "Legacy Fax Support")!;
    await control(emu, "PUT", "/orgs/source/settings", { deletedSkillsVisible: false });
    const b = obj((await call(source, token, "GET", "/api/v2/routing/skills?pageSize=500")).body);
    assert.equal(b["total"], 30);
    assert.equal(
      errorOf(await call(source, token, "GET", `/api/v2/routing/skills/${String(legacy["id"])}`))["code"],
      "not.found",
    );
  });
});

interface RejectCase {
  name: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
  code: string;
  message?: RegExp;
}

const LONG = "x".repeat(257);

const REJECT_CASES: RejectCase[] = [
  {
    name: "duplicate active name (case-insensitive) -> 409",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: { name: "english" },
    status: 409,
    code: "general.conflict",
    message: /^A skill with name 'english' already exists$/,
  },
  {
    name: "name over 256 characters -> 400",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: { name: LONG },
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "blank name -> 400",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: { name: "   " },
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "missing name -> 400",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: {},
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "name not a string -> 400",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: { name: 42 },
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "unknown division -> 400",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: { name: "Ok", divisionId: "00000000-0000-4000-8000-000000000000" },
    status: 400,
    code: "invalid.value",
    message: /^Division 00000000-0000-4000-8000-000000000000 not found$/,
  },
  {
    name: "invalid JSON -> 400 bad.request",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: "{name:",
    status: 400,
    code: "bad.request",
  },
  {
    name: "empty body -> 400 bad.request",
    method: "POST",
    path: "/api/v2/routing/skills",
    body: undefined,
    status: 400,
    code: "bad.request",
  },
  {
    name: "PATCH without divisionId -> 400",
    method: "PATCH",
    path: "/api/v2/routing/skills/{english}",
    body: { name: "Renamed" },
    status: 400,
    code: "invalid.value",
    message: /divisionId/,
  },
  {
    name: "PATCH unknown division -> 400",
    method: "PATCH",
    path: "/api/v2/routing/skills/{english}",
    body: { divisionId: "00000000-0000-4000-8000-000000000000" },
    status: 400,
    code: "invalid.value",
  },
  {
    name: "PUT is not supported -> 404",
    method: "PUT",
    path: "/api/v2/routing/skills/{english}",
    body: { name: "Renamed" },
    status: 404,
    code: "not.found",
  },
  {
    name: "GET unknown id -> 404",
    method: "GET",
    path: "/api/v2/routing/skills/00000000-0000-4000-8000-000000000000",
    body: undefined,
    status: 404,
    code: "not.found",
  },
  {
    name: "GET non-UUID id -> 404",
    method: "GET",
    path: "/api/v2/routing/skills/english",
    body: undefined,
    status: 404,
    code: "not.found",
  },
  {
    name: "DELETE unknown id -> 404",
    method: "DELETE",
    path: "/api/v2/routing/skills/00000000-0000-4000-8000-000000000000",
    body: undefined,
    status: 404,
    code: "not.found",
  },
];

test("skills: table of rejected requests (ErrorBody, nothing stored)", async () => {
  await withSource({}, async (emu, source, token) => {
    const english = arr(
      obj((await call(source, token, "GET", "/api/v2/routing/skills?name=English")).body)["entities"],
    )[0]!;
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const r = await call(source, token, c.method, c.path.replace("{english}", String(english["id"])), c.body);
      assert.equal(r.status, c.status, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], c.code, c.name);
      if (c.message) assert.match(String(e["message"]), c.message, c.name);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});

test("knobs maxNameLength and duplicateName", async () => {
  await withSource({}, async (emu, source, token) => {
    const s = await control(emu, "PUT", "/orgs/source/settings", {
      maxNameLength: 5,
      duplicateName: { status: 400, code: "bad.request" },
    });
    assert.equal(s.status, 200);
    assert.equal(obj(s.body)["maxNameLength"], 5);
    assert.equal(obj(s.body)["rateLimitPerMinute"], 300);
    assert.equal((await call(source, token, "POST", "/api/v2/routing/skills", { name: "Sixsix" })).status, 400);
    assert.equal((await call(source, token, "POST", "/api/v2/routing/skills", { name: "Five5" })).status, 200);
    const dup = await call(source, token, "POST", "/api/v2/routing/skills", { name: "five5" });
    assert.equal(dup.status, 400);
    assert.equal(errorOf(dup)["code"], "bad.request");
    const bad = await control(emu, "PUT", "/orgs/source/settings", { maxNameLength: "long" });
    assert.equal(bad.status, 400);
    assert.equal((await control(emu, "PUT", "/orgs/nobody/settings", { maxNameLength: 3 })).status, 404);
  });
});

test("skills: id filter and stats by path template", async () => {
  await withSource({}, async (emu, source, token) => {
    const all = arr(obj((await call(source, token, "GET", "/api/v2/routing/skills?pageSize=3")).body)["entities"]);
    const ids = all.map((s) => String(s["id"]));
    const filtered = arr(
      obj((await call(source, token, "GET", `/api/v2/routing/skills?id=${ids[0]}&id=${ids[2]}`)).body)["entities"],
    );
    assert.deepEqual(
      filtered.map((s: Json) => s["id"]),
      [ids[0], ids[2]],
    );
    await call(source, token, "GET", `/api/v2/routing/skills/${ids[1]}`);
    const stats = obj(arr(obj((await control(emu, "GET", "/stats?org=source")).body)["orgs"])[0]);
    assert.deepEqual(stats["requests"], {
      "GET /api/v2/routing/skills": 2,
      "GET /api/v2/routing/skills/{skillId}": 1,
      "POST /oauth/token": 1,
    });
    assert.equal(stats["total"], 4);
  });
});
