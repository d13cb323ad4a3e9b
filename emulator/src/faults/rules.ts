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
 * or `^/oauth/token`), org. Effects, in order: latencyMs, then drop (destroy the socket) or status (an error
 * response that never reaches state), or dropAfter (handled and committed, then the socket is destroyed: the
 * response is lost). A rule with only latencyMs delays and then lets the request through.
 */
export const faultRuleSchema = z
  .object({
    method: z.string().min(1).optional(),
    path: z.string().refine(isRegex, { message: "path must be a valid regular expression" }).optional(),
    org: z.string().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
    times: z.number().int().min(1).optional(),
    status: z.number().int().min(400).max(599).optional(),
    retryAfter: z.number().int().min(0).optional(),
    latencyMs: z.number().int().min(0).optional(),
    drop: z.boolean().optional(),
    /** Handle the request (state changes are committed), then destroy the socket instead of answering: a lost response. */
    dropAfter: z.boolean().optional(),
    /** Optional overrides of the ErrorBody `code` / `message` for status faults. */
    code: z.string().min(1).optional(),
    message: z.string().min(1).optional(),
  })
  .strict();

export type FaultRule = z.infer<typeof faultRuleSchema>;

export const faultRuleListSchema = z.array(faultRuleSchema);
