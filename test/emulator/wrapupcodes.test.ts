import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, errorOf, obj, UUID_RE, withSource } from "./helpers";

test("wrap-up codes: create, get, PUT full replace, hard delete", async () => {
  await withSource({}, async (_emu, source, token) => {
    const divs = arr(obj((await call(source, token, "GET", "/api/v2/authorization/divisions")).body)["entities"]);
    const div = Object.fromEntries(divs.map((d) => [String(d["name"]), String(d["id"])]));

    const created = await call(source, token, "POST", "/api/v2/routing/wrapupcodes", {
      name: "Order Tracking",
      division: { id: div["Sales"] },
      description: "Where is my order",
    });
    assert.equal(created.status, 200);
    const w = obj(created.body);
    assert.match(String(w["id"]), UUID_RE);
    assert.equal(w["name"], "Order Tracking");
    assert.equal(w["description"], "Where is my order");
    assert.deepEqual(w["division"], {
      id: div["Sales"],
      name: "Sales",
      selfUri: `/api/v2/authorization/divisions/${div["Sales"]}`,
    });
    assert.equal(w["selfUri"], `/api/v2/routing/wrapupcodes/${String(w["id"])}`);
    assert.ok(!Number.isNaN(Date.parse(String(w["dateCreated"]))));
    assert.deepEqual((await call(source, token, "GET", `/api/v2/routing/wrapupcodes/${String(w["id"])}`)).body, w);

    // Unset division = home division.
    const homeCode = obj(
      (await call(source, token, "POST", "/api/v2/routing/wrapupcodes", { name: "No Division" })).body,
    );
    assert.equal(obj(homeCode["division"])["name"], "Home");
    assert.equal("description" in homeCode, false);

    // PUT replaces everything: description and division omitted -> removed / home.
    const put = await call(source, token, "PUT", `/api/v2/routing/wrapupcodes/${String(w["id"])}`, {
      ...w,
      name: "Order Status",
      division: undefined,
      description: undefined,
    });
    assert.equal(put.status, 200);
    const p = obj(put.body);
    assert.equal(p["id"], w["id"]);
    assert.equal(p["name"], "Order Status");
    assert.equal(obj(p["division"])["name"], "Home");
    assert.equal("description" in p, false);
    assert.equal(p["dateCreated"], w["dateCreated"]);

    // PUT keeping its own name is not a duplicate.
    assert.equal(
      (
        await call(source, token, "PUT", `/api/v2/routing/wrapupcodes/${String(w["id"])}`, {
          name: "order status",
          division: { id: div["Billing"] },
        })
      ).status,
      200,
    );

    const del = await call(source, token, "DELETE", `/api/v2/routing/wrapupcodes/${String(w["id"])}`);
    assert.equal(del.status, 204);
    assert.equal(
      errorOf(await call(source, token, "GET", `/api/v2/routing/wrapupcodes/${String(w["id"])}`))["code"],
      "not.found",
    );
    assert.equal((await call(source, token, "DELETE", `/api/v2/routing/wrapupcodes/${String(w["id"])}`)).status, 404);
    assert.equal(
      (await call(source, token, "PUT", `/api/v2/routing/wrapupcodes/${String(w["id"])}`, { name: "X" })).status,
      404,
    );
  });
});

interface RejectCase {
  name: string;
  method: "POST" | "PUT";
  body: unknown;
  status: number;
  code: string;
  message?: RegExp;
}

const REJECT_CASES: RejectCase[] = [
  {
    name: "duplicate name -> 409",
    method: "POST",
    body: { name: "CALLBACK SCHEDULED" },
    status: 409,
    code: "general.conflict",
    message: /^A wrap-up code with name 'CALLBACK SCHEDULED' already exists$/,
  },
  {
    name: "PUT onto another code's name -> 409",
    method: "PUT",
    body: { name: "Callback Scheduled" },
    status: 409,
    code: "general.conflict",
  },
  {
    name: "over-long name -> 400",
    method: "POST",
    body: { name: "y".repeat(300) },
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "missing name -> 400",
    method: "POST",
    body: { description: "d" },
    status: 400,
    code: "invalid.value",
    message: /name/,
  },
  {
    name: "description not a string -> 400",
    method: "POST",
    body: { name: "Fine", description: 7 },
    status: 400,
    code: "invalid.value",
    message: /description/,
  },
  {
    name: "unknown division -> 400",
    method: "POST",
    body: { name: "Fine", division: { id: "00000000-0000-4000-8000-000000000000" } },
    status: 400,
    code: "invalid.value",
    message: /Division .* not found/,
  },
  { name: "invalid JSON -> 400", method: "POST", body: "[", status: 400, code: "bad.request" },
];

test("wrap-up codes: table of rejected requests", async () => {
  await withSource({}, async (emu, source, token) => {
    const victim = arr(
      obj((await call(source, token, "GET", "/api/v2/routing/wrapupcodes?name=Wrong")).body)["entities"],
    )[0]!;
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const path =
        c.method === "POST" ? "/api/v2/routing/wrapupcodes" : `/api/v2/routing/wrapupcodes/${String(victim["id"])}`;
      const r = await call(source, token, c.method, path, c.body);
      assert.equal(r.status, c.status, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], c.code, c.name);
      if (c.message) assert.match(String(e["message"]), c.message, c.name);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});

test("wrap-up codes: filters and sorting", async () => {
  await withSource({}, async (_emu, source, token) => {
    const divs = arr(
      obj((await call(source, token, "GET", "/api/v2/authorization/divisions?name=Billing")).body)["entities"],
    );
    const billing = String(divs[0]!["id"]);
    const inBilling = arr(
      obj((await call(source, token, "GET", `/api/v2/routing/wrapupcodes?divisionId=${billing}&pageSize=100`)).body)[
        "entities"
      ],
    );
    assert.ok(inBilling.length >= 4);
    for (const w of inBilling) assert.equal(obj(w["division"])["id"], billing);

    const desc = arr(
      obj((await call(source, token, "GET", "/api/v2/routing/wrapupcodes?pageSize=100&sortOrder=descending")).body)[
        "entities"
      ],
    );
    const names = desc.map((w) => String(w["name"]).toLowerCase());
    assert.deepEqual(names, [...names].sort().reverse());

    const resolved = arr(
      obj((await call(source, token, "GET", "/api/v2/routing/wrapupcodes?name=resolved")).body)["entities"],
    );
    assert.deepEqual(
      resolved.map((w) => w["name"]),
      ["Resolved - First Contact", "Resolved - Follow Up"],
    );

    const all = arr(
      obj((await call(source, token, "GET", "/api/v2/routing/wrapupcodes?pageSize=100")).body)["entities"],
    );
    assert.equal(all.length, 30);
    assert.ok(all.filter((w) => typeof w["description"] === "string").length >= 20);
    assert.ok(new Set(all.map((w) => obj(w["division"])["name"])).size >= 4);
  });
});
