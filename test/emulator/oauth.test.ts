import assert from "node:assert/strict";
import { test } from "node:test";
import { basic, call, control, errorOf, grant, ManualClock, obj, org, send, withEmulator } from "./helpers";

interface GrantCase {
  name: string;
  headers: (id: string, secret: string) => Record<string, string>;
  body: (id: string, secret: string) => string;
  status: number;
  error?: string;
}

const GRANT_CASES: GrantCase[] = [
  {
    name: "Basic auth + form body with Content-Type -> token",
    headers: (id, s) => ({ Authorization: basic(id, s), "Content-Type": "application/x-www-form-urlencoded" }),
    body: () => "grant_type=client_credentials",
    status: 200,
  },
  {
    name: "Basic auth + form body without Content-Type -> token",
    headers: (id, s) => ({ Authorization: basic(id, s) }),
    body: () => "grant_type=client_credentials",
    status: 200,
  },
  {
    name: "client_id / client_secret form fields -> token",
    headers: () => ({ "Content-Type": "application/x-www-form-urlencoded" }),
    body: (id, s) =>
      `grant_type=client_credentials&client_id=${encodeURIComponent(id)}&client_secret=${encodeURIComponent(s)}`,
    status: 200,
  },
  {
    name: "wrong secret -> 401 invalid_client",
    headers: (id) => ({ Authorization: basic(id, "not-the-secret") }),
    body: () => "grant_type=client_credentials",
    status: 401,
    error: "invalid_client",
  },
  {
    name: "unknown client -> 401 invalid_client",
    headers: (_id, s) => ({ Authorization: basic("00000000-0000-4000-8000-000000000000", s) }),
    body: () => "grant_type=client_credentials",
    status: 401,
    error: "invalid_client",
  },
  {
    name: "no credentials at all -> 401 invalid_client",
    headers: () => ({}),
    body: () => "grant_type=client_credentials",
    status: 401,
    error: "invalid_client",
  },
  {
    name: "unsupported grant -> 400 unsupported_grant_type",
    headers: (id, s) => ({ Authorization: basic(id, s) }),
    body: () => "grant_type=password&username=a&password=b",
    status: 400,
    error: "unsupported_grant_type",
  },
  {
    name: "missing grant -> 400 invalid_request",
    headers: (id, s) => ({ Authorization: basic(id, s) }),
    body: () => "",
    status: 400,
    error: "invalid_request",
  },
];

test("token endpoint: table of grant cases", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    for (const c of GRANT_CASES) {
      const r = await send(`${source.loginBaseUrl}/oauth/token`, {
        method: "POST",
        headers: c.headers(source.clientId, source.clientSecret),
        body: c.body(source.clientId, source.clientSecret),
      });
      assert.equal(r.status, c.status, c.name);
      const b = obj(r.body);
      if (c.status === 200) {
        assert.equal(typeof b["access_token"], "string", c.name);
        assert.equal(b["token_type"], "bearer", c.name);
        assert.equal(b["expires_in"], 86400, c.name);
      } else {
        assert.equal(b["error"], c.error, c.name);
        assert.equal(typeof b["description"], "string", c.name);
        assert.equal(b["error_description"], b["description"], c.name);
      }
    }
    const stats = arr0(await control(emu, "GET", "/stats?org=source"));
    assert.equal(stats["tokenGrants"], 3);
  });
});

function arr0(r: { body: unknown }): Record<string, unknown> {
  const orgs = obj(r.body)["orgs"];
  assert.ok(Array.isArray(orgs));
  return obj(orgs[0]);
}

test("wrong credentials body is exactly the Genesys invalid_client body", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    const r = await send(`${source.loginBaseUrl}/oauth/token`, {
      method: "POST",
      headers: { Authorization: basic(source.clientId, "nope") },
      body: "grant_type=client_credentials",
    });
    assert.deepEqual(r.body, {
      error: "invalid_client",
      description: "Invalid client credentials",
      error_description: "Invalid client credentials",
    });
  });
});

test("each org has its own client: source credentials do not work at target's login", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    const target = org(emu, "target");
    assert.notEqual(source.clientId, target.clientId);
    assert.ok(source.clientSecret.length >= 32);
    const r = await send(`${target.loginBaseUrl}/oauth/token`, {
      method: "POST",
      headers: { Authorization: basic(source.clientId, source.clientSecret) },
      body: "grant_type=client_credentials",
    });
    assert.equal(r.status, 401);
  });
});

