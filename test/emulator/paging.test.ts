import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, errorOf, grant, obj, org, withSource, type Json } from "./helpers";

test("skills listing: full Genesys paging envelope with relative URIs", async () => {
  await withSource({}, async (_emu, source, token) => {
    const r = await call(source, token, "GET", "/api/v2/routing/skills?pageSize=10&pageNumber=2");
    assert.equal(r.status, 200);
    const b = obj(r.body);
    assert.deepEqual(Object.keys(b), [
      "entities",
      "pageSize",
      "pageNumber",
      "total",
      "pageCount",
      "firstUri",
      "selfUri",
      "lastUri",
      "nextUri",
      "previousUri",
    ]);
    assert.equal(b["pageSize"], 10);
    assert.equal(b["pageNumber"], 2);
    assert.equal(b["total"], 31); // 30 active + 1 soft-deleted (visible by default)
    assert.equal(b["pageCount"], 4);
    assert.equal(arr(b["entities"]).length, 10);
    assert.equal(b["firstUri"], "/api/v2/routing/skills?pageSize=10&pageNumber=1");
    assert.equal(b["selfUri"], "/api/v2/routing/skills?pageSize=10&pageNumber=2");
    assert.equal(b["lastUri"], "/api/v2/routing/skills?pageSize=10&pageNumber=4");
    assert.equal(b["nextUri"], "/api/v2/routing/skills?pageSize=10&pageNumber=3");
    assert.equal(b["previousUri"], "/api/v2/routing/skills?pageSize=10&pageNumber=1");
  });
});

test("walking nextUri visits every skill once, in name order", async () => {
  await withSource({}, async (_emu, source, token) => {
    const seen: Json[] = [];
    let next: string | undefined = "/api/v2/routing/skills?pageSize=7";
    let pages = 0;
    while (next !== undefined) {
      const b = obj((await call(source, token, "GET", next)).body);
      seen.push(...arr(b["entities"]));
      next = typeof b["nextUri"] === "string" ? b["nextUri"] : undefined;
      pages += 1;
    }
    assert.equal(pages, 5);
    assert.equal(seen.length, 31);
    assert.equal(new Set(seen.map((s) => s["id"])).size, 31);
    const names = seen.map((s) => String(s["name"]).toLowerCase());
    assert.deepEqual(names, [...names].sort());
  });
});

interface EnvelopeCase {
  name: string;
  path: string;
  expect: { total: number; pageCount: number; entities: number; next: boolean; previous: boolean };
}

const ENVELOPE_CASES: EnvelopeCase[] = [
  {
    name: "first page has no previousUri",
    path: "/api/v2/routing/skills?pageSize=25",
    expect: { total: 31, pageCount: 2, entities: 25, next: true, previous: false },
  },
  {
    name: "last page has no nextUri",
    path: "/api/v2/routing/skills?pageSize=25&pageNumber=2",
    expect: { total: 31, pageCount: 2, entities: 6, next: false, previous: true },
  },
  {
    name: "single page has neither",
    path: "/api/v2/routing/skills?pageSize=500",
    expect: { total: 31, pageCount: 1, entities: 31, next: false, previous: false },
  },
  {
    name: "page past the end is empty",
    path: "/api/v2/routing/skills?pageSize=25&pageNumber=9",
    expect: { total: 31, pageCount: 2, entities: 0, next: false, previous: true },
  },
  {
    name: "empty result",
    path: "/api/v2/routing/skills?name=zzz",
    expect: { total: 0, pageCount: 0, entities: 0, next: false, previous: false },
  },
  {
    name: "skills name filter is a case-insensitive prefix",
    path: "/api/v2/routing/skills?name=technical%20support",
    expect: { total: 3, pageCount: 1, entities: 3, next: false, previous: false },
  },
  {
    name: "default pageSize is 25",
    path: "/api/v2/routing/wrapupcodes",
    expect: { total: 30, pageCount: 2, entities: 25, next: true, previous: false },
  },
  {
    name: "divisions listing",
    path: "/api/v2/authorization/divisions",
    expect: { total: 4, pageCount: 1, entities: 4, next: false, previous: false },
  },
  {
    name: "divisions name filter is exact",
    path: "/api/v2/authorization/divisions?name=Sales",
    expect: { total: 1, pageCount: 1, entities: 1, next: false, previous: false },
  },
  {
    name: "divisions name filter exact: prefix does not match",
    path: "/api/v2/authorization/divisions?name=Sal",
    expect: { total: 0, pageCount: 0, entities: 0, next: false, previous: false },
  },
];

