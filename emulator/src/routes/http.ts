import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { ApiError } from "../state/errors";
import type { Models, SdkResponse } from "./sdk";

/** Genesys' documented request body limit (`request.bytes.max`). */
export const MAX_BODY_BYTES = 512_000;

export type Headers = Record<string, string>;

/** What a route handler produces; the dispatcher adds the common headers. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  /** A plain-text body (e.g. an exported flow's YAML) instead of JSON. */
  text?: string;
  /** A binary body (a prompt's audio), sent with `headers`' Content-Type. */
  bytes?: Uint8Array;
  headers?: Headers;
}

export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: Models.Detail[];
  /** Nested ErrorBodies: the emulator never nests (and a recursive type would not check). */
  errors: never[];
  messageWithParams?: string;
  messageParams?: Record<string, string>;
}
type _ErrorBody = SdkResponse<Models.ErrorBody, ErrorBody>;

export function errorBody(err: ApiError, contextId: string): ErrorBody {
  const body: ErrorBody = {
    message: err.message,
    code: err.code,
    status: err.status,
    contextId,
    details: [],
    errors: [],
  };
  if (err.messageWithParams !== undefined) body.messageWithParams = err.messageWithParams;
  if (err.messageParams !== undefined) body.messageParams = err.messageParams;
  return body;
}

/** The exact 429 body of the normalized Platform API 429 responses (reference §3.2). */
export function tooManyRequestsBody(retryAfterSeconds: number, contextId: string): ErrorBody {
  return {
    message: `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
    code: "too.many.requests.retry.after",
    status: 429,
    contextId,
    details: [],
    errors: [],
  };
}

export class BodyTooLargeError extends Error {}

/** Reads the whole request body; rejects (after draining) when it exceeds MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => (tooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  if (res.destroyed || res.headersSent) return;
  const payload = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    ...(payload === "" ? {} : { "Content-Length": String(Buffer.byteLength(payload)) }),
    ...headers,
  });
  res.end(payload);
}

/** Sends a handler's result: `text` as text/plain (UTF-8), otherwise `body` as JSON. */
export function sendResult(res: ServerResponse, r: HandlerResult, headers: Headers = {}): void {
  if (r.bytes !== undefined) {
    if (res.destroyed || res.headersSent) return;
    res.writeHead(r.status, {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(r.bytes.length),
      ...headers,
      ...r.headers,
    });
    res.end(Buffer.from(r.bytes));
    return;
  }
  if (r.text === undefined) {
    sendJson(res, r.status, r.body, { ...headers, ...r.headers });
    return;
  }
  if (res.destroyed || res.headersSent) return;
  res.writeHead(r.status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(r.text)),
    ...headers,
    ...r.headers,
  });
  res.end(r.text);
}

/** Parses a JSON request body; an empty body is `undefined`. */
export function parseJson(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(
      400,
      "bad.request",
      "The request could not be understood by the server due to malformed syntax: body is not valid JSON.",
    );
  }
}

/** `acwSettings.wrapupPrompt`, `routingRules[0].operator`, `[3].id`. */
function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "body";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let v = body;
  for (const p of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Genesys' message for a value outside an enum: `Value [X] is not valid for field type [Y]. Allowable values are: …`. */
export function enumError(field: string, value: unknown, allowed: readonly unknown[]): ApiError {
  const shown = typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
  const list = allowed.map(String).join(", ");
  return new ApiError(
    400,
    "invalid.value",
    `Value [${shown}] is not valid for field type [${field}]. Allowable values are: ${list}`,
    { value: shown, field, allowed: list },
    "Value [{value}] is not valid for field type [{field}]. Allowable values are: {allowed}",
  );
}

/** A zod issue a schema raises for a bad enum-like value it checks itself (e.g. a map key): params `{value, allowed}`. */
export interface EnumIssueParams {
  value: string;
  allowed: readonly string[];
}

function isEnumIssueParams(p: unknown): p is EnumIssueParams {
  return (
    typeof p === "object" &&
    p !== null &&
    typeof (p as EnumIssueParams).value === "string" &&
    Array.isArray((p as EnumIssueParams).allowed)
  );
}

/** Removes object keys whose value is null, at any depth: the API treats `null` like an absent field. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/**
 * Validates a body with zod; the first problem becomes a 400 `invalid.value` naming the field
 * (enum values get Genesys' "Value [X] is not valid for field type [Y]. Allowable values are: …").
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) throw new ApiError(400, "bad.request", "A request body is required.");
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? fieldPath(issue.path) : "body";
    if (issue?.code === "invalid_value" && issue.values.length > 0 && valueAt(body, issue.path) !== undefined) {
      throw enumError(field, valueAt(body, issue.path), issue.values);
    }
    if (issue?.code === "custom" && isEnumIssueParams(issue.params))
      throw enumError(field, issue.params.value, issue.params.allowed);
    const detail = issue ? issue.message : "invalid";
    const message = `Invalid value for field '${field}': ${detail}`;
    throw new ApiError(400, "invalid.value", message, { field }, `Invalid value for field '{field}': ${detail}`);
  }
  return result.data;
}

/** All values of a repeatable query parameter: `id=a&id=b`, axios' `id[]=a`, or `id=a,b`. */
export function queryList(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export function queryValue(query: URLSearchParams, name: string): string | undefined {
  const v = query.get(name);
  return v === null ? undefined : v;
}
