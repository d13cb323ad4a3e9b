import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

const SRC = path.resolve(__dirname, "../../../provider/src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/**
 * The local modules a file loads: static imports and re-exports, without the ones TypeScript erases (`import type`,
 * or braces naming only types), and local `require`s (the registry's implementation loaders load later, but they
 * load: the old cycle runtime -> providers -> crud -> process -> runtime went through one).
 */
function runtimeImports(
  file: string,
  text: string,
  resolve: (base: string) => string | undefined = (base) =>
    [`${base}.ts`, path.join(base, "index.ts")].find((p) => existsSync(p)),
): string[] {
  const out: string[] = [];
  const statement = /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s+"(\.[^"]*)";/gms;
  for (const m of text.matchAll(statement)) {
    if (m[2]) continue;
    const clause = m[3]!;
    const braces = /^\{([^}]*)\}$/s.exec(clause.trim());
    if (braces && braces[1]!.split(",").every((n) => !n.trim() || n.trim().startsWith("type "))) continue;
    const target = resolve(path.resolve(path.dirname(file), m[4]!));
    if (target) out.push(target);
  }
  for (const m of text.matchAll(/\brequire\("(\.[^"]*)"\)/g)) {
    const target = resolve(path.resolve(path.dirname(file), m[1]!));
    if (target) out.push(target);
  }
  return out;
}

/** Every cycle's path (as relative file names), found by depth-first search. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, "open");
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === "open") found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found.map((c) => c.map((f) => path.relative(SRC, f)));
}

const cases: { name: string; files: Record<string, string>; cycle: boolean }[] = [
  {
    name: "a value import both ways is a cycle",
    files: { "a.ts": 'import { b } from "./b";', "b.ts": 'import { a } from "./a";' },
    cycle: true,
  },
  {
    name: "`import type` is erased: no cycle",
    files: { "a.ts": 'import { b } from "./b";', "b.ts": 'import type { A } from "./a";' },
    cycle: false,
  },
  {
    name: "braces naming only types are erased: no cycle",
    files: { "a.ts": 'import { b } from "./b";', "b.ts": 'import { type A } from "./a";' },
    cycle: false,
  },
  {
    name: "a local require is an edge",
    files: { "a.ts": 'const load = () => require("./b");', "b.ts": 'import { a } from "./a";' },
    cycle: true,
  },
  {
    name: "a re-export is an edge",
    files: { "a.ts": 'export { b } from "./b";', "b.ts": 'import { a } from "./a";' },
    cycle: true,
  },
];

for (const c of cases) {
  test(`import graph: ${c.name}`, () => {
    const graph = new Map(
      Object.entries(c.files).map(([f, text]) => [
        path.join(SRC, f),
        runtimeImports(path.join(SRC, f), text, (base) => `${base}.ts`),
      ]),
    );
    assert.equal(cycles(graph).length > 0, c.cycle);
  });
}

test("provider/src has no import cycle (e.g. runtime -> providers -> crud -> process -> runtime)", () => {
  const graph = new Map(sources(SRC).map((f) => [f, runtimeImports(f, readFileSync(f, "utf8"))]));
  assert.ok(graph.size > 50, "the provider's sources were found");
  assert.deepEqual(cycles(graph), [], "cycles in provider/src");
});

test("the registry is what the provider process reads, and no resource reads the process", () => {
  const graph = new Map(sources(SRC).map((f) => [f, runtimeImports(f, readFileSync(f, "utf8"))]));
  const rel = (f: string) => path.relative(SRC, f);
  assert.ok(graph.get(path.join(SRC, "process.ts"))!.map(rel).includes("resources/registry.ts"));
  const readers = [...graph].filter(([f, to]) => rel(f).startsWith("resources/") && to.map(rel).includes("process.ts"));
  assert.deepEqual(
    readers.map(([f]) => rel(f)),
    [],
  );
});
