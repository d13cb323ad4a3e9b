import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { clientCredentialsToken } from "@genesys-clone/emulator";
import { COLLECTIONS, E2E, ROOT } from "./harness";
import { startRedis, type RunningRedis } from "../redis-server";

// Several deployers at once: two `pulumi up` runs (four processes: two programs, two providers)
// deploy disjoint copies of the sample into one target org with one OAuth client, sharing one
// budget through a real redis-server.
let e2e: E2E;
let redis: RunningRedis;

// 1200 requests a minute in 1 s windows: 20 per window, well under what the two runs would send.
const RATE_PER_MINUTE = 1200;

interface Stats {
  total: number;
  rateLimited: number;
  tokenGrants: number;
  byStatus: Record<string, number>;
  byToken: Record<string, { requests: number; rateLimited: number }>;
}

const targetStats = async () => ((await e2e.control("/stats?org=target")) as { orgs: Stats[] }).orgs[0]!;

/** A stack deploying the import with every name suffixed, so the two stacks' objects never collide. */
async function suffixedStack(suffix: string): Promise<string> {
  const sample = await fs.readFile(path.join(ROOT, "stacks", "sample", "transforms.eu-west-1.yaml"), "utf8");
  // SIP termination URIs are unique in a region (and both stacks deploy into one org): each stack maps its own.
  const code = await fs.readFile(path.join(ROOT, "stacks", "sample", "telephony-trunks.ts"), "utf8");
  const uris = [...code.matchAll(/trunk_sip_termination_uri: "([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(uris.length > 0, "the sample's trunks have termination URIs");
  // A DID routes to one IVR: each stack maps the source's numbers to numbers of its own in the target's pool.
  const block = "ABC".indexOf(suffix) + 1;
  assert.ok(block > 0, `suffix ${suffix}`);
  const transforms =
    sample
      .replace(/^( {2}suffix:) ""$/m, `$1 " (${suffix})"`)
      .replace(/: "\+3531555010(\d)"$/gm, `: "+353155501${block}$1"`) +
    `sipTerminationUris:\n${uris.map((u) => `  ${JSON.stringify(u)}: ${JSON.stringify(`${u}-${suffix.toLowerCase()}`)}\n`).join("")}`;
  assert.notEqual(transforms, sample);
  const dir = await e2e.writeSource(`t${suffix}`, { "transforms.yaml": transforms });
  return e2e.stack(suffix.toLowerCase(), { config: { "genesys-clone:transforms": `stacks/${dir}/transforms.yaml` } });
}

before(async () => {
  redis = await startRedis();
  e2e = await E2E.start("sample");
  // Divisions are looked up, not adopted: both stacks would otherwise take over the same ones.
  // So are user prompts: their names are Archy identifiers, never suffixed, so both stacks would create "Welcome".
  const imported = await e2e.importSource(undefined, ["--exclude", "divisions", "--exclude", "prompts"]);
  assert.equal(imported.code, 0, imported.stderr);
  const target = e2e.org("target");
  const created = await fetch(`${target.apiBaseUrl}/api/v2/architect/prompts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await clientCredentialsToken(target)}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Welcome", description: "the target's own greeting" }),
  });
  assert.equal(created.status, 200, await created.text());
  // Every process either CLI starts (programs, providers) reads the setting from the environment.
  e2e.env.GENESYSCLOUD_RATE_LIMIT_REDIS_URL = redis.url;
});
after(async () => {
  await e2e?.close();
  await redis?.stop();
});

test("two concurrent `pulumi up`s with one OAuth client share one token and stay within its budget; both succeed", async (t) => {
  const [a, b] = [await suffixedStack("A"), await suffixedStack("B")];
  await e2e.control("/orgs/target/settings", "PUT", { rateLimitPerMinute: RATE_PER_MINUTE, rateWindowSeconds: 1 });
  await e2e.control("/stats", "DELETE");

  let started = Date.now();
  const ups = await Promise.all([a, b].map((s) => e2e.pulumi(["up", "--stack", s, "--yes", "--skip-preview"])));
  const upSeconds = (Date.now() - started) / 1000;
  for (const [i, up] of ups.entries())
    assert.equal(up.code, 0, `up of stack ${i ? "B" : "A"} failed:\n${up.stdout}\n${up.stderr}`);
  const up = await targetStats();

  // Both copies arrived in full.
  const source = await e2e.state("source");
  const target = await e2e.state("target");
  // Every registered collection but divisions (the home division is not copied).
  for (const kind of COLLECTIONS.filter((c) => c !== "divisions" && c !== "prompts")) {
    // Every org's default flows (system) are never cloned.
    const expected = (source[kind] as { name: string; state?: string; system?: boolean }[]).filter(
      (o) => o.state !== "deleted" && !o.system,
    ).length;
    const names = (target[kind] as { name: string; state?: string }[])
      .filter((o) => o.state !== "deleted")
      .map((o) => o.name);
    for (const suffix of ["A", "B"])
      assert.equal(names.filter((n) => n.endsWith(` (${suffix})`)).length, expected, `${kind} of stack ${suffix}`);
  }

  await e2e.control("/stats", "DELETE");
  started = Date.now();
  const destroys = await Promise.all(
    [a, b].map((s) => e2e.pulumi(["destroy", "--stack", s, "--yes", "--skip-preview"])),
  );
  const destroySeconds = (Date.now() - started) / 1000;
  for (const d of destroys) assert.equal(d.code, 0, d.stdout + d.stderr);
  const destroy = await targetStats();

  for (const [phase, s, seconds] of [
    ["up", up, upSeconds],
    ["destroy", destroy, destroySeconds],
  ] as const) {
    const tokens = Object.values(s.byToken);
    const calls = tokens.reduce((n, x) => n + x.requests, 0);
    t.diagnostic(
      `${phase}: ${seconds.toFixed(1)} s, ${s.total} requests (${calls} with a token), ${s.rateLimited} 429s, ` +
        `${s.tokenGrants} token grants, ${tokens.length} token(s) used; one token's budget bounds it at ${((calls / RATE_PER_MINUTE) * 60).toFixed(1)} s`,
    );
    assert.equal(tokens.length, 1, `${phase}: all four processes used one token (${JSON.stringify(s.byToken)})`);
    assert.ok(
      s.rateLimited <= 0.01 * s.total,
      `${phase}: ${s.rateLimited} 429s of ${s.total} requests is more than 1%`,
    );
    assert.ok(
      calls > 2 * (RATE_PER_MINUTE / 60) * 5,
      `${phase}: enough calls (${calls}) that one token's budget binds`,
    );
  }
  // The preflight, lookups and provider of each run read the token from Redis: at most one grant per process
  // (a process that loses the race to store its token uses the winner's).
  assert.ok(up.tokenGrants <= 4, `${up.tokenGrants} token grants for four processes`);

  const after_ = await e2e.state("target");
  for (const kind of ["queues", "flows", "wrapupcodes"]) {
    const left = (after_[kind] as { name: string; state?: string }[]).filter(
      (o) => o.state !== "deleted" && /\((A|B)\)$/.test(o.name),
    );
    assert.deepEqual(
      left.map((o) => o.name),
      [],
      `${kind} left after destroy`,
    );
  }
});

test("Redis down: preview fails at once with one message naming the setting, never the URL's password", async () => {
  const stack = await suffixedStack("C");
  const down = `redis://:hunter2-e2e@127.0.0.1:${redis.port + 1}`;
  e2e.env.GENESYSCLOUD_RATE_LIMIT_REDIS_URL = down;
  try {
    const res = await e2e.pulumi(["preview", "--stack", stack]);
    const out = res.stdout + res.stderr;
    assert.notEqual(res.code, 0, out);
    const message =
      /Cannot [a-z ]+ in Redis at 127\.0\.0\.1:\d+, which genesyscloud:rateLimitRedisUrl \(or GENESYSCLOUD_RATE_LIMIT_REDIS_URL\) names[^\n]*ECONNREFUSED/g;
    assert.equal(out.match(message)?.length, 2 /* the diagnostics list repeats the message once */, out);
    assert.ok(!out.includes("hunter2"), out);
  } finally {
    e2e.env.GENESYSCLOUD_RATE_LIMIT_REDIS_URL = redis.url;
  }
});