test("listing envelopes: table of cases", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of ENVELOPE_CASES) {
      const r = await call(source, token, "GET", c.path);
      assert.equal(r.status, 200, c.name);
      const b = obj(r.body);
      assert.equal(b["total"], c.expect.total, c.name);
      assert.equal(b["pageCount"], c.expect.pageCount, c.name);
      assert.equal(arr(b["entities"]).length, c.expect.entities, c.name);
      assert.equal("nextUri" in b, c.expect.next, c.name);
      assert.equal("previousUri" in b, c.expect.previous, c.name);
      for (const k of ["firstUri", "selfUri", "lastUri"]) assert.match(String(b[k]), /^\/api\/v2\//, c.name);
    }
  });
});

test("listing URIs keep the caller's filters", async () => {
  await withSource({}, async (_emu, source, token) => {
    const b = obj((await call(source, token, "GET", "/api/v2/routing/wrapupcodes?pageSize=2&name=Re")).body);
    assert.equal(b["nextUri"], "/api/v2/routing/wrapupcodes?pageSize=2&pageNumber=2&name=Re");
  });
});

interface BadQueryCase {
  name: string;
  path: string;
}

const BAD_QUERY_CASES: BadQueryCase[] = [
  { name: "skills pageSize above 500", path: "/api/v2/routing/skills?pageSize=501" },
  { name: "wrapupcodes pageSize above 100", path: "/api/v2/routing/wrapupcodes?pageSize=101" },
  { name: "divisions pageSize above 100", path: "/api/v2/authorization/divisions?pageSize=101" },
  { name: "pageSize zero", path: "/api/v2/routing/skills?pageSize=0" },
  { name: "pageSize not a number", path: "/api/v2/routing/skills?pageSize=ten" },
  { name: "pageNumber zero", path: "/api/v2/routing/skills?pageNumber=0" },
  { name: "wrapupcodes sortBy unknown", path: "/api/v2/routing/wrapupcodes?sortBy=color" },
];

test("bad query parameters -> 400 invalid.query.param.value", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of BAD_QUERY_CASES) {
      const r = await call(source, token, "GET", c.path);
      assert.equal(r.status, 400, c.name);
      assert.equal(errorOf(r)["code"], "invalid.query.param.value", c.name);
    }
  });
});

test("pageSize at the documented maxima is accepted", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const p of [
      "/api/v2/routing/skills?pageSize=500",
      "/api/v2/routing/wrapupcodes?pageSize=100",
      "/api/v2/authorization/divisions?pageSize=100",
    ]) {
      assert.equal((await call(source, token, "GET", p)).status, 200, p);
    }
  });
});

test("divisions: one home division, GET by id, id filter, shape", async () => {
  await withSource({}, async (_emu, source, token) => {
    const home = obj((await call(source, token, "GET", "/api/v2/authorization/divisions/home")).body);
    assert.deepEqual(Object.keys(home), ["id", "name", "description", "homeDivision", "selfUri"]);
    assert.equal(home["name"], "Home");
    assert.equal(home["homeDivision"], true);
    assert.equal(home["selfUri"], `/api/v2/authorization/divisions/${String(home["id"])}`);
    const all = arr(obj((await call(source, token, "GET", "/api/v2/authorization/divisions")).body)["entities"]);
    assert.deepEqual(
      all.map((d) => d["name"]),
      ["Billing", "Customer Care", "Home", "Sales"],
    );
    assert.equal(all.filter((d) => d["homeDivision"] === true).length, 1);
    for (const d of all) assert.ok(String(d["description"]).length > 0);
    const byId = obj((await call(source, token, "GET", `/api/v2/authorization/divisions/${String(home["id"])}`)).body);
    assert.deepEqual(byId, home);
    const sales = all.find((d) => d["name"] === "Sales")!;
    const filtered = obj(
      (
        await call(
          source,
          token,
          "GET",
          `/api/v2/authorization/divisions?id=${String(home["id"])}&id=${String(sales["id"])}`,
        )
      ).body,
    );
    assert.deepEqual(
      arr(filtered["entities"]).map((d) => d["name"]),
      ["Home", "Sales"],
    );
    assert.equal(
      errorOf(await call(source, token, "GET", "/api/v2/authorization/divisions/not-a-uuid"))["code"],
      "not.found",
    );
  });
});

