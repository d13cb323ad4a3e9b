import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { E2E } from "./harness";

// `genesys-clone import` is a plain Node process: while its only pending work is a request waiting for rate
// budget, nothing else keeps it alive. With the budget's sleep timer unref()ed, an import of an org whose
// limit made it wait ended half-way with exit code 0 and wrote nothing (found by the benchmark, which reads
// its source org under the target's limits).
let e2e: E2E;

before(async () => {
  e2e = await E2E.start("sample");
});
after(async () => e2e.close());

test("an import that has to wait for rate budget finishes, writes the stack and exits 0", async () => {
  // 10 requests per one-second window: the sample org's import needs several windows.
  await e2e.control("/orgs/source/settings", "PUT", { rateLimitPerMinute: 600, rateWindowSeconds: 1 });
  await e2e.control("/stats", "DELETE");
  const imported = await e2e.importSource();
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout + imported.stderr, /Wrote \d+ files/);
  assert.ok(existsSync(path.join(e2e.outDir, "index.ts")), "index.ts written");
  const stats = (await e2e.control("/stats?org=source", "GET")) as { orgs: { total: number }[] };
  assert.ok(stats.orgs[0]!.total > 20, `the import needed more than two windows (${stats.orgs[0]!.total} calls)`);
});
