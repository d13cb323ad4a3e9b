import { startEmulator } from "@genesys-clone/emulator";
import { spawn } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { z } from "zod";
import { clientFor, type ClientSettings } from "../client";
import { JOURNAL_DIR_ENV, REHEARSAL_ENV, SETTINGS } from "../config";
import { buildGraph, type DepGraph, type GraphItem } from "../report/graph";
import { copyOrg } from "./copy";
import { RESOURCES } from "../resources/registry";

/**
 * `genesys-clone rehearse`: what `pulumi up` of a stack would do in its target org, found by doing it to a
 * private copy. The target is only read (GET requests); the copy is an in-process emulator seeded with
 * the target's objects and ids; the `up` runs the project's own program with the stack's own config,
 * secrets and transforms, but against a temporary file backend holding a copy of the stack's state, with
 * the provider pointed at the copy through the environment (GENESYS_CLONE_REHEARSAL) and its create
 * journal kept in the temporary directory. The stack's config file, state and journal are not written.
 */
export interface RehearsalObject {
  kind: string;
  name: string;
  /** What the deployment did to it: create, update, delete, replace, same, adopt; failed when its step failed. */
  op: string;
  failed: boolean;
}

export interface RehearsalReport {
  stack: string;
  /** The org read: its API base URL and the number of objects of each type it holds. */
  target: { apiBaseUrl: string; counts: Record<string, number> };
  ok: boolean;
  /** Exit code of the rehearsal's `pulumi up`. */
  upExitCode: number;
  seconds: number;
  changes: Record<string, number>;
  objects: RehearsalObject[];
  conflicts: string[];
  missingLookups: string[];
  flowFailures: string[];
  trunksNotConnected: string[];
  /** Other errors the deployment reported. */
  errors: string[];
  /** Objects of the target the copy could not hold (and so the rehearsal did not meet). */
  notCopied: string[];
  apiCalls: { total: number; rateLimited: number; byRequest: Record<string, number> };
  /** The time the target's per-token budget needs for these calls, at the stack's rate settings. */
  rateLimit: { perMinute: number; tokens: number; minutes: number };
  graph: DepGraph;
}

export interface RehearseOptions {
  stack: string;
  /** The target org's settings, as the stack's config and the GENESYSCLOUD_* environment give them. */
  settings: ClientSettings;
  /** The project directory (holds Pulumi.yaml). */
  projectDir: string;
  log?: (line: string) => void;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the Pulumi CLI without blocking this process's event loop (the emulator it deploys to lives here). */
function pulumi(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--non-interactive"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function must(run: Run, what: string): Run {
  if (run.code !== 0)
    throw new Error(`${what} failed: ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" ")}`);
  return run;
}

/** The project directory: the nearest directory up from `dir` with a Pulumi.yaml. */
export function projectDirOf(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, "Pulumi.yaml")) || existsSync(path.join(d, "Pulumi.yml"))) return d;
    if (path.dirname(d) === d) throw new Error(`no Pulumi.yaml in ${dir} or above: run rehearse in the project`);
  }
}

/** Resource kind (`Queue`) by the type a resource has in state (`pulumi-nodejs:dynamic/genesyscloud:RoutingQueue`). */
const kindOf = (type: string): string | undefined => RESOURCES.byToken(type)?.kind;

const StateResource = z.looseObject({
  urn: z.string(),
  type: z.string(),
  id: z.string().optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  dependencies: z.array(z.string()).optional(),
});
const Exported = z.looseObject({
  deployment: z.looseObject({ resources: z.array(StateResource).nullish() }),
});

const Meta = z.looseObject({ op: z.string().optional(), urn: z.string(), type: z.string() });
const EngineEvent = z.looseObject({
  resOutputsEvent: z.looseObject({ metadata: Meta }).optional(),
  resOpFailedEvent: z.looseObject({ metadata: Meta }).optional(),
  diagnosticEvent: z.looseObject({ urn: z.string().optional(), message: z.string(), severity: z.string() }).optional(),
});

const urnName = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
// eslint-disable-next-line no-control-regex
const plainText = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "").replace(/<\{%reset%\}>|<\{%[a-z]+%\}>/g, "");

