import { ApiError, notFound } from "../../state/errors";
import type { OrgStore } from "../../state/org-store";
import { errorBody, queryValue, type HandlerResult } from "../http";

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

/** `PUT /uploads/{jobId}` style key for stats. */
export function presignedRouteKey(kind: PresignedKind, method: string, subPath: string): string {
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
