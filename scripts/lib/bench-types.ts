// The benchmark's pure parts: which object type each API route belongs to, calls per object of each type, and the
// transforms file that lets the synthetic org's trunks and IVRs deploy into the bench's target org.
import { syntheticDids, targetDid } from "@genesys-clone/emulator";

/**
 * The object type a route belongs to (`GET /api/v2/routing/queues/{id}/wrapupcodes` -> queues): the resource types'
 * API families, Architect jobs and their presigned uploads/downloads (flows), prompt audio (prompts), trunk
 * instances (trunks, as their base settings), DID pools (ivrs: read only to check an IVR's numbers), and the
 * lookups no object is created for (sites, users, groups, organizations, oauth).
 */
export function typeOfRoute(route: string): string {
  const p = route.split(" ")[1] ?? route;
  const rules: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
    [/^\/api\/v2\/flows\/datatables/, "datatables"],
    [/^\/api\/v2\/flows(\/|$)/, "flows"],
    [/^\/(uploads|downloads)\/prompts\//, "prompts"],
    [/^\/(uploads|downloads)\//, "flows"],
    [/^\/api\/v2\/telephony\/providers\/edges\/(trunkbasesettings|trunks)/, "trunks"],
    [/^\/api\/v2\/telephony\/providers\/edges\/didpools/, "ivrs"],
    [/^\/api\/v2\/telephony\/providers\/edges\/([a-z]+)/, (m) => m[1]!],
    [/^\/api\/v2\/(?:routing|architect|authorization)\/([a-z]+)/, (m) => m[1]!],
    [/^\/api\/v2\/(users|groups|organizations)/, (m) => m[1]!],
    [/^\/(oauth)\//, "oauth"],
  ];
  for (const [re, type] of rules) {
    const m = re.exec(p);
    if (m) return typeof type === "string" ? type : type(m);
  }
  return "other";
}

/** Calls of each type per object of that type (types with objects only), two decimals. */
export function callsPerObject(calls: Record<string, number>, objects: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [type, n] of Object.entries(objects)) if (n > 0) out[type] = Number(((calls[type] ?? 0) / n).toFixed(2));
  return out;
}

/** The transforms file of the bench's target: the target's site, and each IVR's DIDs mapped into its DID pool. */
export function benchTransforms(ivrs: number): string {
  const dids = Array.from({ length: ivrs }, (_, i) => syntheticDids(i))
    .flat()
    .map((d) => `  "${d}": "${targetDid(d)}"`);
  return ["sites:", '  "US East Site": "EU West Site"', "dids:", ...dids].join("\n") + "\n";
}

/**
 * The least time a phase's calls need under the limit. With 1-second windows the limit is a sustained rate: the
 * calls spread evenly, calls / (rate x tokens). With longer windows (the real API's 60 s) each token's window
 * budget can be spent at once, so the bound is when the last window the calls need opens:
 * (windows needed - 1) x window, counting only the calls the limit charges (the Platform API's, not the token
 * requests, uploads or downloads); 0 when they fit in the first window.
 */
export function rateBound(
  phase: { total: number; rateLimited: number; calls_by_route: Record<string, number> },
  rate: number,
  tokens: number,
  window: number,
): number {
  if (window <= 1) return (phase.total / (rate * tokens)) * 60;
  const charged =
    Object.entries(phase.calls_by_route)
      .filter(([route]) => route.split(" ")[1]!.startsWith("/api/v2/"))
      .reduce((n, [, c]) => n + c, 0) - phase.rateLimited; // a 429 does not consume budget
  const perWindow = Math.max(1, Math.round((rate * window) / 60)) * tokens;
  return Math.max(0, Math.ceil(charged / perWindow) - 1) * window;
}
