import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { E2E } from "./harness";

// Fault tolerance through the real CLI: the target org misbehaves in the ways production does;
// after each up the target verifies equal to the source and no object exists twice.
let e2e: E2E;

before(async () => {
  e2e = await E2E.imported();
});
after(async () => e2e.close());

async function faults(rules: unknown[]): Promise<void> {
  await e2e.control("/faults", "PUT", rules);
}

const cases: { name: string; rules: unknown[]; config?: Record<string, string> }[] = [
  { name: "10% 503s", rules: [{ org: "target", path: "^/api/v2/", probability: 0.1, status: 503 }] },
  { name: "dropped connections", rules: [{ org: "target", path: "^/api/v2/", probability: 0.08, drop: true }] },
  { name: "a 429 storm with a long Retry-After", rules: [{ org: "target", path: "^/api/v2/routing/", status: 429, retryAfter: 3, times: 12 }] },
  { name: "token revoked mid-run (401 once, then re-authenticate)", rules: [{ org: "target", path: "^/api/v2/routing/queues$", method: "POST", status: 401, times: 1 }] },
  {
    name: "responses slower than the client timeout",
    rules: [{ org: "target", path: "^/api/v2/routing/wrapupcodes", method: "POST", latencyMs: 2500, times: 3 }],
    config: { "genesyscloud:timeoutSeconds": "1" },
  },
  { name: "creates committed on the server whose responses are lost", rules: [{ org: "target", path: "^/api/v2/routing/(skills|queues|wrapupcodes)$", method: "POST", dropAfter: true, probability: 0.3, times: 8 }] },
];

for (const [i, c] of cases.entries()) {
  test(`${c.name}: up succeeds, the target verifies equal, nothing exists twice, destroy cleans up`, async () => {
    await e2e.control("/reset", "POST", {});
    // These tests are about faults, not the budget: a roomier limit saves a minute's wait per destroy.
    await e2e.control("/orgs/target/settings", "PUT", { rateLimitPerMinute: 3000 });
    const stack = await e2e.stack(`fault${i}`, { config: c.config });
    await faults(c.rules);
    try {
      const up = await e2e.pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]);
      assert.equal(up.code, 0, up.stdout + up.stderr);
    } finally {
      await faults([]);
    }
    await e2e.noDuplicates();
    const verify = await e2e.verify(stack);
    assert.equal(verify.code, 0, verify.stdout.slice(verify.stdout.indexOf("##")));
    await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  });
}

test("an Architect job failure: up fails naming the flow and the job's message; a second up publishes it, nothing twice", async () => {
  await e2e.control("/reset", "POST", {});
  await e2e.control("/orgs/target/settings", "PUT", { rateLimitPerMinute: 3000, flowImportJobFailures: 1 });
  const stack = await e2e.stack("jobfail");
  const first = await e2e.pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.notEqual(first.code, 0, "the failed job should fail the up");
  assert.match(first.stdout + first.stderr, /Flow '[^']+' \([a-z]+\) could not be published: An internal error occurred while processing the Architect job/);
  // The org's queues, skills and codes were deployed around the failure; the re-run finishes the flows.
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  await e2e.noDuplicates();
  const verify = await e2e.verify(stack);
  assert.equal(verify.code, 0, verify.stdout.slice(verify.stdout.indexOf("##")));
  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
});
