import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, errorOf, grant, obj, org, withSource } from "./helpers";

test("fault rules: first match wins and times spends a rule", async () => {
  await withSource({}, async (emu, source, token) => {
    const put = await control(emu, "PUT", "/faults", [
      { method: "GET", path: "^/api/v2/routing/skills$", status: 503, times: 2 },
      { path: "^/api/v2/routing/skills", status: 500 },
    ]);
    assert.equal(put.status, 200);
    const r1 = await call(source, token, "GET", "/api/v2/routing/skills");
    assert.equal(r1.status, 503);
    assert.equal(errorOf(r1)["code"], "service.unavailable");
    assert.equal((await call(source, token, "GET", "/api/v2/routing/skills")).status, 503);
    // first rule spent -> second rule matches now
    const r3 = await call(source, token, "GET", "/api/v2/routing/skills");
    assert.equal(r3.status, 500);
    assert.equal(errorOf(r3)["code"], "internal.server.error");
    // other paths untouched
    assert.equal((await call(source, token, "GET", "/api/v2/routing/wrapupcodes")).status, 200);
    const rules = arr(obj((await control(emu, "GET", "/faults")).body)["rules"]);
    assert.deepEqual(
      rules.map((r) => [r["fired"], r["spent"]]),
      [
        [2, true],
        [1, false],
      ],
    );
    assert.equal((await control(emu, "DELETE", "/faults")).status, 200);
    assert.equal((await call(source, token, "GET", "/api/v2/routing/skills")).status, 200);
  });
});

test("a status fault never reaches state", async () => {
  await withSource({}, async (emu, source, token) => {
    await control(emu, "POST", "/faults", { method: "POST", path: "^/api/v2/routing/skills$", status: 409, times: 1 });
    const before = (await control(emu, "GET", "/state")).body;
    const r = await call(source, token, "POST", "/api/v2/routing/skills", { name: "Swahili" });
    assert.equal(r.status, 409);
    assert.deepEqual((await control(emu, "GET", "/state")).body, before);
    assert.equal((await call(source, token, "POST", "/api/v2/routing/skills", { name: "Swahili" })).status, 200);
  });
});

test("a 429 fault uses the real 429 body and Retry-After", async () => {
  await withSource({}, async (emu, source, token) => {
    await control(emu, "POST", "/faults", { status: 429, retryAfter: 7, times: 1 });
    const r = await call(source, token, "GET", "/api/v2/routing/skills");
    assert.equal(r.status, 429);
    assert.equal(r.headers.get("retry-after"), "7");
    assert.deepEqual(r.body, {
      message: "Rate limit exceeded the maximum. Retry the request in [7] seconds",
      code: "too.many.requests.retry.after",
      status: 429,
      contextId: r.headers.get("inin-correlation-id"),
      details: [],
      errors: [],
    });
  });
});

test("org filter: a rule for target does not hit source", async () => {
  await withSource({}, async (emu, source, token) => {
    const target = org(emu, "target");
    const tt = await grant(target);
    await control(emu, "POST", "/faults", { org: "target", status: 502 });
    assert.equal((await call(source, token, "GET", "/api/v2/organizations/me")).status, 200);
    assert.equal((await call(target, tt, "GET", "/api/v2/organizations/me")).status, 502);
  });
});

test("a body fault answers a raw, malformed body (default 200, JSON content type) and never reaches state", async () => {
  await withSource({}, async (emu, source, token) => {
    await control(emu, "PUT", "/faults", [
      { method: "GET", path: "^/api/v2/routing/skills$", body: '{"entities": [{"id": 7', times: 1 },
      {
        method: "POST",
        path: "^/api/v2/routing/skills$",
        status: 502,
        body: "<html>Bad Gateway</html>",
        contentType: "text/html",
        times: 1,
      },
    ]);
    const listed = await fetch(`${source.apiBaseUrl}/api/v2/routing/skills`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(listed.status, 200);
    assert.match(listed.headers.get("content-type") ?? "", /application\/json/);
    assert.equal(await listed.text(), '{"entities": [{"id": 7');
    const before = (await control(emu, "GET", "/state")).body;
    const posted = await fetch(`${source.apiBaseUrl}/api/v2/routing/skills`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Swahili" }),
    });
    assert.equal(posted.status, 502);
    assert.match(posted.headers.get("content-type") ?? "", /text\/html/);
    assert.equal(await posted.text(), "<html>Bad Gateway</html>");
    assert.deepEqual((await control(emu, "GET", "/state")).body, before);
  });
});

test("latency-only rule delays, then handles normally", async () => {
  await withSource({}, async (emu, source, token) => {
    await control(emu, "POST", "/faults", { path: "^/api/v2/organizations/me$", latencyMs: 250, times: 1 });
    const t0 = Date.now();
    const r = await call(source, token, "GET", "/api/v2/organizations/me");
    const elapsed = Date.now() - t0;
    assert.equal(r.status, 200);
    assert.ok(elapsed >= 240, `elapsed ${elapsed} ms`);
  });
});

test("drop destroys the socket without a response", async () => {
  await withSource({}, async (emu, source, token) => {
    await control(emu, "POST", "/faults", { path: "^/api/v2/routing/wrapupcodes", drop: true, times: 1 });
    await assert.rejects(call(source, token, "GET", "/api/v2/routing/wrapupcodes"));
    assert.equal((await call(source, token, "GET", "/api/v2/routing/wrapupcodes")).status, 200);
    const stats = obj(arr(obj((await control(emu, "GET", "/stats?org=source")).body)["orgs"])[0]);
    assert.equal(obj(stats["byStatus"])["dropped"], 1);
    assert.equal(stats["faultsInjected"], 1);
  });
});

test("faults apply to the login path with an OAuth-shaped body, but never to /__emulator", async () => {
  await withSource({}, async (emu, source) => {
    await control(emu, "PUT", "/faults", [{ path: "^/oauth/token$", status: 400, times: 1 }, { status: 500 }]);
    await assert.rejects(grant(source), /400/);
    const r = await fetch(`${source.loginBaseUrl}/oauth/token`, {
      method: "POST",
      body: "grant_type=client_credentials",
    });
    assert.equal(r.status, 500);
    const body = obj(await r.json());
    assert.equal(body["error"], "server_error");
    assert.equal((await control(emu, "GET", "/faults")).status, 200);
  });
});

test("probability uses the seeded PRNG: the same seed replays the same sequence", async () => {
  await withSource({ randomSeed: 42 }, async (emu, source, token) => {
    const run = async (): Promise<number[]> => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call(source, token, "GET", "/api/v2/organizations/me")).status);
      return statuses;
    };
    await control(emu, "PUT", "/faults", [{ probability: 0.5, status: 503 }]);
    const first = await run();
    assert.ok(first.includes(503) && first.includes(200), `mixed outcomes expected: ${first.join(",")}`);
    await control(emu, "POST", "/faults/seed", { randomSeed: 42 });
    assert.deepEqual(await run(), first);
  });
});

test("invalid fault rules are rejected", async () => {
  await withSource({}, async (emu) => {
    for (const bad of [{ probability: 2 }, { path: "(" }, { status: "x" }, { unknown: 1 }, { status: 200 }]) {
      const r = await control(emu, "POST", "/faults", bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
    }
    assert.equal(arr(obj((await control(emu, "GET", "/faults")).body)["rules"]).length, 0);
  });
});
