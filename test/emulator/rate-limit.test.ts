import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, grant, ManualClock, obj, UUID_RE, withSource } from "./helpers";

test("every API response carries the correlation and rate-limit headers", async () => {
  await withSource({}, async (_emu, source, token) => {
    const cases = [
      { path: "/api/v2/routing/skills", status: 200 },
      { path: "/api/v2/routing/skills/00000000-0000-4000-8000-000000000000", status: 404 },
      { path: "/api/v2/routing/wrapupcodes?pageSize=1000", status: 400 },
    ];
    let expectedCount = 0;
    for (const c of cases) {
      const r = await call(source, token, "GET", c.path);
      expectedCount += 1;
      assert.equal(r.status, c.status, c.path);
      assert.match(r.headers.get("inin-correlation-id") ?? "", UUID_RE, c.path);
      assert.equal(r.headers.get("content-type"), "application/json", c.path);
      assert.equal(r.headers.get("inin-ratelimit-allowed"), "300", c.path);
      assert.equal(r.headers.get("inin-ratelimit-count"), String(expectedCount), c.path);
      const reset = Number(r.headers.get("inin-ratelimit-reset"));
      assert.ok(reset >= 1 && reset <= 60, c.path);
    }
    const unauth = await call(source, undefined, "GET", "/api/v2/routing/skills");
    assert.equal(unauth.status, 401);
    assert.ok(unauth.headers.get("inin-correlation-id"));
    assert.ok(unauth.headers.get("inin-ratelimit-allowed"));
  });
});

test("429 after the per-token limit: Retry-After and the exact body; recovery after the window", async () => {
  const clock = new ManualClock();
  await withSource({ clock, rateLimitPerMinute: 5 }, async (emu, source, token) => {
    for (let i = 1; i <= 5; i++) {
      const r = await call(source, token, "GET", "/api/v2/organizations/me");
      assert.equal(r.status, 200);
      assert.equal(r.headers.get("inin-ratelimit-count"), String(i));
      assert.equal(r.headers.get("inin-ratelimit-allowed"), "5");
      clock.ms += 1_000;
    }
    // window started at t0; now t0+5s -> 55 s left
    const r = await call(source, token, "GET", "/api/v2/organizations/me");
    assert.equal(r.status, 429);
    assert.equal(r.headers.get("retry-after"), "55");
    assert.equal(r.headers.get("inin-ratelimit-reset"), "55");
    const contextId = r.headers.get("inin-correlation-id");
    assert.deepEqual(r.body, {
      message: "Rate limit exceeded the maximum. Retry the request in [55] seconds",
      code: "too.many.requests.retry.after",
      status: 429,
      contextId,
      details: [],
      errors: [],
    });
    assert.deepEqual(Object.keys(obj(r.body)), ["message", "code", "status", "contextId", "details", "errors"]);

    // 429s do not consume budget, and a fresh token has its own budget
    clock.ms += 54_500;
    const last = await call(source, token, "GET", "/api/v2/organizations/me");
    assert.equal(last.status, 429);
    assert.equal(last.headers.get("retry-after"), "1");
    const other = await grant(source);
    assert.equal((await call(source, other, "GET", "/api/v2/organizations/me")).status, 200);

    // advance past the window via the control API
    await control(emu, "POST", "/clock", { advanceMs: 500 });
    const again = await call(source, token, "GET", "/api/v2/organizations/me");
    assert.equal(again.status, 200);
    assert.equal(again.headers.get("inin-ratelimit-count"), "1");
    assert.equal(again.headers.get("inin-ratelimit-reset"), "60");

    const stats = obj(arr(obj((await control(emu, "GET", "/stats?org=source")).body)["orgs"])[0]);
    assert.equal(stats["rateLimited"], 2);
    const perToken = Object.values(obj(stats["byToken"])).map((t) => obj(t)["rateLimited"]);
    assert.deepEqual(perToken.sort(), [0, 2], "429s are counted against the token that got them");
  });
});

test("per-org rateLimitPerMinute setting overrides the default", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    await control(emu, "PUT", "/orgs/source/settings", { rateLimitPerMinute: 2 });
    assert.equal((await call(source, token, "GET", "/api/v2/organizations/me")).status, 200);
    assert.equal((await call(source, token, "GET", "/api/v2/organizations/me")).status, 200);
    const r = await call(source, token, "GET", "/api/v2/organizations/me");
    assert.equal(r.status, 429);
    assert.equal(r.headers.get("retry-after"), "60");
  });
});
