import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { startEmulator, type OrgInfo, type RunningEmulator } from "@genesys-clone/emulator";
import {
  GenesysClient,
  GenesysError,
  RateGovernor,
  SharedBudget,
  SharedStore,
  SharedTokens,
  TokenBudget,
  type Clock,
} from "@genesys-clone/provider/dist/client";
import { HttpClient, type TokenSource } from "@genesys-clone/provider/dist/client/http";
import { seal, sealingKey, unseal } from "@genesys-clone/provider/dist/client/seal";
import Redis from "ioredis";
import { z } from "zod";
import { startRedis, type RunningRedis } from "../redis-server";

// Deployers sharing one rate budget through a real redis-server, against the in-process emulator.
// Each GenesysClient here stands for one process (its own governor, pool and Redis connection).
let emu: RunningEmulator;
let source: OrgInfo;
let redis: RunningRedis;
let admin: Redis;
const opened: GenesysClient[] = [];

const control = (p: string, method = "GET", body?: unknown) =>
  fetch(`${emu.url}/__emulator${p}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

interface Stats {
  total: number;
  rateLimited: number;
  tokenGrants: number;
  byStatus?: Record<string, number>;
  byToken: Record<string, { requests: number; rateLimited: number }>;
}
const stats = async (): Promise<Stats> =>
  ((await (await control("/stats?org=source")).json()) as { orgs: Stats[] }).orgs[0]!;

function deployer(
  overrides: { rateLimitRedisUrl?: string; clientSecret?: string; ratePerMinute?: number } = {},
): GenesysClient {
  const c = new GenesysClient({
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: overrides.clientSecret ?? source.clientSecret,
    ratePerMinute: overrides.ratePerMinute ?? 1200,
    rateLimitRedisUrl: "rateLimitRedisUrl" in overrides ? overrides.rateLimitRedisUrl : redis.url,
  });
  opened.push(c);
  return c;
}

const Org = z.object({ id: z.string() });
const me = (c: { request: GenesysClient["request"] }) =>
  c.request({ method: "GET", path: "/api/v2/organizations/me", schema: Org });

before(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url);
  emu = await startEmulator({ seed: "sample" });
  source = emu.orgs.find((o) => o.name === "source")!;
});
beforeEach(async () => {
  await control("/reset", "POST", {});
  // 20 requests per 1 s window: small enough that two deployers exceed it, long enough to count.
  await control("/orgs/source/settings", "PUT", { rateLimitPerMinute: 1200, rateWindowSeconds: 1 });
  await admin.flushall();
});
after(async () => {
  for (const c of opened) c.close();
  admin.disconnect();
  await emu.close();
  await redis.stop();
});

test("two deployers share one token and its budget: no 429s, and together no faster than the budget allows", async (t) => {
  const [a, b] = [deployer(), deployer()];
  // As preflight does in every `pulumi up`: the first answer tells the budget the server's window.
  await me(a);
  const started = Date.now();
  await Promise.all([...Array.from({ length: 50 }, () => me(a)), ...Array.from({ length: 50 }, () => me(b))]);
  const seconds = (Date.now() - started) / 1000;
  const s = await stats();
  t.diagnostic(`shared: 100 calls in ${seconds} s, ${s.rateLimited} 429s, ${s.tokenGrants} token grants`);
  assert.equal(s.rateLimited, 0, JSON.stringify(s));
  const tokens = Object.values(s.byToken);
  assert.equal(tokens.length, 1, "both deployers used the same token");
  assert.equal(tokens[0]!.requests, 101);
  assert.ok(s.tokenGrants <= 2, `at most one token minted per deployer (${s.tokenGrants}), one of them used`);
  // 100 calls at 20 per window need 5 windows: at least 4 s however the windows fall.
  assert.ok(seconds >= 4, `100 calls took ${seconds} s: faster than one token's budget allows`);
});

test("control: without Redis, two deployers holding the same token overshoot its budget", async (t) => {
  // Each deployer keeps its budget in its own process; only the token is the same (as if shared).
  const token = await deployer({ rateLimitRedisUrl: undefined }).tokens.token();
  const fixed: TokenSource = { token: async () => token, invalidate: () => undefined, secret: source.clientSecret };
  const local = () => {
    const governor = new RateGovernor<TokenSource>([{ token: fixed, budget: new TokenBudget(1200) }], 20);
    return new HttpClient({ apiBaseUrl: source.apiBaseUrl, timeoutMs: 10_000, retryDeadlineMs: 60_000 }, governor);
  };
  const [a, b] = [local(), local()];
  await Promise.all([me(a), me(b)]);
  await Promise.all([...Array.from({ length: 50 }, () => me(a)), ...Array.from({ length: 50 }, () => me(b))]);
  const s = await stats();
  t.diagnostic(`control: ${s.rateLimited} 429s of ${s.total} calls`);
  assert.ok(s.rateLimited > 1, `expected 429s without a shared budget, got ${s.rateLimited} of ${s.total}`);
});

test("a token the API rejects is replaced once for everyone: the second deployer adopts the new one", async () => {
  const [a, b] = [deployer(), deployer()];
  await Promise.all([me(a), me(b)]);
  await control("/orgs/source/tokens/revoke", "POST", {});
  await control("/stats", "DELETE");
  await me(a); // 401, drops the token in Redis, mints and stores a new one
  await me(b); // 401 with the old token: must not drop a's new token, but use it
  const s = await stats();
  assert.equal(s.tokenGrants, 1, "one new token for both");
  assert.deepEqual(
    Object.values(s.byToken),
    [{ requests: 2, rateLimited: 0 }],
    "both used the new token (401s have no valid token)",
  );
});

