import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CONTROL_PREFIX, handleControlRequest, type ControlContext } from "../control/control";
import type { FaultEngine } from "../faults/engine";
import type { FaultRule } from "../faults/rules";
import type { EmulatorState } from "../state/emulator-state";
import { ApiError, codeForStatus, messageForStatus, notFound } from "../state/errors";
import type { OrgStore } from "../state/org-store";
import { recordDropped, recordRequest } from "../state/stats";
import { handleApiRequest, peekRate, rateHeaders, routeKeyFor } from "./api";
import type { ApiRouter } from "./context";
import {
  BodyTooLargeError,
  errorBody,
  readBody,
  sendJson,
  sendResult,
  tooManyRequestsBody,
  type HandlerResult,
} from "./http";
import { handleTokenRequest, TOKEN_PATH } from "./auth/oauth";
import { handlePresignedRequest, presignedRouteKey } from "./architect/presigned";

export interface DispatchContext {
  state: EmulatorState;
  faults: FaultEngine;
  apiRouter: ApiRouter;
  control: ControlContext;
  /** The server's base URL (`http://host:port`), for absolute presigned URLs. */
  baseUrl(): string;
}

type PrefixKind = "login" | "api" | "uploads" | "downloads";

/**
 * `/orgs/<org>/login/...` and `/orgs/<org>/api/...`: one org per path prefix on the one server; plus the
 * presigned `/orgs/<org>/uploads/<jobId>` and `/orgs/<org>/downloads/<jobId>` of Architect jobs.
 */
const ORG_PREFIX_RE = /^\/orgs\/([^/]+)\/(login|api|uploads|downloads)(\/.*)?$/;

const CORRELATION_HEADER = "ININ-Correlation-Id";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** S3's error codes for the statuses it answers when busy or failing (AWS S3 API reference, "Error responses"). */
const S3_ERROR_CODES: Record<number, string> = {
  403: "AccessDenied",
  500: "InternalError",
  503: "SlowDown",
  504: "GatewayTimeout",
};

