import { ApiError } from "../state/errors";
import type { OrgStore } from "../state/org-store";
import type { RateDecision } from "../state/auth/rate-limiter";
import { checkPageSize } from "./wire";
import type { ApiContext, ApiHandler, ApiRouter } from "./context";
import { registerDivisionRoutes } from "./auth/divisions";
import { registerDataTableRoutes } from "./architect/datatables";
import { registerEmergencyGroupRoutes } from "./architect/emergencygroups";
import { registerFlowRoutes } from "./architect/flows";
import { registerPromptRoutes } from "./architect/prompts";
import { errorBody, parseJson, tooManyRequestsBody, type Headers, type HandlerResult } from "./http";
import { registerLanguageRoutes } from "./routing/languages";
import { registerOrganizationRoutes } from "./auth/organizations";
import { registerQueueRoutes } from "./routing/queues";
import { registerQueueMemberRoutes } from "./routing/queue-members";
import { registerGroupRoutes } from "./directory/groups";
import { registerUserRoutes } from "./directory/users";
import { registerOrgRefRoutes } from "./org-refs";
import { Router } from "./router";
import { registerScheduleGroupRoutes } from "./architect/schedulegroups";
import { registerIvrRoutes } from "./architect/ivrs";
import { registerScheduleRoutes } from "./architect/schedules";
import { registerSkillRoutes } from "./routing/skills";
import { registerTelephonyRoutes } from "./telephony/routes";
import { registerWrapupcodeRoutes } from "./routing/wrapupcodes";
import { registerIntegrationRoutes } from "./integrations/integrations";

export function createApiRouter(): ApiRouter {
  const router = new Router<ApiHandler>();
  registerOrganizationRoutes(router);
  registerDivisionRoutes(router);
  registerSkillRoutes(router);
  registerWrapupcodeRoutes(router);
  registerLanguageRoutes(router);
  registerQueueRoutes(router);
  registerQueueMemberRoutes(router);
  registerUserRoutes(router);
  registerGroupRoutes(router);
  registerIntegrationRoutes(router);
  registerScheduleRoutes(router);
  registerScheduleGroupRoutes(router);
  registerFlowRoutes(router);
  registerIvrRoutes(router);
  registerPromptRoutes(router);
  registerTelephonyRoutes(router);
  registerDataTableRoutes(router);
  registerEmergencyGroupRoutes(router);
  registerOrgRefRoutes(router);
  return router;
}

export function rateHeaders(d: RateDecision): Headers {
  return {
    "inin-ratelimit-allowed": String(d.limit),
    "inin-ratelimit-count": String(d.count),
    "inin-ratelimit-reset": String(d.resetSeconds),
  };
}

/** `Bearer <token>` (scheme case-insensitive), or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const m = /^bearer\s+(\S+)\s*$/i.exec(authorization);
  return m ? m[1] : undefined;
}

/** The rate window of the presented token without counting (for fault responses and auth failures). */
export function peekRate(org: OrgStore, authorization: string | undefined): RateDecision {
  const token = bearerToken(authorization);
  if (token !== undefined) {
    try {
      org.auth.authenticate(token);
      return org.auth.peekRequests(token);
    } catch {
      // unknown / expired tokens have no window
    }
  }
  return org.auth.peekRequests(undefined);
}

export interface ApiRequest {
  method: string;
  /** Path after the org's api prefix, e.g. `/api/v2/routing/skills`. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  rawBody: Buffer;
  contextId: string;
  /** `<url>/orgs/<org>`, for absolute presigned URLs. */
  orgUrl: string;
}

export interface ApiOutcome extends HandlerResult {
  /** `METHOD path-template` for stats, e.g. `GET /api/v2/routing/skills/{skillId}`. */
  routeKey: string;
  /** The valid token the request presented (for per-token stats). */
  token?: string;
}

export function routeKeyFor(router: ApiRouter, method: string, path: string): string {
  const m = router.match(method, path);
  return `${method.toUpperCase()} ${m ? m.template : "(unknown)"}`;
}

/** Authentication, then the per-token rate limit, then routing and the handler. */
export function handleApiRequest(router: ApiRouter, org: OrgStore, req: ApiRequest): ApiOutcome {
  const match = router.match(req.method, req.path);
  const routeKey = `${req.method.toUpperCase()} ${match ? match.template : "(unknown)"}`;
  const fail = (err: ApiError, headers: Headers): ApiOutcome => ({
    routeKey,
    status: err.status,
    body: errorBody(err, req.contextId),
    headers,
  });

  const token = bearerToken(req.authorization);
  if (token === undefined) {
    const err =
      req.authorization === undefined || req.authorization.trim() === ""
        ? new ApiError(
            401,
            "authentication.required",
            "No authentication bearer token specified in authorization header.",
          )
        : new ApiError(401, "bad.credentials", "Invalid login credentials.");
    return fail(err, rateHeaders(org.auth.peekRequests(undefined)));
  }
  let clientId: string;
  try {
    clientId = org.auth.authenticate(token).clientId;
  } catch (err) {
    if (err instanceof ApiError) return fail(err, rateHeaders(org.auth.peekRequests(undefined)));
    throw err;
  }
  const clientName = org.auth.listClients().find((c) => c.clientId === clientId)?.name;

  const decision = org.auth.takeRequest(token);
  if (!decision.allowed) {
    return {
      routeKey,
      token,
      status: 429,
      body: tooManyRequestsBody(decision.resetSeconds, req.contextId),
      headers: { ...rateHeaders(decision), "Retry-After": String(decision.resetSeconds) },
    };
  }
  const headers = rateHeaders(decision);
  if (!match)
    return { ...fail(new ApiError(404, "not.found", "The requested resource was not found."), headers), token };

  let parsed: { value: unknown } | undefined;
  const ctx: ApiContext = {
    org,
    client: clientName === undefined ? { id: clientId } : { id: clientId, name: clientName },
    orgUrl: req.orgUrl,
    params: match.params,
    query: req.query,
    json: () => {
      if (!parsed) parsed = { value: parseJson(req.rawBody) };
      return parsed.value;
    },
  };
  try {
    // Knob `maxPageSize`: one org-wide cap over every listing's own limit, checked before any handler.
    const pageSize = Number(req.query.get("pageSize"));
    if (org.settings.maxPageSize !== null && Number.isInteger(pageSize))
      checkPageSize(pageSize, org.settings.maxPageSize);
    const result = match.handler(ctx);
    return { routeKey, ...result, token, headers: { ...headers, ...result.headers } };
  } catch (err) {
    if (err instanceof ApiError) return { ...fail(err, headers), token };
    throw err;
  }
}
