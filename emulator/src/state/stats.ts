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
}

export function emptyStats(): OrgStats {
  return { total: 0, requests: {}, byStatus: {}, rateLimited: 0, tokenGrants: 0, faultsInjected: 0 };
}

function stamp(stats: OrgStats): void {
  const now = Date.now();
  stats.firstAt ??= now;
  stats.lastAt = now;
}

export function recordRequest(stats: OrgStats, routeKey: string, status: number): void {
  stamp(stats);
  stats.total += 1;
  stats.requests[routeKey] = (stats.requests[routeKey] ?? 0) + 1;
  const s = String(status);
  stats.byStatus[s] = (stats.byStatus[s] ?? 0) + 1;
  if (status === 429) stats.rateLimited += 1;
}

/** A copy with keys in sorted order, so dumps are deterministic. */
export function sortedStats(stats: OrgStats): OrgStats {
  const sortKeys = (r: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...stats, requests: sortKeys(stats.requests), byStatus: sortKeys(stats.byStatus) };
}

/** A request whose socket was destroyed by a `drop` fault: counted, with status "dropped". */
export function recordDropped(stats: OrgStats, routeKey: string): void {
  stamp(stats);
  stats.total += 1;
  stats.requests[routeKey] = (stats.requests[routeKey] ?? 0) + 1;
  stats.byStatus["dropped"] = (stats.byStatus["dropped"] ?? 0) + 1;
}
