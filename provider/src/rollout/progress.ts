/**
 * The pure part of `genesys-clone rollout`: its arguments, each region's progress as engine events arrive,
 * the live lines and the summary table.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";

export const ACTIONS = ["preview", "up", "destroy"] as const;
export type Action = (typeof ACTIONS)[number];

export interface RolloutArgs {
  stacks: string[];
  action: Action;
  maxParallel: number;
}

export class RolloutArgsError extends Error {}

/** `--stacks a,b,c`, the action and `--max-parallel` (default: every stack at once). */
export function parseRolloutArgs(stacks: string, action: string, maxParallel?: string): RolloutArgs {
  const names = stacks.split(",").map((s) => s.trim());
  if (names.some((n) => n === ""))
    throw new RolloutArgsError(
      `--stacks '${stacks}': name the stacks separated by commas, e.g. eu-west-1,ap-southeast-2.`,
    );
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    throw new RolloutArgsError(`--stacks names ${twice} twice: each stack runs once per rollout.`);
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new RolloutArgsError(`'${action}' is not an action of rollout: use ${ACTIONS.join(", ")}.`);
  let parallel = names.length;
  if (maxParallel !== undefined) {
    if (!/^[1-9][0-9]*$/.test(maxParallel))
      throw new RolloutArgsError(`--max-parallel '${maxParallel}': give a whole number of stacks, 1 or more.`);
    parallel = Math.min(Number(maxParallel), names.length);
  }
  return { stacks: names, action: action as Action, maxParallel: parallel };
}

export type Phase = "queued" | "starting" | "previewing" | "updating" | "destroying" | "done" | "failed";

export interface RegionProgress {
  stack: string;
  phase: Phase;
  /** Resources whose step finished (engine outputs event, or failed). */
  done: number;
  /** Resources the run will touch: the program's declared count (preview, up) or the state's (destroy). */
  total: number;
  calls: number;
  rateLimited: number;
  startedMs?: number;
  endedMs?: number;
  /** The first error the engine or the program reported (failed runs). */
  error?: string;
  /** Where the run's full output went. */
  log?: string;
  /** URNs of finished steps (internal: counts each resource once). */
  finished: Set<string>;
}

export function queued(stack: string): RegionProgress {
  return { stack, phase: "queued", done: 0, total: 0, calls: 0, rateLimited: 0, finished: new Set() };
}

export function runningPhase(action: Action): Phase {
  return action === "preview" ? "previewing" : action === "up" ? "updating" : "destroying";
}

/** The stack resource and providers are the engine's own, not objects of the org. */
function isObject(type: string): boolean {
  return type !== "pulumi:pulumi:Stack" && !type.startsWith("pulumi:providers:");
}

/** Folds one engine event into a region's progress. */
export function applyEvent(p: RegionProgress, event: EngineEvent, action: Action): void {
  const step = event.resOutputsEvent?.metadata ?? event.resOpFailedEvent?.metadata;
  if (event.resourcePreEvent && p.phase === "starting") p.phase = runningPhase(action);
  if (step && isObject(step.type) && !p.finished.has(step.urn)) {
    p.finished.add(step.urn);
    p.done = p.finished.size;
  }
  const diag = event.diagnosticEvent;
  if (diag && diag.severity === "error" && p.error === undefined) {
    // Colour codes, should the engine send any (runs ask for none).
    // eslint-disable-next-line no-control-regex
    const message = diag.message.replace(/\u001b\[[0-9;]*m/g, "").trim();
    // The engine's closing "update failed" line says nothing the first error did not.
    if (message && !/^(update|preview|destroy) failed$/i.test(message)) p.error = message;
  }
}

/** The counts of a calls.log (one HTTP status per line). */
export function countCalls(text: string): { calls: number; rateLimited: number } {
  let calls = 0;
  let rateLimited = 0;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    calls++;
    if (line === "429") rateLimited++;
  }
  return { calls, rateLimited };
}

function seconds(p: RegionProgress, nowMs: number): string {
  if (p.startedMs === undefined) return "";
  return `${(((p.endedMs ?? nowMs) - p.startedMs) / 1000).toFixed(1)}s`;
}

function objects(p: RegionProgress): string {
  return `${p.done}/${Math.max(p.total, p.done) || "?"}`;
}

/** One region's live line: stack, phase, objects done/total, API calls, 429s, time. */
export function statusLine(p: RegionProgress, width: number, nowMs: number): string {
  return [
    p.stack.padEnd(width),
    p.phase.padEnd(10),
    `objects ${objects(p)}`.padEnd(16),
    `calls ${p.calls}`.padEnd(11),
    `429s ${p.rateLimited}`.padEnd(9),
    seconds(p, nowMs),
  ]
    .join("  ")
    .trimEnd();
}

/** The summary: a table of every region, then each failed region's error and where its full output is. */
export function summaryTable(regions: RegionProgress[], nowMs: number): string {
  const rows = [
    ["stack", "result", "objects", "calls", "429s", "time"],
    ...regions.map((p) => [
      p.stack,
      p.phase === "done" ? "ok" : p.phase === "failed" ? "FAILED" : p.phase,
      objects(p),
      String(p.calls),
      String(p.rateLimited),
      seconds(p, nowMs),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (r: string[]) =>
    r
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [line(rows[0]!), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)];
  const failed = regions.filter((p) => p.phase === "failed");
  for (const p of failed) {
    out.push("", `${p.stack} failed: ${p.error ?? "see its log"}`);
    if (p.log) out.push(`  full output: ${p.log}`);
  }
  const ok = regions.filter((p) => p.phase === "done").length;
  out.push("", `${ok} of ${regions.length} stack${regions.length === 1 ? "" : "s"} succeeded.`);
  return out.join("\n") + "\n";
}
