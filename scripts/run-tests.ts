// `npm test`: every *.test.js under test/dist with Node's built-in runner. Unit and emulator tests
// first (fast), then the end-to-end tests that drive the real Pulumi CLI.
import { spawnSync } from "child_process";
import { readdirSync, statSync } from "fs";
import * as path from "path";
import { pulumiBinDir, ROOT } from "./lib/pulumi-env";

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (entry.endsWith(".test.js")) out.push(p);
  }
  return out;
}

// Prefixes relative to test/dist (`e2e/redis`); `test/dist/e2e/redis` and `test/e2e/redis` mean the same.
const only = process.argv.slice(2).map((o) => o.replace(/^(\.\/)?test\/(dist\/)?/, ""));
const root = path.join(ROOT, "test", "dist");
let files = testFiles(root);
if (only.length) files = files.filter((f) => only.some((o) => path.relative(root, f).startsWith(o)));
if (!files.length) {
  // `node --test` with no files would run every test it can find instead.
  console.error(`No test files under test/dist match ${only.join(", ")}`);
  process.exit(1);
}
const e2e = files.some((f) => path.relative(root, f).startsWith("e2e"));
if (e2e) pulumiBinDir(); // build or find the CLI once, before tests run in parallel

// The shared rate budget tests start their own redis-server: find or install it first, as for the Pulumi CLI.
const REDIS_TESTS = ["provider/shared-budget", "provider/budget-rules", "e2e/redis"];
let env = process.env;
if (files.some((f) => REDIS_TESTS.some((t) => path.relative(root, f).startsWith(t)))) {
  const redis = spawnSync("bash", [path.join(ROOT, "scripts", "setup-redis.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const dir = redis.stdout.trim().split("\n").pop();
  if (redis.status !== 0 || !dir) process.exit(1); // setup-redis.sh said why
  env = { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ""}` };
}

// Two test files at a time: the end-to-end tests mostly wait (rate windows, latency, jobs), so two fit the
// 2-core machine; the whole suite took 15.5 min this way against 25.8 min one file at a time.
const res = spawnSync(process.execPath, ["--test", "--test-concurrency=2", ...files], {
  stdio: "inherit",
  cwd: ROOT,
  env,
});
process.exit(res.status ?? 1);
