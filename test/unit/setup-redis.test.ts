import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

// `npm test` provides redis-server itself (scripts/setup-redis.sh): found on PATH, installed where it
// can be, and otherwise one line saying how to install it.
const SCRIPT = path.resolve(__dirname, "..", "..", "..", "scripts", "setup-redis.sh");

function run(bins: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "setup-redis-"));
  try {
    for (const [name, target] of Object.entries(bins)) symlinkSync(target, path.join(dir, name));
    return { dir, ...spawnSync("/bin/bash", [SCRIPT], { env: { PATH: dir }, encoding: "utf8" }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("setup-redis: a redis-server on PATH is used as it is (its directory is the last line)", () => {
  const res = run({ "redis-server": "/bin/true" });
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stdout.trim().split("\n").pop(), res.dir);
});

test("setup-redis: nowhere to get it from fails with one line naming how to install it", () => {
  const res = run({});
  assert.equal(res.status, 1);
  assert.equal(res.stdout, "");
  assert.match(
    res.stderr,
    /^setup-redis: FAILED: redis-server is not on PATH and cannot be installed here: install it \(sudo apt-get install -y redis-server, brew install redis/,
  );
  assert.equal(res.stderr.trim().split("\n").length, 1, res.stderr);
});
