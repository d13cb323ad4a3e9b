import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { E2E, ROOT, runNode, viewOf, differences } from "./harness";

/**
 * `genesys-clone rollout`: two target stacks run at once through the Automation API, without a terminal. One
 * deploys the sample into the emulated target org; the other has a wrong OAuth client secret and fails. The
 * good one finishes regardless, the summary names both, and the exit code says one failed. Then a rollout
 * destroy of the good one returns the target org to its starting state.
 */
let e2e: E2E;
before(async () => {
  e2e = await E2E.imported();
});
after(async () => {
  for (const stack of e2e.stacks) rmSync(path.join(ROOT, ".genesys-clone", "rollout", `${stack}.log`), { force: true });
  await e2e.close();
});

function rollout(args: string[]) {
  return runNode([path.join(ROOT, "provider", "dist", "cli.js"), "rollout", ...args], e2e.env);
}

test("rollout: one region fails, the other deploys; live lines per region, a summary, exit code 1", async () => {
  const good = await e2e.stack("good");
  const bad = await e2e.stack("bad", { secret: "not-the-client-secret" });
  const before = viewOf(await e2e.state("target"));

  const up = await rollout(["up", "--stacks", `${bad},${good}`]);
  const out = up.stdout;
  assert.equal(up.code, 1, `${out}\n${up.stderr}`);
  assert.ok(!out.includes("\u001b"), "no terminal codes without a terminal");

  // Live lines: each region's phases in plain lines.
  const lines = (stack: string) => out.split("\n").filter((l) => l.startsWith(`${stack} `));
  assert.ok(
    lines(good).some((l) => /^\S+\s+updating\s+objects \d+\/(\d+|\?)\s+calls \d+\s+429s \d+/.test(l)),
    out,
  );
  assert.ok(
    lines(good).some((l) => /\sdone\s/.test(l)),
    out,
  );
  assert.ok(
    lines(bad).some((l) => /\sfailed\s/.test(l)),
    out,
  );

  // The summary: a row per region with its counts, the failed region's reason and log.
  const summary = out.slice(out.lastIndexOf("stack  "));
  const row = (stack: string) => summary.split("\n").find((l) => l.startsWith(`${stack} `)) ?? "";
  const okRow = /^\S+\s+ok\s+(\d+)\/(\d+)\s+(\d+)\s+(\d+)\s+[\d.]+s$/.exec(row(good));
  assert.ok(okRow, summary);
  const [, done, total, calls, limited] = okRow.map(Number);
  assert.ok(done! > 20 && done === total, `every object of the sample: ${row(good)}`);
  assert.ok(calls! > done!, `API calls counted from the stack's stats file: ${row(good)}`);
  assert.equal(limited, 0);
  assert.match(row(bad), /^\S+\s+FAILED\s/);
  assert.match(summary, new RegExp(`\\n${bad} failed: .*(OAuth|client|credential|secret)`, "i"));
  assert.match(summary, /\n1 of 2 stacks succeeded\.\n$/);
  const log = path.join(ROOT, ".genesys-clone", "rollout", `${bad}.log`);
  assert.ok(existsSync(log), "the failed region's full output is kept");
  assert.ok(!readFileSync(log, "utf8").includes(e2e.org("target").clientSecret), "no secret in the log");
  assert.ok(!out.includes(e2e.org("target").clientSecret), "no secret in the output");

  // The good region deployed completely.
  const verified = await e2e.verify(good);
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);

  // Rollout destroy of the good region: exit 0, the target as it was.
  const destroy = await rollout(["destroy", "--stacks", good, "--max-parallel", "1"]);
  assert.equal(destroy.code, 0, destroy.stdout + destroy.stderr);
  assert.match(destroy.stdout, /\n1 of 1 stack succeeded\.\n$/);
  const afterView = viewOf(await e2e.state("target"));
  assert.deepEqual(afterView, before, differences(before, afterView).join("\n"));
});
