import { createHash } from "node:crypto";

/** Per-org request counters, keyed by `METHOD path-template` (e.g. `GET /api/v2/routing/skills/{id}`). */
export interface OrgStats {
  total: number;
  requests: Record<string, number>;
  byStatus: Record<string, number>;
  /** Responses with status 429 (rate limiter or injected fault). */
  rateLimited: number;
  tokenGrants: number;
  faultsInjected: number;
  /** Wall-clock ms of the first and the last request since the counters were cleared (the benchmark splits a phase with them). */
  firstAt?: number;
  lastAt?: number;
  /** Wall-clock ms of the first change (not a GET, a token grant or a search): when a deployment's work began. */
  firstChangeAt?: number;
  /** API requests that presented a valid token, per token label (a hash, never the token): shows who shared a budget. */
  byToken: Record<string, { requests: number; rateLimited: number }>;
}

/** One answered request: wall-clock ms it arrived and was answered, and its status (0: dropped). */
export type TimelineEntry = [startedAt: number, answeredAt: number, status: number];

/** At most this many entries are kept per org (about 30 MB): enough for a 10,000-object benchmark run. */
export const TIMELINE_LIMIT = 500_000;

/** Per-org counters and the timeline of every request (served apart: `GET /__emulator/stats/timeline`). */
export interface OrgStatsRecord extends OrgStats {
  timeline: TimelineEntry[];
}

/** A stable, non-secret name for a token in stats. */
export function tokenLabel(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 12);
}

export function emptyStats(): OrgStatsRecord {
  return {
    total: 0,
    requests: {},
    byStatus: {},
    rateLimited: 0,
    tokenGrants: 0,
    faultsInjected: 0,
    byToken: {},
    timeline: [],
  };
}

function stamp(stats: OrgStatsRecord, status: number, startedAt: number | undefined): void {
  const now = Date.now();
  stats.firstAt ??= now;
  stats.lastAt = now;
  if (startedAt !== undefined && stats.timeline.length < TIMELINE_LIMIT) stats.timeline.push([startedAt, now, status]);
}

/** A request that changes something: a create, update or delete (reads, token grants and searches are not). */
export function isChange(routeKey: string): boolean {
  return !/^(GET|HEAD) |^POST \/oauth\/|^POST \S*\/search$/.test(routeKey);
}

/** Counts one answered request; `startedAt` (when it arrived) adds it to the timeline. */
export function recordRequest(
  stats: OrgStatsRecord,
  routeKey: string,
  status: number,
  token?: string,
  startedAt?: number,
): void {
  stamp(stats, status, startedAt);
  if (isChange(routeKey)) stats.firstChangeAt ??= stats.lastAt;
  if (token !== undefined) {
    const t = (stats.byToken[tokenLabel(token)] ??= { requests: 0, rateLimited: 0 });
    t.requests += 1;
    if (status === 429) t.rateLimited += 1;
  }
  stats.total += 1;
  stats.requests[routeKey] = (stats.requests[routeKey] ?? 0) + 1;
  const s = String(status);
  stats.byStatus[s] = (stats.byStatus[s] ?? 0) + 1;
  if (status === 429) stats.rateLimited += 1;
}

/** A copy with keys in sorted order, so dumps are deterministic (the timeline left out). */
export function sortedStats({ timeline: _timeline, ...stats }: OrgStatsRecord): OrgStats {
  const sortKeys = (r: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const byToken = Object.fromEntries(Object.entries(stats.byToken).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...stats, requests: sortKeys(stats.requests), byStatus: sortKeys(stats.byStatus), byToken };
}

/** A request whose socket was destroyed by a `drop` fault: counted, with status "dropped". */
export function recordDropped(stats: OrgStatsRecord, routeKey: string, startedAt?: number): void {
  stamp(stats, 0, startedAt);
  stats.total += 1;
  stats.requests[routeKey] = (stats.requests[routeKey] ?? 0) + 1;
  stats.byStatus["dropped"] = (stats.byStatus["dropped"] ?? 0) + 1;
}