export async function rehearse(opts: RehearseOptions): Promise<RehearsalReport> {
  const log = opts.log ?? (() => undefined);
  const { stack, settings, projectDir } = opts;
  const target = clientFor(settings);
  log(`Reading the target org (${target.endpoints.apiBaseUrl}), read-only`);
  const copy = await copyOrg(target, "rehearsal", settings.region ?? "custom");
  const emulator = await startEmulator({ seedData: { orgs: [copy.org] }, rateLimitPerMinute: 1_000_000 });
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "genesys-clone-rehearse-"));
  const configFile = path.join(projectDir, `Pulumi.${stack.replace(/^.*\//, "")}.yaml`);
  const configBefore = existsSync(configFile) ? await fs.readFile(configFile) : undefined;
  try {
    const org = emulator.orgs[0]!;
    const userEnv = process.env;
    const env: NodeJS.ProcessEnv = { ...userEnv };
    for (const s of Object.values(SETTINGS)) delete env[s.env];
    Object.assign(env, {
      // metadata=skip: no .attrs sidecar beside the state (see scripts/lib/pulumi-env.ts fileBackendUrl).
      PULUMI_BACKEND_URL: `file://${path.join(tmp, "state")}?metadata=skip`,
      [REHEARSAL_ENV]: "1",
      [JOURNAL_DIR_ENV]: path.join(tmp, "journal"),
      [SETTINGS.apiBaseUrl.env]: org.apiBaseUrl,
      [SETTINGS.loginBaseUrl.env]: org.loginBaseUrl,
      [SETTINGS.clientId.env]: org.clientId,
      [SETTINGS.clientSecret.env]: org.clientSecret,
      [SETTINGS.ratePerMinute.env]: "1000000",
      // The copy answers at once: a failure is not worth minutes of retries.
      [SETTINGS.retryDeadlineSeconds.env]: "30",
      PULUMI_SKIP_CHECKPOINTS: "true",
    });
    if (settings.region) env[SETTINGS.region.env] = settings.region;
    await fs.mkdir(path.join(tmp, "state"), { recursive: true });

    log(`Copying the state of stack ${stack}`);
    const stateFile = path.join(tmp, "state.json");
    must(
      await pulumi(["stack", "export", "--stack", stack, "--file", stateFile], userEnv, projectDir),
      "pulumi stack export",
    );
    must(await pulumi(["stack", "init", stack], env, projectDir), "pulumi stack init (temporary backend)");
    must(
      await pulumi(["stack", "import", "--stack", stack, "--file", stateFile], env, projectDir),
      "pulumi stack import",
    );

    log(
      `Deploying to the copy (${copy.org.divisions.length} divisions, ${copy.org.queues?.length ?? 0} queues, ${copy.org.flows?.length ?? 0} flows, ...)`,
    );
    const started = Date.now();
    // --json: the engine's events, one JSON object after another (what each step did, every diagnostic).
    const up = await pulumi(["up", "--stack", stack, "--yes", "--skip-preview", "--json"], env, projectDir);
    const seconds = (Date.now() - started) / 1000;

    const final = Exported.parse(
      JSON.parse(
        must(await pulumi(["stack", "export", "--stack", stack], env, projectDir), "pulumi stack export").stdout,
      ),
    );
    const stats = (await (await fetch(`${emulator.url}/__emulator/stats?org=rehearsal`)).json()) as {
      orgs: { total: number; rateLimited: number; requests: Record<string, number> }[];
    };
    const calls = stats.orgs[0] ?? { total: 0, rateLimited: 0, requests: {} };
    return analyse({
      stack,
      apiBaseUrl: target.endpoints.apiBaseUrl,
      counts: copy.counts,
      notCopied: copy.notCopied,
      up,
      seconds,
      events: jsonValues(up.stdout).flatMap((v) => {
        const e = EngineEvent.safeParse(v);
        return e.success ? [e.data] : [];
      }),
      resources: final.deployment.resources ?? [],
      calls,
      perMinute: settings.ratePerMinute ?? 300,
      tokens: settings.tokenPoolSize ?? 1,
    });
  } finally {
    await emulator.close();
    await fs.rm(tmp, { recursive: true, force: true });
    // `stack init` in the temporary backend must leave the stack's config file as it was; make sure of it.
    if (configBefore !== undefined) {
      const after = existsSync(configFile) ? await fs.readFile(configFile) : undefined;
      if (!after || !after.equals(configBefore)) await fs.writeFile(configFile, configBefore);
    }
  }
}

/** The JSON objects in a text, one after another (however each is laid out), skipping anything else. */
export function jsonValues(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"' && depth > 0) inString = true;
    else if (c === "{") {
      if (depth++ === 0) start = i;
    } else if (c === "}" && depth > 0 && --depth === 0) {
      try {
        out.push(JSON.parse(text.slice(start, i + 1)));
      } catch {
        // not JSON after all: skip it
      }
    }
  }
  return out;
}

