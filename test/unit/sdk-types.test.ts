import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import ts from "typescript";

// Wire shapes answer to the SDK's models at compile time (provider/src/sdk.ts, emulator/src/routes/sdk.ts).
// These fixtures prove the mechanism: each `*-ok.ts` compiles, every other one must fail with the error its
// `// expect:` line names. They are excluded from the test project's own build.
const ROOT = path.resolve(__dirname, "..", "..", "..");
const FIXTURES = path.join(ROOT, "test", "sdk-fixtures");

function compile(files: string[]): Map<string, string[]> {
  const base = ts.readConfigFile(path.join(ROOT, "tsconfig.base.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, ROOT);
  const program = ts.createProgram(files, {
    ...options,
    noEmit: true,
    composite: false,
    declaration: false,
    incremental: false,
  });
  const byFile = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? "(global)";
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    byFile.set(path.resolve(file), [...(byFile.get(path.resolve(file)) ?? []), text]);
  }
  return byFile;
}

test("SDK wire types: misspelt, invented, wrongly typed or missing required fields fail tsc, on the provider's side and the emulator's", () => {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => path.join(FIXTURES, f));
  assert.ok(files.some((f) => f.includes("provider-")) && files.some((f) => f.includes("emulator-")));
  const diagnostics = compile(files);
  const unexpected = [...diagnostics.entries()].filter(([f]) => !files.includes(f));
  assert.deepEqual(unexpected, [], "errors outside the fixtures (the real wire types must compile)");
  for (const file of files) {
    const errors = diagnostics.get(file) ?? [];
    const name = path.basename(file);
    const expect = /^\/\/ expect: (.+)$/m.exec(readFileSync(file, "utf8"))?.[1];
    if (name.endsWith("-ok.ts")) {
      assert.deepEqual(errors, [], `${name} must compile`);
      continue;
    }
    assert.ok(expect, `${name} names the error it must produce`);
    assert.equal(errors.length, 1, `${name}: exactly one error, got ${JSON.stringify(errors)}`);
    assert.ok(errors[0]!.includes(expect), `${name}: expected "${expect}" in:\n${errors[0]}`);
  }
});

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = path.join(dir, entry);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith(".js") ? [p] : [];
  });
}

test("SDK wire types: the SDK is a devDependency only, never loaded by the provider or the emulator at run time", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  assert.equal(pkg.dependencies["purecloud-platform-client-v2"], undefined);
  assert.ok(pkg.devDependencies["purecloud-platform-client-v2"]);
  for (const dist of ["provider/dist", "emulator/dist"]) {
    const files = jsFiles(path.join(ROOT, dist));
    assert.ok(files.length > 10, `${dist} is built`);
    const loading = files.filter((f) => readFileSync(f, "utf8").includes("purecloud-platform-client-v2"));
    assert.deepEqual(loading, [], `${dist}: no compiled file mentions the SDK`);
  }
});
