import assert from "node:assert/strict";
import { test } from "node:test";
import { call, control, divisionIds, entitiesOf, errorOf, obj, UUID_RE, withSource } from "./helpers";

const DIVISIONS = "/api/v2/authorization/divisions";

test("divisions: create, rename, delete an empty one", async () => {
  await withSource({}, async (emu, source, token) => {
    const created = await call(source, token, "POST", DIVISIONS, { name: "Marketing", description: "Campaign teams" });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const d = obj(created.body);
    const id = String(d["id"]);
    assert.match(id, UUID_RE);
    assert.deepEqual(d, {
      id,
      name: "Marketing",
      description: "Campaign teams",
      homeDivision: false,
      selfUri: `${DIVISIONS}/${id}`,
    });
    assert.deepEqual((await call(source, token, "GET", `${DIVISIONS}/${id}`)).body, d);
    assert.equal(obj((await call(source, token, "GET", DIVISIONS)).body)["total"], 5);
    // description is required (SDK AuthzDivision), unless the knob says otherwise
    const bare = await call(source, token, "POST", DIVISIONS, { name: "No Description" });
    assert.equal(bare.status, 400);
    assert.deepEqual(
      [errorOf(bare)["code"], errorOf(bare)["message"]],
      ["invalid.value", "description is required and must be a string"],
    );
    assert.equal((await call(source, token, "PUT", `${DIVISIONS}/${id}`, { name: "Marketing" })).status, 400);
    await control(emu, "PUT", "/orgs/source/settings", { divisionDescriptionRequired: false });
    assert.equal(
      obj((await call(source, token, "POST", DIVISIONS, { name: "No Description" })).body)["description"],
      "",
    );
    await control(emu, "PUT", "/orgs/source/settings", { divisionDescriptionRequired: true });

    const put = await call(source, token, "PUT", `${DIVISIONS}/${id}`, {
      name: "Growth Marketing",
      description: "renamed",
      homeDivision: true,
    });
    assert.equal(put.status, 200);
    assert.equal(obj(put.body)["name"], "Growth Marketing");
    assert.equal(obj(put.body)["homeDivision"], false); // the home flag is read-only

    // the home division can be renamed and stays home
    const div = await divisionIds(source, token);
    const home = await call(source, token, "PUT", `${DIVISIONS}/${div["Home"]}`, {
      name: "Headquarters",
      description: "Home Division",
    });
    assert.equal(obj(home.body)["homeDivision"], true);
    assert.equal(obj((await call(source, token, "GET", `${DIVISIONS}/home`)).body)["name"], "Headquarters");

    assert.equal((await call(source, token, "DELETE", `${DIVISIONS}/${id}`)).status, 204);
    assert.equal(errorOf(await call(source, token, "GET", `${DIVISIONS}/${id}`))["code"], "not.found");
    assert.equal((await call(source, token, "DELETE", `${DIVISIONS}/${id}`)).status, 404);
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
    name: "duplicate name (case-insensitive) -> duplicateName knob",
    method: "POST",
    path: DIVISIONS,
    body: { name: "sales", description: "" },
    status: 409,
    code: "general.conflict",
    message: /^A division with name 'sales' already exists$/,
  },
  {
    name: "rename onto another division's name",
    method: "PUT",
    path: `${DIVISIONS}/{Billing}`,
    body: { name: "Sales", description: "" },
    status: 409,
    code: "general.conflict",
  },
  {
    name: "missing name",
    method: "POST",
    path: DIVISIONS,
    body: { description: "x" },
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "PUT unknown division",
    method: "PUT",
    path: `${DIVISIONS}/00000000-0000-4000-8000-000000000000`,
    body: { name: "X" },
    status: 404,
    code: "not.found",
  },
  {
    name: "delete the home division",
    method: "DELETE",
    path: `${DIVISIONS}/{Home}`,
    status: 400,
    code: "bad.request",
    message: /home division/,
  },
  {
    name: "delete a division with skills, codes, queues, schedules, groups",
    method: "DELETE",
    path: `${DIVISIONS}/{Sales}`,
    status: 400,
    code: "bad.request",
    message:
      /^Division Sales is not empty: it contains 8 skills, 9 wrap-up codes, 10 queues, 1 schedule, 1 schedule group\.$/,
  },
];

test("divisions: table of rejected writes (nothing changed)", async () => {
  await withSource({}, async (emu, source, token) => {
    const div = await divisionIds(source, token);
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const path = c.path.replace(/\{(\w+)\}/, (_m, name: string) => div[name]!);
      const r = await call(source, token, c.method, path, c.body);
      assert.equal(r.status, c.status, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], c.code, c.name);
      if (c.message) assert.match(String(e["message"]), c.message, `${c.name}: ${String(e["message"])}`);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});

test("divisions: not empty while a queue is in it, deletable once it is gone and detached", async () => {
  await withSource({}, async (emu, source, token) => {
    const d = String(
      obj((await call(source, token, "POST", DIVISIONS, { name: "Pilot", description: "" })).body)["id"],
    );
    const q = String(
      obj(
        (await call(source, token, "POST", "/api/v2/routing/queues", { name: "Pilot Queue", division: { id: d } }))
          .body,
      )["id"],
    );
    const r = await call(source, token, "DELETE", `${DIVISIONS}/${d}`);
    assert.equal(r.status, 400);
    assert.match(String(errorOf(r)["message"]), /^Division Pilot is not empty: it contains 1 queue\.$/);
    assert.equal((await call(source, token, "DELETE", `/api/v2/routing/queues/${q}`)).status, 204);
    // a soft-deleted skill does not keep a division busy once detached
    const s = String(
      obj((await call(source, token, "POST", "/api/v2/routing/skills", { name: "Pilot Skill", divisionId: d })).body)[
        "id"
      ],
    );
    assert.equal((await call(source, token, "DELETE", `/api/v2/routing/skills/${s}`)).status, 204);
    // Objects deleted a moment ago still count (TF auth_division retries 400 while they "detach completely eventually").
    const detaching = await call(source, token, "DELETE", `${DIVISIONS}/${d}`);
    assert.equal(detaching.status, 400);
    assert.match(
      String(errorOf(detaching)["message"]),
      /^Division Pilot is not empty: it contains 1 skill, 1 queue\.$/,
    );
    await control(emu, "POST", "/clock", { advanceMs: 500 });
    assert.equal(
      (await call(source, token, "DELETE", `${DIVISIONS}/${d}`)).status,
      400,
      "still within divisionDetachDelayMs (1000)",
    );
    await control(emu, "POST", "/clock", { advanceMs: 500 });
    assert.equal((await call(source, token, "DELETE", `${DIVISIONS}/${d}`)).status, 204);
    assert.deepEqual(entitiesOf(await call(source, token, "GET", `${DIVISIONS}?name=Pilot`)), []);
  });
});

test("division-scoped grants (knob grantedDivisions): a create or write in a division the client's role lacks is 403, nothing changes", async () => {
  await withSource({}, async (emu, source, token) => {
    const div = await divisionIds(source, token);
    await control(emu, "PUT", "/orgs/source/settings", { grantedDivisions: ["sales", div["Billing"]!] });
    const before = (await control(emu, "GET", "/state?org=source")).body;
    const denied: [string, string, unknown][] = [
      ["POST", "/api/v2/routing/skills", { name: "Care Skill", divisionId: div["Customer Care"] }],
      ["POST", "/api/v2/routing/skills", { name: "Home Skill" }], // no division: the home division
      ["POST", "/api/v2/routing/wrapupcodes", { name: "Care Code", division: { id: div["Customer Care"] } }],
      ["POST", "/api/v2/routing/queues", { name: "Care Queue", division: { id: div["Customer Care"] } }],
      [
        "POST",
        "/api/v2/architect/schedules",
        {
          name: "Care Hours",
          division: { id: div["Customer Care"] },
          start: "2027-01-04T08:00:00.000",
          end: "2027-01-04T17:00:00.000",
        },
      ],
    ];
    for (const [method, path, body] of denied) {
      const r = await call(source, token, method, path, body);
      assert.equal(r.status, 403, `${method} ${path}`);
      const e = errorOf(r);
      assert.equal(e["code"], "missing.permissions");
      assert.match(
        String(e["message"]),
        /^You are not authorized to perform the requested action in division (Customer Care|Home)\.$/,
      );
      assert.equal(e["status"], 403);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before, "nothing was created");
    // granted by name (any case) or by id
    assert.equal(
      (await call(source, token, "POST", "/api/v2/routing/skills", { name: "Sales Skill", divisionId: div["Sales"] }))
        .status,
      200,
    );
    assert.equal(
      (
        await call(source, token, "POST", "/api/v2/routing/skills", {
          name: "Billing Skill",
          divisionId: div["Billing"],
        })
      ).status,
      200,
    );
    // all divisions again
    await control(emu, "PUT", "/orgs/source/settings", { grantedDivisions: null });
    assert.equal(
      (
        await call(source, token, "POST", "/api/v2/routing/skills", {
          name: "Care Skill",
          divisionId: div["Customer Care"],
        })
      ).status,
      200,
    );
  });
});