/** The response of a fault rule with a status: a proper body for the prefix kind, never touching state. */
function faultResult(
  rule: FaultRule & { status: number },
  kind: PrefixKind,
  org: OrgStore,
  authorization: string | undefined,
  contextId: string,
): HandlerResult {
  const status = rule.status;
  const retryAfter = rule.retryAfter ?? (status === 429 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  if (kind === "login") {
    const rateLimited = status === 429 || (status === 400 && rule.code === undefined && rule.message === undefined);
    const error = rule.code ?? (status >= 500 ? "server_error" : status === 401 ? "invalid_client" : "invalid_request");
    const description =
      rule.message ??
      (rateLimited
        ? `rate limit exceeded; Retry the request in [${retryAfter ?? 1}] seconds`
        : messageForStatus(status));
    return { status, headers, body: { error, description, error_description: description } };
  }
  if (kind === "uploads" || kind === "downloads") {
    // Presigned URLs are S3's: its XML error document, no Genesys headers.
    const code = rule.code ?? S3_ERROR_CODES[status] ?? "ServiceUnavailable";
    const message = rule.message ?? messageForStatus(status);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${contextId}</RequestId></Error>`;
    return { status, text: xml, headers: { ...headers, "Content-Type": "application/xml" } };
  }
  const body =
    status === 429 && rule.code === undefined && rule.message === undefined
      ? tooManyRequestsBody(retryAfter ?? 1, contextId)
      : errorBody(
          new ApiError(status, rule.code ?? codeForStatus(status), rule.message ?? messageForStatus(status)),
          contextId,
        );
  return { status, body, headers: { ...rateHeaders(peekRate(org, authorization)), ...headers } };
}

function loginRouteKey(method: string, path: string): string {
  return path === TOKEN_PATH && method === "POST" ? `POST ${TOKEN_PATH}` : `${method} (unknown)`;
}

/** One HTTP request: control API, or an org's login / api prefix (faults, then auth, limits, routes). */
export async function dispatch(ctx: DispatchContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = Date.now();
  const contextId = randomUUID();
  const base = { [CORRELATION_HEADER]: contextId };
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const path = url.pathname;
  const reply = (r: HandlerResult): void => sendResult(res, r, base);

  let rawBody: Buffer;
  try {
    rawBody = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      reply({
        status: 413,
        body: errorBody(
          new ApiError(
            413,
            "request.entity.too.large",
            "The request is larger than the server is willing or able to process.",
          ),
          contextId,
        ),
      });
      return;
    }
    throw err;
  }

  if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
    reply(handleControlRequest(ctx.control, method, path, url.searchParams, rawBody, contextId));
    return;
  }

  const m = ORG_PREFIX_RE.exec(path);
  let orgName: string | undefined;
  try {
    orgName = m ? decodeURIComponent(m[1]!) : undefined;
  } catch {
    orgName = undefined;
  }
  const org = orgName === undefined ? undefined : ctx.state.org(orgName);
  if (!m || !org) {
    reply({ status: 404, body: errorBody(notFound(), contextId) });
    return;
  }
  const kind = m[2] as PrefixKind;
  const subPath = m[3] ?? "/";
  const authorization = header(req, "authorization");
  const stats = ctx.state.stats(org.name);
  const presigned = kind === "uploads" || kind === "downloads";
  const routeKey =
    kind === "login"
      ? loginRouteKey(method, subPath)
      : kind === "api"
        ? routeKeyFor(ctx.apiRouter, method, subPath)
        : presignedRouteKey(kind, method, subPath);

  // Presigned URLs are matched by faults as `/uploads/<jobId>` / `/downloads/<jobId>`.
  const rule = ctx.faults.match({ method, path: presigned ? `/${kind}${subPath}` : subPath, org: org.name });
  if (rule) {
    stats.faultsInjected += 1;
    if (rule.latencyMs !== undefined && rule.latencyMs > 0) await sleep(rule.latencyMs);
    if (rule.drop) {
      recordDropped(stats, routeKey, startedAt);
      req.socket.destroy();
      return;
    }
    if (rule.body !== undefined) {
      const result: HandlerResult = {
        status: rule.status ?? 200,
        text: rule.body,
        headers: { "Content-Type": rule.contentType ?? "application/json" },
      };
      recordRequest(stats, routeKey, result.status, undefined, startedAt);
      reply(result);
      return;
    }
    if (rule.status !== undefined) {
      const result = faultResult({ ...rule, status: rule.status }, kind, org, authorization, contextId);
      recordRequest(stats, routeKey, result.status, undefined, startedAt);
      reply(result);
      return;
    }
  }

  if (kind === "uploads" || kind === "downloads") {
    const result = handlePresignedRequest(org, kind, method, subPath, url.searchParams, rawBody, contextId, {
      "content-type": header(req, "content-type"),
      authorization,
    });
    recordRequest(stats, routeKey, result.status, undefined, startedAt);
    // dropAfter: the upload landed, its answer is lost.
    if (rule?.dropAfter === true) {
      req.socket.destroy();
      return;
    }
    reply(result);
    return;
  }

  if (kind === "login") {
    const result =
      method === "POST" && subPath === TOKEN_PATH
        ? handleTokenRequest(org, authorization, rawBody)
        : { status: 404, body: errorBody(notFound(), contextId) };
    if (result.status === 200) stats.tokenGrants += 1;
    recordRequest(stats, routeKey, result.status, undefined, startedAt);
    reply(result);
    return;
  }

  const lose = rule?.dropAfter === true;
  const outcome = handleApiRequest(ctx.apiRouter, org, {
    method,
    path: subPath,
    query: url.searchParams,
    authorization,
    rawBody,
    contextId,
    orgUrl: `${ctx.baseUrl()}/orgs/${encodeURIComponent(org.name)}`,
  });
  recordRequest(stats, outcome.routeKey, outcome.status, outcome.token, startedAt);
  if (lose) {
    req.socket.destroy();
    return;
  }
  reply(outcome);
}

/** Last resort for unexpected exceptions: a 500 ErrorBody (the message never includes request data). */
export function internalError(res: ServerResponse): void {
  const contextId = randomUUID();
  sendJson(
    res,
    500,
    errorBody(
      new ApiError(
        500,
        "internal.server.error",
        "The server encountered an unexpected condition which prevented it from fulfilling the request.",
      ),
      contextId,
    ),
    { [CORRELATION_HEADER]: contextId },
  );
}
