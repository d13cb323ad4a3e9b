import { spawn, spawnSync } from "child_process";
import { mkdirSync } from "fs";
import * as path from "path";

/** The project root (scripts/dist/lib -> root). */
export const ROOT = path.resolve(__dirname, "..", "..", "..");

/** Passphrase of the demo and test stacks' secrets provider (stated in the README); real stacks set their own. */
export const DEMO_PASSPHRASE = "genesys-clone-demo";

let cachedBin: string | undefined;

/**
 * A file backend URL for `dir`. `metadata=skip` stops gocloud's fileblob from writing a `.attrs` sidecar
 * beside every state file: fileblob writes the state itself atomically (temporary file, then rename) but the
 * sidecar in place, so a run killed at that moment left an empty `<stack>.json.attrs` and every later command
 * on the stack failed with "failed to load checkpoint: EOF" (seen in CI by test/e2e/kill). Pulumi reads no
 * blob attributes, so nothing is lost.
 */
export function fileBackendUrl(dir: string): string {
  return `file://${dir}?metadata=skip`;
}

/** The directory holding pulumi, pulumi-language-nodejs and pulumi-resource-pulumi-nodejs (runs setup.sh). */
export function pulumiBinDir(): string {
  if (cachedBin) return cachedBin;
  const res = spawnSync("bash", [path.join(ROOT, "scripts", "setup.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const dir = res.stdout.trim().split("\n").pop();
  if (res.status !== 0 || !dir)
    throw new Error("Could not set up the Pulumi CLI (see the messages above); run `npm run setup`.");
  cachedBin = dir;
  return dir;
}

/**
 * The environment our scripts run the CLI with: offline (no update checks, no plugin downloads),
 * a local file backend inside the project unless PULUMI_BACKEND_URL is set, and the demo passphrase
 * unless the user set PULUMI_CONFIG_PASSPHRASE(_FILE).
 */
export function pulumiEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const bin = pulumiBinDir();
  const env: NodeJS.ProcessEnv = {
    ...base,
    PATH: `${bin}${path.delimiter}${base.PATH ?? ""}`,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    // The client's rate governor protects the org; the engine only needs enough steps in flight to keep it busy.
    PULUMI_PARALLEL: base.PULUMI_PARALLEL ?? "32",
    // Generated stack code is type-correct by construction; skipping ts-node's type check saves seconds per run.
    PULUMI_NODEJS_TRANSPILE_ONLY: base.PULUMI_NODEJS_TRANSPILE_ONLY ?? "true",
    // The file backend rewrites the whole state after every step: for a few hundred objects that, not
    // the API budget, bounds a deployment (the benchmark measured 35 s against 14 s for 500 objects
    // with 4 tokens). With only the final state written, a run killed outright loses its steps from
    // state, and the create journal (provider/src/resources/journal.ts) lets the next up take the
    // objects it made back; an error or Ctrl-C still writes the state. PULUMI_SKIP_CHECKPOINTS=false
    // restores a checkpoint per step.
    PULUMI_SKIP_CHECKPOINTS: base.PULUMI_SKIP_CHECKPOINTS ?? "true",
  };
  if (!env.PULUMI_BACKEND_URL) {
    const state = path.join(ROOT, ".pulumi-state");
    mkdirSync(state, { recursive: true });
    env.PULUMI_BACKEND_URL = fileBackendUrl(state);
  }
  if (!env.PULUMI_HOME) env.PULUMI_HOME = path.join(ROOT, ".pulumi-state", ".home");
  if (env.PULUMI_CONFIG_PASSPHRASE === undefined && env.PULUMI_CONFIG_PASSPHRASE_FILE === undefined) {
    env.PULUMI_CONFIG_PASSPHRASE = DEMO_PASSPHRASE;
  }
  return env;
}

export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in the project root and collects its output (optionally echoing it). */
export function runPulumi(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string; echo?: boolean; cwd?: string } = {},
): Promise<PulumiRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? pulumiEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (opts.echo) process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d;
      if (opts.echo) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}
