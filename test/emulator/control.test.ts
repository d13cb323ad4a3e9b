import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, grant, obj, org, withEmulator, withSource } from "./helpers";

test("state dump is deterministic and sorted; reset restores the seed", async () => {
  await withSource({}, async (emu, source, token) => {
    const initial = await control(emu, "GET", "/state");
    assert.equal(initial.status, 200);
    const dump = obj(initial.body);
    const orgs = arr(dump["orgs"]);
    assert.deepEqual(
      orgs.map((o) => o["name"]),
      ["source", "target"],
    );
    assert.deepEqual(
      orgs.map((o) => o["region"]),
      ["us-east-1", "eu-west-1"],
    );
    const src = orgs[0]!;
    const skillNames = arr(src["skills"]).map((s) => String(s["name"]).toLowerCase());
    assert.deepEqual(skillNames, [...skillNames].sort());
    assert.equal(arr(src["skills"]).length, 31);
    assert.equal(arr(src["wrapupcodes"]).length, 30);
    for (const s of arr(src["skills"]))
      for (const k of ["id", "name", "division", "state", "version", "dateModified"]) assert.ok(k in s, k);

    // a second emulator started from the same seed dumps the same data
    await withEmulator({}, async (other) => {
      assert.deepEqual((await control(other, "GET", "/state")).body, initial.body);
    });

    // mutate, add faults, advance the clock, then reset
    await call(source, token, "POST", "/api/v2/routing/skills", { name: "Klingon" });
    await control(emu, "POST", "/faults", { status: 500, path: "^/nothing" });
    await control(emu, "POST", "/clock", { advanceMs: 5000 });
    assert.notDeepEqual((await control(emu, "GET", "/state")).body, initial.body);
    const before = emu.orgs;
    const reset = await control(emu, "POST", "/reset");
    assert.equal(reset.status, 200);
    assert.deepEqual((await control(emu, "GET", "/state")).body, initial.body);
    assert.deepEqual(arr(obj((await control(emu, "GET", "/faults")).body)["rules"]), []);
    assert.equal(obj((await control(emu, "GET", "/clock")).body)["offsetMs"], 0);
    // credentials survive resets; tokens and stats do not
    assert.deepEqual(emu.orgs, before);
    assert.deepEqual(obj(reset.body)["orgs"], before);
    const stats = arr(obj((await control(emu, "GET", "/stats")).body)["orgs"]);
    assert.deepEqual(
      stats.map((s) => s["total"]),
      [0, 0],
    );
    assert.equal((await call(source, token, "GET", "/api/v2/organizations/me")).status, 401);
    assert.equal((await call(source, await grant(source), "GET", "/api/v2/organizations/me")).status, 200);
  });
});

test("state ?org= returns just that org; unknown org is 404", async () => {
  await withEmulator({}, async (emu) => {
    const t = obj((await control(emu, "GET", "/state?org=target")).body);
    assert.equal(t["name"], "target");
    assert.deepEqual(
      arr(t["divisions"]).map((d) => d["name"]),
      ["Billing", "Customer Care", "Home", "Sales"],
    );
    assert.deepEqual(t["skills"], []);
    assert.equal((await control(emu, "GET", "/state?org=nobody")).status, 404);
  });
});

test("reset to another seed, and back to the start seed", async () => {
  await withEmulator({}, async (emu) => {
    const r = await control(emu, "POST", "/reset", { seed: "empty" });
    assert.equal(r.status, 200);
    const dump = arr(obj((await control(emu, "GET", "/state")).body)["orgs"]);
    for (const o of dump) {
      assert.deepEqual(
        arr(o["divisions"]).map((d) => [d["name"], d["homeDivision"]]),
        [["Home", true]],
      );
      assert.deepEqual(o["skills"], []);
      assert.deepEqual(o["wrapupcodes"], []);
    }
    assert.equal((await control(emu, "POST", "/reset", { seed: "huge" })).status, 400);
    await control(emu, "POST", "/reset");
    const src = obj((await control(emu, "GET", "/state?org=source")).body);
    assert.equal(arr(src["skills"]).length, 31);
    // POST /seed loads a seed explicitly
    assert.equal(obj((await control(emu, "POST", "/seed", { seed: "empty" })).body)["seed"], "empty");
    assert.deepEqual(obj((await control(emu, "GET", "/state?org=source")).body)["skills"], []);
    assert.equal((await control(emu, "POST", "/seed", {})).status, 400);
  });
});