test("Redis holds no usable token: key names are hashes, the value opens only with the client secret", async () => {
  const a = deployer();
  await me(a);
  const token = await a.tokens.token();
  const keys = (await admin.keys("*")).sort();
  assert.equal(keys.length, 2, keys.join(", "));
  for (const k of keys) {
    assert.match(k, /^genesys-clone:v1:(token|budget):[0-9a-f]{32}$/);
    for (const clear of [source.clientId, source.clientSecret, token, "127.0.0.1"]) assert.ok(!k.includes(clear));
  }
  const tokenKey = keys.find((k) => k.includes(":token:"))!;
  const stored = (await admin.get(tokenKey))!;
  assert.ok(!stored.includes(token) && !stored.includes(source.clientSecret));
  assert.equal(JSON.parse(unseal(sealingKey(source.clientSecret, source.clientId), stored, tokenKey)!).token, token);
  assert.equal(unseal(sealingKey("rotated-secret", source.clientId), stored, tokenKey), undefined);
  const ttl = await admin.pttl(tokenKey);
  assert.ok(ttl > 0 && ttl <= 86_400_000 - 60_000, `the entry expires before the token does (${ttl} ms)`);
});

test("a token sealed with another secret (before a rotation) is replaced, not used", async () => {
  const a = deployer();
  const tokenKey = (a.pool[0] as SharedTokens).key;
  const stale = seal(
    sealingKey("the-old-secret", source.clientId),
    JSON.stringify({ token: "stale-token", renewAt: Date.now() + 3_600_000 }),
    tokenKey,
  );
  await admin.set(tokenKey, stale, "PX", 3_600_000);
  await me(a);
  const s = await stats();
  assert.equal(s.tokenGrants, 1);
  assert.equal(s.byStatus?.["401"], undefined, "the stale token was never sent");
  const stored = (await admin.get(tokenKey))!;
  assert.notEqual(stored, stale);
  assert.equal(
    JSON.parse(unseal(sealingKey(source.clientSecret, source.clientId), stored, tokenKey)!).token,
    await a.tokens.token(),
  );
});

test("Redis down: one clear error that names the setting, not the URL or its password", async () => {
  const down = `redis://:hunter2-pw@127.0.0.1:${redis.port + 1}`;
  const c = deployer({ rateLimitRedisUrl: down });
  const started = Date.now();
  await assert.rejects(me(c), (err: unknown) => {
    assert.ok(err instanceof GenesysError && err.kind === "Config", String(err));
    assert.match(err.message, /genesyscloud:rateLimitRedisUrl \(or GENESYSCLOUD_RATE_LIMIT_REDIS_URL\)/);
    assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${redis.port + 1}`));
    assert.ok(!err.message.includes("hunter2"), err.message);
    return true;
  });
  assert.ok(Date.now() - started < 10_000, "fails within seconds");
});

test("an idle Redis connection does not keep a process alive", async () => {
  const script = `
    const { GenesysClient } = require(${JSON.stringify(path.resolve(__dirname, "../../../provider/dist/client"))});
    const c = new GenesysClient(JSON.parse(process.env.SETTINGS));
    c.request({ method: "GET", path: "/api/v2/organizations/me" }).then(() => console.log("done"));`;
  const settings = {
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: source.clientSecret,
    rateLimitRedisUrl: redis.url,
  };
  const started = Date.now();
  const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ["-e", script], {
      env: { ...process.env, SETTINGS: JSON.stringify(settings) },
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
  assert.equal(out.stdout.trim(), "done");
  assert.equal(out.code, 0, "the process ended by itself");
  assert.ok(Date.now() - started < 10_000);
});

/** Time the test moves by hand; Redis sees it because the budget passes it to the scripts. */
class ManualClock implements Clock {
  t = 1_000_000;
  private sleepers: { at: number; wake: () => void }[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.t + Math.max(0, ms), wake }));
  }
  advance(ms: number): void {
    this.t += ms;
    for (const s of this.sleepers.filter((x) => x.at <= this.t)) s.wake();
    this.sleepers = this.sleepers.filter((x) => x.at > this.t);
  }
}

/** Whether `p` settles within a short real-time wait (Redis replies are real I/O). */
async function settles(p: Promise<unknown>, ms = 150): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, ms));
  return done;
}

test("the shared budget follows TokenBudget's rules across processes: window, header corrections, pauses", async () => {
  const clock = new ManualClock();
  const store = new SharedStore(redis.url);
  try {
    const key = "genesys-clone:v1:budget:test";
    const [a, b] = [new SharedBudget(store, key, 5, { clock }), new SharedBudget(store, key, 5, { clock })];
    for (const x of [a, a, a, b, b]) await x.acquire();
    const sixth = b.acquire();
    assert.equal(await settles(sixth), false, "the window's 5 are spent, whichever process took them");
    clock.advance(60_000);
    assert.equal(await settles(sixth), true, "a new window at its end");

    // One process learns from the server that its window is nearly spent and ends in 10 s: the other obeys.
    a.observe({ allowed: 180, count: 179, reset: 10 });
    await a.flushed();
    await b.acquire();
    const next = b.acquire();
    assert.equal(await settles(next), false);
    clock.advance(10_000);
    assert.equal(await settles(next), true);

    // A 429 seen by one process pauses the token for all of them.
    a.pause(42_000);
    await a.flushed();
    // A response of the same window, sent before the 429, must not move its end out to the server's reset.
    b.observe({ allowed: 180, count: 180, reset: 60 });
    await b.flushed();
    const paused = b.acquire();
    clock.advance(41_999);
    assert.equal(await settles(paused), false);
    clock.advance(1);
    assert.equal(await settles(paused), true);
    assert.equal(a.sent + b.sent, 9);
  } finally {
    store.close();
  }
});
