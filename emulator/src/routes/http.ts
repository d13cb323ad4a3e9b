import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { ApiError } from "../state/errors";

/** Genesys' documented request body limit (`request.bytes.max`). */
export const MAX_BODY_BYTES = 512_000;

export type Headers = Record<string, string>;

/** What a route handler produces; the dispatcher adds the common headers. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Headers;
}

export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: unknown[];
  errors: unknown[];
  messageWithParams?: string;
  messageParams?: Record<string, string>;
}

export function errorBody(err: ApiError, contextId: string): ErrorBody {
  const body: ErrorBody = { message: err.message, code: err.code, status: err.status, contextId, details: [], errors: [] };
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

/** Parses a JSON request body; an empty body is `undefined`. */
export function parseJson(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "bad.request", "The request could not be understood by the server due to malformed syntax: body is not valid JSON.");
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "body" : path.map((p) => String(p)).join(".");
}

/** Validates a body with zod; the first problem becomes a 400 `invalid.value` naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) throw new ApiError(400, "bad.request", "A request body is required.");
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? fieldPath(issue.path) : "body";
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
