import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

// npm links a workspace's bins at install time, before `prepare` builds dist/, and skips any bin whose
// file is missing then: so each bin must be a committed file (never under dist/), or `npx <bin>` on a
// fresh clone goes to the registry instead of running this project.
const ROOT = path.resolve(__dirname, "..", "..", "..");
const BINS: { pkg: string; bin: string; usage: RegExp }[] = [
  { pkg: "provider", bin: "genesys-clone", usage: /^Usage: genesys-clone /m },
  { pkg: "emulator", bin: "genesys-emulator", usage: /^Usage: genesys-emulator /m },
];

for (const b of BINS) {
  test(`${b.bin}: a committed launcher outside dist/ that runs this project's CLI`, () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, b.pkg, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    const file = manifest.bin[b.bin]!;
    assert.ok(!/(^|\/)dist\//.test(file), `${b.pkg}/package.json bin ${b.bin} points into dist/: ${file}`);
    assert.ok(existsSync(path.join(ROOT, b.pkg, file)), `${b.pkg}/${file} exists`);
    const tracked = spawnSync("git", ["ls-files", "--error-unmatch", path.join(b.pkg, file)], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.equal(tracked.status, 0, `${b.pkg}/${file} is committed`);
    const run = spawnSync(process.execPath, [path.join(ROOT, b.pkg, file), "--help"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, b.usage);
  });
}
