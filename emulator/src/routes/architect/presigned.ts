import { ApiError, notFound } from "../../state/errors";
import type { OrgStore } from "../../state/org-store";
import { bearerToken } from "../api";
import { errorBody, queryValue, type HandlerResult } from "../http";
import { multipartFile } from "./prompts";

/**
 * Presigned URLs of Architect jobs, served beside the org's `/api` prefix like the S3 URLs the real API hands
 * out: `<url>/orgs/<org>/uploads/<jobId>?signature=…` (PUT the Archy YAML of an import job) and
 * `<url>/orgs/<org>/downloads/<jobId>?signature=…` (GET the YAML of an export job). No bearer token: the
 * signature is the credential; they are not rate limited. Fault rules see their path as `/uploads/<jobId>`.
 */
export type PresignedKind = "uploads" | "downloads";

export function uploadUrl(orgUrl: string, jobId: string, signature: string): string {
  return `${orgUrl}/uploads/${encodeURIComponent(jobId)}?signature=${encodeURIComponent(signature)}`;
}

export function downloadUrl(orgUrl: string, jobId: string, signature: string): string {
  return `${orgUrl}/downloads/${encodeURIComponent(jobId)}?signature=${encodeURIComponent(signature)}`;
}

/** `/<jobId>` -> the job id, or undefined. */
function jobIdOf(subPath: string): string | undefined {
  const m = /^\/([^/]+)\/?$/.exec(subPath);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}

/** `/prompts/<id>` (uploads) or `/prompts/<id>.wav` (downloads) -> the id, or undefined. */
function promptFileOf(kind: PresignedKind, subPath: string): string | undefined {
  const m =
    kind === "uploads" ? /^\/prompts\/([0-9a-f]+)$/.exec(subPath) : /^\/prompts\/([0-9a-f]+)\.wav$/.exec(subPath);
  return m?.[1];
}

/** `PUT /uploads/{jobId}` style key for stats. */
export function presignedRouteKey(kind: PresignedKind, method: string, subPath: string): string {
  if (promptFileOf(kind, subPath) !== undefined)
    return kind === "uploads" ? `${method} /uploads/prompts/{uploadId}` : `${method} /downloads/prompts/{mediaId}.wav`;
  const expected = kind === "uploads" ? "PUT" : "GET";
  return method === expected && jobIdOf(subPath) !== undefined ? `${method} /${kind}/{jobId}` : `${method} (unknown)`;
}

export function handlePresignedRequest(
  org: OrgStore,
  kind: PresignedKind,
  method: string,
  subPath: string,
  query: URLSearchParams,
  rawBody: Buffer,
  contextId: string,
  headers: Readonly<Record<string, string | undefined>>,
): HandlerResult {
  const promptFile = promptFileOf(kind, subPath);
  if (promptFile !== undefined)
    return promptFileRequest(org, kind, method, promptFile, query, rawBody, contextId, headers);
  const jobId = jobIdOf(subPath);
  const expected = kind === "uploads" ? "PUT" : "GET";
  try {
    if (jobId === undefined || method !== expected) throw notFound();
    const signature = queryValue(query, "signature");
    if (kind === "uploads") {
      org.architect.flows.uploadImportJob(jobId, signature, rawBody.toString("utf8"), headers);
      return { status: 200 };
    }
    return { status: 200, text: org.architect.flows.downloadExport(jobId, signature) };
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, body: errorBody(err, contextId) };
    throw err;
  }
}

/**
 * A user prompt's audio: the multipart POST of a resource's `uploadUri` (the bearer token of the org is the
 * credential, as the official clients send it) and the GET of its `mediaUri` (presigned: the signature is).
 */
function promptFileRequest(
  org: OrgStore,
  kind: PresignedKind,
  method: string,
  id: string,
  query: URLSearchParams,
  rawBody: Buffer,
  contextId: string,
  headers: Readonly<Record<string, string | undefined>>,
): HandlerResult {
  try {
    if (kind === "downloads") {
      if (method !== "GET") throw notFound();
      return {
        status: 200,
        bytes: org.architect.prompts.download(id, queryValue(query, "signature")),
        headers: { "Content-Type": "audio/wav" },
      };
    }
    if (method !== "POST") throw notFound();
    const token = bearerToken(headers["authorization"]);
    try {
      if (token === undefined) throw new Error("no token");
      org.auth.authenticate(token);
    } catch {
      throw new ApiError(
        401,
        "authentication.required",
        "No authentication bearer token specified in authorization header.",
      );
    }
    const file = multipartFile(rawBody, headers["content-type"], "file");
    if (file === undefined)
      throw new ApiError(
        400,
        "bad.request",
        "Expected a multipart/form-data body with the audio in a field named 'file'.",
      );
    org.architect.prompts.upload(id, file);
    return { status: 200 };
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, body: errorBody(err, contextId) };
    throw err;
  }
}
