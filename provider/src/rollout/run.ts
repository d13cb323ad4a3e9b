/**
 * `genesys-clone rollout`: runs one action on several stacks of a Pulumi project at once through Pulumi's
 * Automation API (a LocalWorkspace on the existing project; each run is its own `pulumi` process, whose provider
 * talks to its own org within that org's budget). One live line per region; a region that fails does not stop
 * the others; a summary table at the end.
 */
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { LocalWorkspace, type EngineEvent } from "@pulumi/pulumi/automation";
import { CALLS_FILE, PROGRAM_FILE, STATS_DIR_ENV } from "../client/call-log";
import {
  applyEvent,
  countCalls,
  queued,
  runningPhase,
  statusLine,
  summaryTable,
  type Action,
  type RegionProgress,
  type RolloutArgs,
} from "./progress";

export interface RolloutOptions extends RolloutArgs {
  /** The Pulumi project directory (holds Pulumi.yaml). */
  workDir: string;
  out: NodeJS.WriteStream;
  /** Milliseconds between live updates on a terminal (plain lines: at most one per region per 10 updates). */
  tickMs?: number;
}

/** A file name for a stack name (`org/project/stack` names have slashes). */
function logName(stack: string): string {
  return `${stack.replace(/[^A-Za-z0-9_.-]+/g, "_")}.log`;
}

function readStats(p: RegionProgress, dir: string, action: Action): void {
  const calls = path.join(dir, CALLS_FILE);
  if (existsSync(calls)) Object.assign(p, countCalls(readFileSync(calls, "utf8")));
  const program = path.join(dir, PROGRAM_FILE);
  if (action !== "destroy" && existsSync(program)) {
    try {
      const { resources } = JSON.parse(readFileSync(program, "utf8")) as { resources?: unknown };
      if (typeof resources === "number") p.total = resources;
    } catch {
      // Being written right now: the next tick reads it.
    }
  }
}

/** The first error line of an Automation API failure, when the engine reported none as an event. */
function firstError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.split("\n").map((l) => l.trim());
  return lines.find((l) => /^error:/i.test(l))?.replace(/^error:\s*/i, "") ?? lines.find((l) => l) ?? "failed";
}

async function runStack(p: RegionProgress, opts: RolloutOptions, statsDirs: Map<string, string>): Promise<void> {
  const logDir = path.join(opts.workDir, ".genesys-clone", "rollout");
  mkdirSync(logDir, { recursive: true });
  p.log = path.relative(process.cwd(), path.join(logDir, logName(p.stack))) || logName(p.stack);
  const log = createWriteStream(path.join(logDir, logName(p.stack)));
  const statsDir = mkdtempSync(path.join(os.tmpdir(), "genesys-clone-rollout-"));
  statsDirs.set(p.stack, statsDir);
  p.phase = "starting";
  p.startedMs = Date.now();
  try {
    const stack = await LocalWorkspace.selectStack(
      { stackName: p.stack, workDir: opts.workDir },
      { envVars: { [STATS_DIR_ENV]: statsDir } },
    );
    if (opts.action === "destroy") {
      const state = (await stack.exportStack()).deployment as { resources?: { type: string }[] } | undefined;
      p.total = (state?.resources ?? []).filter(
        (r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"),
      ).length;
    }
    const run = {
      color: "never" as const,
      onEvent: (event: EngineEvent) => applyEvent(p, event, opts.action),
      onOutput: (text: string) => log.write(text),
      onError: (text: string) => log.write(text),
    };
    p.phase = runningPhase(opts.action);
    if (opts.action === "preview") await stack.preview(run);
    else if (opts.action === "up") await stack.up(run);
    else await stack.destroy(run);
    p.phase = "done";
  } catch (err) {
    p.phase = "failed";
    p.error ??= firstError(err);
    log.write(`\n${err instanceof Error ? err.message : String(err)}\n`);
  } finally {
    readStats(p, statsDir, opts.action);
    statsDirs.delete(p.stack);
    rmSync(statsDir, { recursive: true, force: true });
    p.endedMs = Date.now();
    await new Promise((resolve) => log.end(resolve));
  }
}

/** Runs the rollout; resolves to every region's final progress (the caller sets the exit code). */
export async function rollout(opts: RolloutOptions): Promise<RegionProgress[]> {
  const regions = opts.stacks.map(queued);
  const width = Math.max(...opts.stacks.map((s) => s.length));
  const tty = opts.out.isTTY === true;
  const statsDirs = new Map<string, string>();
  const lastPlain = new Map<string, { line: string; phase: string; tick: number }>();
  let tick = 0;
  let drawn = 0;

  const render = (final = false) => {
    tick++;
    for (const p of regions) {
      const dir = statsDirs.get(p.stack);
      if (dir) readStats(p, dir, opts.action);
    }
    const now = Date.now();
    if (tty) {
      // Rewrite the block of lines in place: up to its first line, then each line cleared and written.
      const text = regions.map((p) => `\x1b[2K${statusLine(p, width, now)}\n`).join("");
      opts.out.write((drawn ? `\x1b[${drawn}F` : "") + text);
      drawn = regions.length;
      return;
    }
    // Plain lines: a region's line when its phase changes, else at most every 10 ticks when its counts moved.
    for (const p of regions) {
      const line = statusLine(p, width, now);
      const counts = line.replace(/\s+\S+s$/, "");
      const last = lastPlain.get(p.stack);
      const moved = last === undefined || last.line !== counts;
      if (last?.phase !== p.phase || (moved && (final || tick - last.tick >= 10))) {
        if (p.phase === "queued" && last !== undefined) continue;
        opts.out.write(`${line}\n`);
        lastPlain.set(p.stack, { line: counts, phase: p.phase, tick });
      }
    }
  };

  const timer = setInterval(render, opts.tickMs ?? 1000);
  render();
  try {
    let next = 0;
    const worker = async () => {
      while (next < regions.length) {
        const p = regions[next++]!;
        await runStack(p, opts, statsDirs);
        render();
      }
    };
    await Promise.all(Array.from({ length: opts.maxParallel }, worker));
  } finally {
    clearInterval(timer);
  }
  render(true);
  opts.out.write(`\n${summaryTable(regions, Date.now())}`);
  return regions;
}