test("target org has the same division names with its own ids", async () => {
  await withSource({}, async (emu, source, token) => {
    const target = org(emu, "target");
    const tt = await grant(target);
    const s = arr(obj((await call(source, token, "GET", "/api/v2/authorization/divisions")).body)["entities"]);
    const t = arr(obj((await call(target, tt, "GET", "/api/v2/authorization/divisions")).body)["entities"]);
    assert.deepEqual(
      t.map((d) => d["name"]),
      s.map((d) => d["name"]),
    );
    for (const d of t) assert.ok(!s.some((x) => x["id"] === d["id"]));
    assert.equal(obj((await call(target, tt, "GET", "/api/v2/routing/skills")).body)["total"], 0);
    assert.equal(obj((await call(target, tt, "GET", "/api/v2/routing/wrapupcodes")).body)["total"], 0);
  });
});

test("unknown paths -> 404 not.found ErrorBody", async () => {
  await withSource({}, async (emu, source, token) => {
    for (const p of ["/api/v2/routing/nothing", "/api/v2/nothing/here", "/"]) {
      const r = await call(source, token, "GET", p);
      assert.equal(r.status, 404, p);
      assert.equal(errorOf(r)["code"], "not.found", p);
    }
    for (const url of [
      `${emu.url}/`,
      `${emu.url}/orgs/nobody/api/api/v2/routing/skills`,
      `${emu.url}/api/v2/routing/skills`,
    ]) {
      const r = await fetch(url);
      assert.equal(r.status, 404, url);
      assert.equal(obj(await r.json())["code"], "not.found", url);
    }
  });
});

test("knob maxPageSize: one cap over every listing, the same 400 body as an endpoint's own maximum", async () => {
  await withSource({}, async (emu, source, token) => {
    const listings = [
      "/api/v2/routing/skills",
      "/api/v2/routing/queues",
      "/api/v2/flows",
      "/api/v2/telephony/providers/edges/edgegroups",
      "/api/v2/architect/systemprompts",
    ];
    for (const p of listings) assert.equal((await call(source, token, "GET", `${p}?pageSize=100`)).status, 200, p);
    assert.equal((await control(emu, "PUT", "/orgs/source/settings", { maxPageSize: 50 })).status, 200);
    for (const p of listings) {
      assert.equal((await call(source, token, "GET", `${p}?pageSize=50`)).status, 200, `${p} at the cap`);
      const r = await call(source, token, "GET", `${p}?pageSize=51`);
      assert.equal(r.status, 400, `${p} above the cap`);
      const err = errorOf(r);
      assert.equal(err["code"], "invalid.query.param.value");
      assert.equal(err["message"], "Invalid value for query parameter pageSize: 51. The maximum value is 50");
    }
    // An endpoint's own, lower maximum still applies: the knob only ever lowers it.
    await control(emu, "PUT", "/orgs/source/settings", { maxPageSize: 200 });
    const own = errorOf(await call(source, token, "GET", "/api/v2/routing/wrapupcodes?pageSize=101"));
    assert.match(String(own["message"]), /maximum value is 100/);
    await control(emu, "PUT", "/orgs/source/settings", { maxPageSize: null });
    assert.equal((await call(source, token, "GET", "/api/v2/routing/skills?pageSize=500")).status, 200);
  });
});
