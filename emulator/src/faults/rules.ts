import { z } from "zod";

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * One fault rule. Filters: method, path (regex on the path after the org prefix, e.g. `^/api/v2/routing/skills`
 * or `^/oauth/token`), org. Effects, in order: latencyMs, then drop (destroy the socket), body (a raw response,
 * e.g. a malformed one, with `status`, default 200) or status (an error response that never reaches state), or
 * dropAfter (handled and committed, then the socket is destroyed: the response is lost). A rule with only
 * latencyMs delays and then lets the request through.
 */
export const faultRuleSchema = z
  .object({
    method: z.string().min(1).optional(),
    path: z.string().refine(isRegex, { message: "path must be a valid regular expression" }).optional(),
    org: z.string().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
    times: z.number().int().min(1).optional(),
    /** 400-599 for an error response; with `body`, any status from 200. */
    status: z.number().int().min(200).max(599).optional(),
    retryAfter: z.number().int().min(0).optional(),
    latencyMs: z.number().int().min(0).optional(),
    drop: z.boolean().optional(),
    /** Handle the request (state changes are committed), then destroy the socket instead of answering: a lost response. */
    dropAfter: z.boolean().optional(),
    /** Optional overrides of the ErrorBody `code` / `message` for status faults. */
    code: z.string().min(1).optional(),
    message: z.string().min(1).optional(),
    /** A raw response body served instead of the real response (what a broken gateway or proxy answers); never reaches state. */
    body: z.string().optional(),
    /** Content-Type of `body` (default application/json). */
    contentType: z.string().min(1).optional(),
  })
  .strict()
  .refine((r) => r.status === undefined || r.status >= 400 || r.body !== undefined, {
    message: "status below 400 needs a body",
    path: ["status"],
  });

export type FaultRule = z.infer<typeof faultRuleSchema>;

export const faultRuleListSchema = z.array(faultRuleSchema);
