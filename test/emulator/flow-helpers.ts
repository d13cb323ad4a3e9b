import assert from "node:assert/strict";
import type { OrgInfo } from "@genesys-clone/emulator";
import { call, entitiesOf, obj, type Json, type Reply } from "./helpers";

export const FLOWS = "/api/v2/flows";
export const FLOW_JOBS = "/api/v2/flows/jobs";
export const EXPORT_JOBS = "/api/v2/flows/export/jobs";

/** Id of a flow by exact name (and type, when given). */
export async function flowId(o: OrgInfo, token: string, name: string, type?: string): Promise<string> {
  const hit = entitiesOf(await call(o, token, "GET", `${FLOWS}?pageSize=500&name=${encodeURIComponent(name)}`)).find(
    (f) => f["name"] === name && (type === undefined || f["type"] === type),
  );
  if (!hit) throw new Error(`no flow ${name}`);
  return String(hit["id"]);
}

/** PUT to a presigned URL, without any bearer token. */
export async function putPresigned(
  url: string,
  body: string,
  headers: Record<string, string> = { "Content-Type": "application/octet-stream" },
): Promise<Reply> {
  const res = await fetch(url, { method: "PUT", headers, body });
  const text = await res.text();
  // S3's own errors (faults) are XML: kept as text.
  const json = res.headers.get("content-type")?.includes("json") ?? false;
  return {
    status: res.status,
    headers: res.headers,
    body: text === "" ? undefined : json ? (JSON.parse(text) as unknown) : text,
  };
}

/** Registers an Archy import job and uploads the YAML; returns the job id. */
export async function startImport(o: OrgInfo, token: string, yaml: string): Promise<string> {
  const job = await call(o, token, "POST", FLOW_JOBS);
  assert.equal(job.status, 200, JSON.stringify(job.body));
  const j = obj(job.body);
  const up = await putPresigned(String(j["presignedUrl"]), yaml, obj(j["headers"]) as Record<string, string>);
  assert.equal(up.status, 200, JSON.stringify(up.body));
  return String(j["id"]);
}

export async function importJob(o: OrgInfo, token: string, id: string): Promise<Json> {
  const r = await call(o, token, "GET", `${FLOW_JOBS}/${id}?expand=messages`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return obj(r.body);
}

/** Error texts of a job's messages. */
export function errorTexts(job: Json): string[] {
  const messages = job["messages"];
  if (!Array.isArray(messages)) return [];
  return messages
    .map(obj)
    .filter((m) => m["type"] === "Error")
    .map((m) => String(m["text"]));
}
