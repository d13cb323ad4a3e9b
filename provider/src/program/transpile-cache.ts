import { createHash } from "crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";

/** What the program needs of the ts-node instance Pulumi registers for a TypeScript program. */
interface TsNode {
  ts: { version: string };
  config: { options: object };
  compile(code: string, fileName: string): string;
}

type Loader = (m: NodeModule & { _compile(code: string, fileName: string): unknown }, fileName: string) => void;

const sha = (...parts: string[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("hex");
};

/**
 * Has the generated files of `dir` load from a cache of ts-node's own output, kept under
 * `<project>/.genesys-clone/transpiled/`, so a run transpiles only the files that changed since the last one. Pulumi
 * runs the program under ts-node, which transpiles every generated file on every run: at 1000 objects about a
 * second of each `preview` and `up`. The output is ts-node's (same compiler, same options: both are part of the
 * key), so the code that runs is the same. One entry per file; a changed file replaces its old entry. Without a
 * registered ts-node (a compiled program) nothing changes; a cache that cannot be written only costs the time.
 */
export function cacheTranspiledFiles(dir: string, projectDir: string): void {
  const tsNode = (process as unknown as Record<symbol, TsNode | undefined>)[Symbol.for("ts-node.register.instance")];
  const extensions = require.extensions as unknown as Record<string, Loader | undefined>; // as ts-node hooks in
  const previous = extensions[".ts"];
  if (!tsNode || !previous) return;
  const root = path.resolve(dir) + path.sep;
  const cacheDir = path.join(
    projectDir,
    ".genesys-clone",
    "transpiled",
    `${path.basename(dir)}-${sha(path.resolve(dir)).slice(0, 8)}`,
  );
  const compiler = sha(tsNode.ts.version, JSON.stringify(tsNode.config.options));
  extensions[".ts"] = (m, fileName) => {
    if (!fileName.startsWith(root)) return previous(m, fileName);
    const source = readFileSync(fileName, "utf8");
    const entry = path.relative(root, fileName).split(path.sep).join("__");
    const cached = path.join(cacheDir, `${entry}.${sha(compiler, fileName, source).slice(0, 20)}.js`);
    let js: string;
    try {
      js = readFileSync(cached, "utf8");
    } catch {
      js = tsNode.compile(source, fileName);
      try {
        mkdirSync(cacheDir, { recursive: true });
        for (const old of readdirSync(cacheDir)) if (old.startsWith(`${entry}.`)) rmSync(path.join(cacheDir, old));
        writeFileSync(cached, js);
      } catch {
        // read-only project: transpiled again next time
      }
    }
    m._compile(js, fileName);
  };
}
