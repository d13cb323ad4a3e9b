import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { runInNewContext } from "node:vm";
import { formatGenerated, PRETTIER_OPTIONS } from "@genesys-clone/provider/dist/importer/format";

const ROOT = path.resolve(__dirname, "../../..");

test("the importer formats with the repository's Prettier settings, so `npm run lint` accepts generated stacks", () => {
  const repo = JSON.parse(readFileSync(path.join(ROOT, ".prettierrc.json"), "utf8"));
  assert.deepEqual(PRETTIER_OPTIONS, repo);
});

test("generated TypeScript is formatted (long import lists wrap at the width); other files keep their bytes", async () => {
  const names = Array.from({ length: 12 }, (_, i) => `skillNumber${i}`);
  const text = `import { ${names.join(", ")} } from "./routing-skills";\nexport const x = {a:1};\n`;
  const out = await formatGenerated("routing-queues.ts", text);
  assert.ok(
    out.split("\n").every((l) => l.length <= 120),
    out,
  );
  assert.match(out, /export const x = \{ a: 1 \};/);
  assert.equal(await formatGenerated("routing-queues.ts", out), out, "formatting is idempotent");
  const yaml = "inboundCall:\n    name:   'x'\n";
  assert.equal(await formatGenerated("flows/x.yaml", yaml), yaml);
});

test("hostile strings survive formatting unchanged in meaning", async () => {
  const hostile = ['it\'s "quoted"', "back\\slash", "${injected}", "`tick`", "日本語 العربية 😀"];
  const text = `export const names = ${JSON.stringify(hostile)};\n`;
  const out = await formatGenerated("a.ts", text);
  // Prettier may pick other quotes; the values must not change: evaluate the formatted literal.
  const literal = out.slice(out.indexOf("["), out.lastIndexOf("]") + 1);
  assert.deepEqual([...runInNewContext(`(${literal})`)], hostile);
});
