import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { differences, E2E, viewOf } from "./harness";

// Fault tolerance through the real CLI: the target org misbehaves the way a busy production org does,
// all at once, and ONE `up` and ONE `destroy` must succeed: after the up the target verifies equal to
// the source with nothing twice, after the destroy it is back where it started.
let e2e: E2E;

before(async () => {
  e2e = await E2E.imported();
});
after(async () => e2e.close());

async function faults(rules: unknown[]): Promise<void> {
  await e2e.control("/faults", "PUT", rules);
}

/** Requests the target org has answered (or dropped) so far. */
async function targetRequests(): Promise<number> {
  const stats = (await e2e.control("/stats?org=target")) as { orgs: { total: number }[] };
  return stats.orgs[0]?.total ?? 0;
}

/**
 * Revokes every token of the target org once it has seen `after` more requests, while `run` is under
 * way (a token revoked mid-run: each request then meets a 401 and re-authenticates). Resolves with
 * whether the revocation happened before the run ended.
 */
async function revokeMidRun(run: Promise<unknown>, after: number): Promise<boolean> {
  let finished = false;
  void run.finally(() => (finished = true));
  const start = await targetRequests();
  while (!finished) {
    if ((await targetRequests()) - start >= after) {
      await e2e.control("/orgs/target/tokens/revoke", "POST", {});
      return true;
    }
    // Polls the emulator's request count: the condition, not the time, decides.
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

/**
 * What a single run must absorb, first match wins: three creates answered after the client's timeout
 * (2 s), a burst of 30 consecutive 429s (Retry-After 1 s) on the queue calls, faults on the presigned uploads of Architect jobs (5xx, drops, lost answers),
 * creates committed on the server whose answers are lost, then 10% 503s and 3% dropped connections
 * on every other API call.
 */
const COMBINED = [
  { org: "target", method: "POST", path: "^/api/v2/routing/wrapupcodes$", latencyMs: 2500, times: 3 },
  { org: "target", path: "^/api/v2/routing/queues", status: 429, retryAfter: 1, times: 30 },
  { org: "target", method: "PUT", path: "^/uploads/", probability: 0.2, status: 503 },
  { org: "target", method: "PUT", path: "^/uploads/", probability: 0.1, drop: true },
  { org: "target", method: "PUT", path: "^/uploads/", probability: 0.1, dropAfter: true },
  {
    org: "target",
    method: "POST",
    path: "^/api/v2/(routing/(skills|queues|wrapupcodes|languages)|architect/(schedules|schedulegroups)|telephony/providers/edges/trunkbasesettings)$",
    probability: 0.15,
    dropAfter: true,
    times: 8,
  },
  { org: "target", path: "^/api/v2/", probability: 0.1, status: 503 },
  { org: "target", path: "^/api/v2/", probability: 0.03, drop: true },
];

/** Pulumi's "Duration: 1m2s" line, for the test's diagnostics. */
const duration = (stdout: string) => /Duration: (\S+)/.exec(stdout)?.[1] ?? "?";

for (const seed of [11, 23, 37]) {
  test(`combined faults (seed ${seed}): one up and one destroy succeed; the target verifies equal, nothing twice, rolled back after`, async (t) => {
    await e2e.control("/reset", "POST", { randomSeed: seed });
    // These tests are about faults, not the budget: a roomy limit and short jobs keep them quick.
    await e2e.control("/orgs/target/settings", "PUT", { rateLimitPerMinute: 3000 });
    const start = await e2e.state("target");
    const stack = await e2e.stack(`combined${seed}`, { config: { "genesyscloud:timeoutSeconds": "2" } });

    await faults(COMBINED);
    try {
      const up = e2e.pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]);
      const revoked = await revokeMidRun(up, 150);
      const done = await up;
      assert.equal(done.code, 0, done.stdout + done.stderr);
      assert.ok(revoked, "the token was revoked while up ran");
      const fired = (await e2e.control("/faults")) as { rules: { fired: number }[] };
      assert.equal(fired.rules[1]!.fired, 30, "the whole 429 burst was served");
      t.diagnostic(`up: ${duration(done.stdout)}`);
    } finally {
      await faults([]);
    }
    await e2e.noDuplicates();
    const verify = await e2e.verify(stack);
    assert.equal(verify.code, 0, verify.stdout.slice(verify.stdout.indexOf("##")));

    await faults(COMBINED);
    try {
      const destroy = e2e.pulumi(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
      await revokeMidRun(destroy, 100);
      const done = await destroy;
      assert.equal(done.code, 0, done.stdout + done.stderr);
      t.diagnostic(`destroy: ${duration(done.stdout)}`);
    } finally {
      await faults([]);
    }
    assert.deepEqual(
      differences(viewOf(start), viewOf(await e2e.state("target"))),
      [],
      "destroy rolled the target back",
    );
  });
}

test("an Architect job failure: up fails naming the flow and the job's message; a second up publishes it, nothing twice", async () => {
  await e2e.control("/reset", "POST", {});
  await e2e.control("/orgs/target/settings", "PUT", { rateLimitPerMinute: 3000, flowImportJobFailures: 1 });
  const stack = await e2e.stack("jobfail");
  const first = await e2e.pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.notEqual(first.code, 0, "the failed job should fail the up");
  assert.match(
    first.stdout + first.stderr,
    /Flow '[^']+' \([a-z]+\) could not be published: An internal error occurred while processing the Architect job/,
  );
  // The org's queues, skills and codes were deployed around the failure; the re-run finishes the flows.
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  await e2e.noDuplicates();
  const verify = await e2e.verify(stack);
  assert.equal(verify.code, 0, verify.stdout.slice(verify.stdout.indexOf("##")));
  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
});