interface Observed {
  stack: string;
  apiBaseUrl: string;
  counts: Record<string, number>;
  notCopied: string[];
  up: Run;
  seconds: number;
  events: z.infer<typeof EngineEvent>[];
  resources: z.infer<typeof StateResource>[];
  calls: { total: number; rateLimited: number; requests: Record<string, number> };
  perMinute: number;
  tokens: number;
}

/** The report from what the rehearsal's `up` did: its engine events, the final state, the copy's request counters. */
export function analyse(o: Observed): RehearsalReport {
  const ops = new Map<string, { type: string; op: string; failed: boolean }>();
  for (const e of o.events) {
    const done = e.resOutputsEvent?.metadata;
    if (done) ops.set(done.urn, { type: done.type, op: done.op ?? "same", failed: false });
    const failed = e.resOpFailedEvent?.metadata;
    if (failed) ops.set(failed.urn, { type: failed.type, op: failed.op ?? "update", failed: true });
  }
  const byUrn = new Map(o.resources.map((r) => [r.urn, r]));
  const objects: RehearsalObject[] = [];
  for (const [urn, step] of ops) {
    const kind = kindOf(step.type);
    if (!kind) continue;
    const outputs = byUrn.get(urn)?.outputs ?? {};
    const name = typeof outputs.name === "string" ? outputs.name : urnName(urn);
    const adopted = step.op === "create" && !step.failed && outputs.adoptedPrior !== undefined;
    objects.push({ kind, name, op: adopted ? "adopt" : step.op, failed: step.failed });
  }
  objects.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const changes: Record<string, number> = {};
  for (const x of objects) {
    const key = x.failed ? "failed" : x.op;
    changes[key] = (changes[key] ?? 0) + 1;
  }

  const conflicts: string[] = [];
  const missingLookups: string[] = [];
  const flowFailures: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const e of o.events) {
    const d = e.diagnosticEvent;
    if (!d || d.severity !== "error") continue;
    const message = plainText(d.message).trim();
    // The engine's closing line repeats what the resources said.
    if (!message || /^update failed$/i.test(message) || seen.has(message)) continue;
    seen.add(message);
    const kind = d.urn ? kindOf(d.urn.split("::")[2] ?? "") : undefined;
    if (/already exists in the target org/.test(message)) conflicts.push(message);
    else if (/does not declare and the target org does not have/.test(message)) missingLookups.push(message);
    else if (kind === "Flow" || kind === "FlowShell") flowFailures.push(message);
    else errors.push(message);
  }
  const trunksNotConnected = o.resources
    .filter((r) => kindOf(r.type) === "Trunk" && r.outputs?.connected === false)
    .map((r) => (typeof r.outputs?.name === "string" ? r.outputs.name : urnName(r.urn)))
    .sort();
  if (o.up.code !== 0 && !conflicts.length && !missingLookups.length && !flowFailures.length && !errors.length)
    errors.push(
      plainText(o.up.stderr || o.up.stdout)
        .trim()
        .split("\n")
        .slice(-5)
        .join("\n") || "pulumi up failed",
    );

  const status: Record<string, string> = { create: "created", update: "updated", adopt: "adopted", replace: "updated" };
  const stepOf = new Map(objects.map((x) => [`${x.kind}\u0000${x.name}`, x]));
  const items: GraphItem[] = o.resources
    .filter((r) => kindOf(r.type))
    .map((r) => {
      const kind = kindOf(r.type)!;
      const name = typeof r.outputs?.name === "string" ? r.outputs.name : urnName(r.urn);
      const step = stepOf.get(`${kind}\u0000${name}`);
      const s = step ? (step.failed ? "failed" : status[step.op]) : undefined;
      return { key: r.urn, kind, name, ...(s ? { status: s } : {}), needs: r.dependencies ?? [] };
    });
  const ok =
    o.up.code === 0 &&
    !conflicts.length &&
    !missingLookups.length &&
    !flowFailures.length &&
    !errors.length &&
    !trunksNotConnected.length &&
    !objects.some((x) => x.failed);
  const budget = o.perMinute * o.tokens;
  return {
    stack: o.stack,
    target: { apiBaseUrl: o.apiBaseUrl, counts: o.counts },
    ok,
    upExitCode: o.up.code,
    seconds: Math.round(o.seconds * 10) / 10,
    changes,
    objects,
    conflicts,
    missingLookups,
    flowFailures,
    trunksNotConnected,
    errors,
    notCopied: o.notCopied,
    apiCalls: { total: o.calls.total, rateLimited: o.calls.rateLimited, byRequest: o.calls.requests },
    rateLimit: {
      perMinute: o.perMinute,
      tokens: o.tokens,
      minutes: Math.round((o.calls.total / budget) * 100) / 100,
    },
    graph: buildGraph(items),
  };
}