test("the empty seed starts with only home divisions", async () => {
  await withEmulator({ seed: "empty" }, async (emu) => {
    const source = org(emu, "source");
    const token = await grant(source);
    const divs = obj((await call(source, token, "GET", "/api/v2/authorization/divisions")).body);
    assert.equal(divs["total"], 1);
    assert.equal(org(emu, "target").region, "eu-west-1");
  });
});

test("stats: per org, by METHOD path-template, and DELETE resets", async () => {
  await withSource({}, async (emu, source, token) => {
    const created = obj((await call(source, token, "POST", "/api/v2/routing/wrapupcodes", { name: "Stats" })).body);
    await call(source, token, "PUT", `/api/v2/routing/wrapupcodes/${String(created["id"])}`, { name: "Stats 2" });
    await call(source, token, "DELETE", `/api/v2/routing/wrapupcodes/${String(created["id"])}`);
    await call(source, token, "GET", "/api/v2/unknown");
    const s = obj(arr(obj((await control(emu, "GET", "/stats")).body)["orgs"])[0]);
    assert.equal(s["name"], "source");
    assert.deepEqual(s["requests"], {
      "DELETE /api/v2/routing/wrapupcodes/{codeId}": 1,
      "GET (unknown)": 1,
      "POST /api/v2/routing/wrapupcodes": 1,
      "POST /oauth/token": 1,
      "PUT /api/v2/routing/wrapupcodes/{codeId}": 1,
    });
    assert.deepEqual(s["byStatus"], { "200": 3, "204": 1, "404": 1 });
    assert.equal(s["tokenGrants"], 1);
    // Per token, under a label that is not the token: who shared which budget.
    const byToken = obj(s["byToken"]);
    assert.deepEqual(Object.values(byToken), [{ requests: 4, rateLimited: 0 }]);
    assert.ok(
      !Object.keys(byToken)[0]!.includes(token) && !JSON.stringify(s).includes(token),
      "stats never show a token",
    );
    assert.equal((await control(emu, "DELETE", "/stats")).status, 200);
    const s2 = obj(arr(obj((await control(emu, "GET", "/stats")).body)["orgs"])[0]);
    assert.equal(s2["total"], 0);
  });
});

test("given client secrets are used; /tokens lists every token issued, across revocations and resets", async () => {
  await withEmulator({ clientSecrets: { source: "distinctive+source/secret=" } }, async (emu) => {
    const source = org(emu, "source");
    assert.equal(source.clientSecret, "distinctive+source/secret=");
    assert.notEqual(org(emu, "target").clientSecret, source.clientSecret);
    const first = await grant(source);
    await control(emu, "POST", "/orgs/source/tokens/revoke");
    await control(emu, "POST", "/reset", {});
    const second = await grant(source);
    const third = await grant(org(emu, "target"));
    const all = arr(obj((await control(emu, "GET", "/tokens")).body)["orgs"]);
    assert.deepEqual(all, [
      { name: "source", tokens: [first, second] },
      { name: "target", tokens: [third] },
    ]);
    assert.deepEqual(arr(obj((await control(emu, "GET", "/tokens?org=target")).body)["orgs"]), [
      { name: "target", tokens: [third] },
    ]);
    assert.equal(org(emu, "source").clientSecret, "distinctive+source/secret=", "kept across reset");
  });
});

test("control API: unknown endpoint 404, bad JSON 400, clock validation", async () => {
  await withEmulator({}, async (emu) => {
    assert.equal((await control(emu, "GET", "/nothing")).status, 404);
    const bad = await fetch(`${emu.url}/__emulator/faults`, { method: "POST", body: "{" });
    assert.equal(bad.status, 400);
    assert.equal(obj(await bad.json())["code"], "bad.request");
    assert.equal((await control(emu, "POST", "/clock", { advanceMs: "soon" })).status, 400);
    const c = obj((await control(emu, "POST", "/clock", { advanceMs: 1000 })).body);
    assert.equal(c["offsetMs"], 1000);
    const orgs = arr(obj((await control(emu, "GET", "/orgs")).body)["orgs"]);
    assert.deepEqual(orgs, emu.orgs);
  });
});