interface AuthCase {
  name: string;
  authorization: (tokens: { source: string; target: string }) => string | undefined;
  at: "source" | "target";
  status: number;
  code?: string;
}

const AUTH_CASES: AuthCase[] = [
  { name: "own token works", authorization: (t) => `Bearer ${t.source}`, at: "source", status: 200 },
  { name: "lower-case bearer scheme works", authorization: (t) => `bearer ${t.source}`, at: "source", status: 200 },
  {
    name: "token from org A rejected at org B",
    authorization: (t) => `Bearer ${t.source}`,
    at: "target",
    status: 401,
    code: "bad.credentials",
  },
  {
    name: "token from org B rejected at org A",
    authorization: (t) => `Bearer ${t.target}`,
    at: "source",
    status: 401,
    code: "bad.credentials",
  },
  {
    name: "unknown token",
    authorization: () => "Bearer not-a-token",
    at: "source",
    status: 401,
    code: "bad.credentials",
  },
  {
    name: "missing Authorization",
    authorization: () => undefined,
    at: "source",
    status: 401,
    code: "authentication.required",
  },
  {
    name: "Basic instead of Bearer",
    authorization: () => basic("a", "b"),
    at: "source",
    status: 401,
    code: "bad.credentials",
  },
];

test("API authentication: table of cases", async () => {
  await withEmulator({}, async (emu) => {
    const tokens = { source: await grant(org(emu, "source")), target: await grant(org(emu, "target")) };
    for (const c of AUTH_CASES) {
      const a = c.authorization(tokens);
      const r = await send(
        `${org(emu, c.at).apiBaseUrl}/api/v2/organizations/me`,
        a === undefined ? {} : { headers: { Authorization: a } },
      );
      assert.equal(r.status, c.status, c.name);
      if (c.code !== undefined) assert.equal(errorOf(r)["code"], c.code, c.name);
      else assert.equal(obj(r.body)["name"], c.at, c.name);
    }
  });
});

test("bad.credentials body carries the real message", async () => {
  await withEmulator({}, async (emu) => {
    const r = await call(org(emu, "source"), "nope", "GET", "/api/v2/organizations/me");
    const b = errorOf(r);
    assert.equal(b["message"], "Invalid login credentials.");
    assert.deepEqual(b["details"], []);
    assert.deepEqual(b["errors"], []);
  });
});

test("tokens expire after tokenLifetimeSeconds -> 401 credentials.expired", async () => {
  const clock = new ManualClock();
  await withEmulator({ clock }, async (emu) => {
    const source = org(emu, "source");
    await control(emu, "PUT", "/orgs/source/settings", { tokenLifetimeSeconds: 120 });
    const r0 = await send(`${source.loginBaseUrl}/oauth/token`, {
      method: "POST",
      headers: { Authorization: basic(source.clientId, source.clientSecret) },
      body: "grant_type=client_credentials",
    });
    assert.equal(obj(r0.body)["expires_in"], 120);
    const token = String(obj(r0.body)["access_token"]);
    assert.equal((await call(source, token, "GET", "/api/v2/organizations/me")).status, 200);
    clock.ms += 119_000;
    assert.equal((await call(source, token, "GET", "/api/v2/organizations/me")).status, 200);
    await control(emu, "POST", "/clock", { advanceMs: 1_000 });
    const r = await call(source, token, "GET", "/api/v2/organizations/me");
    assert.equal(r.status, 401);
    assert.equal(errorOf(r)["code"], "credentials.expired");
  });
});

test("control API revokes all tokens of one org only", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    const target = org(emu, "target");
    const ts = await grant(source);
    const tt = await grant(target);
    const rv = await control(emu, "POST", "/orgs/source/tokens/revoke");
    assert.deepEqual(rv.body, { revoked: 1 });
    assert.equal(errorOf(await call(source, ts, "GET", "/api/v2/organizations/me"))["code"], "bad.credentials");
    assert.equal((await call(target, tt, "GET", "/api/v2/organizations/me")).status, 200);
    assert.equal((await call(source, await grant(source), "GET", "/api/v2/organizations/me")).status, 200);
  });
});

test("organizations/me identifies the org", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    const b = obj((await call(source, await grant(source), "GET", "/api/v2/organizations/me")).body);
    assert.equal(b["name"], "source");
    assert.equal(b["thirdPartyOrgName"], "source");
    assert.match(String(b["selfUri"]), /^\/api\/v2\/organizations\/[0-9a-f-]{36}$/);
  });
});
