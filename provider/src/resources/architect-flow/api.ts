import { z } from "zod";
import { GenesysClient, GenesysError, pollUntil } from "../../client";
import { getLive, nameKey, sameName } from "../common";
import { cached, type TypeCache } from "../crud";
import type { Models, SdkRead } from "../../sdk";

const Ref = z.object({ id: z.string(), name: z.string().optional() });
export const Flow = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string().nullish(),
  division: Ref.nullish(),
  lockedClient: Ref.nullish(),
  lockedUser: Ref.nullish(),
  publishedVersion: z.object({ id: z.string() }).nullish(),
  deleted: z.boolean().nullish(),
  system: z.boolean().nullish(),
});
export type Flow = z.infer<typeof Flow>;
type _Flow = SdkRead<Models.Flow, Flow>;

const Job = z.object({ id: z.string(), presignedUrl: z.string(), headers: z.record(z.string(), z.string()).nullish() });
const JobState = z.object({
  id: z.string(),
  status: z.string(),
  // AddressableEntityRef: an id (and selfUri), no name.
  flow: z.object({ id: z.string() }).nullish(),
  messages: z.array(z.object({ type: z.string().nullish(), text: z.string().nullish() })).nullish(),
});
const ExportJob = z.object({ id: z.string(), status: z.string().nullish() });
const ExportState = z.object({
  id: z.string(),
  status: z.string(),
  downloadUrl: z.string().nullish(),
  messages: z.array(z.object({ text: z.string().nullish() })).nullish(),
});
type _Job = SdkRead<Models.RegisterArchitectJobResponse, z.infer<typeof Job>>;
type _JobState = SdkRead<Models.ArchitectJobStateResponse, z.infer<typeof JobState>>;
type _ExportJob = SdkRead<Models.RegisterArchitectExportJobResponse, z.infer<typeof ExportJob>>;
type _ExportState = SdkRead<Models.ArchitectExportJobStateResponse, z.infer<typeof ExportState>>;

const enc = encodeURIComponent;

/** Terraform registers a failed export job again up to 5 times (generateDownloadUrlFn, architect_flow *_proxy.go). */
const EXPORT_ATTEMPTS = 5;
/** Terraform waits attempt x 15 s; our client already paces requests by the org's rate limit, so a shorter wait. */
const EXPORT_BACKOFF_MS = 2_000;

/**
 * An export job failure Archy reports when it is overloaded, not a missing flow: Terraform's isRetryableJobFailure
 * ("could not find the flow with id" together with "exit code: 107" or "Archy failed").
 */
export function isTransientExportFailure(text: string): boolean {
  return /could not find the flow with id/i.test(text) && /exit code:? ?107|Archy failed/i.test(text);
}

/** One export job of one flow version, polled to its end. */
async function exportJob(
  c: GenesysClient,
  id: string,
  version: string,
  owner: string,
): Promise<z.infer<typeof ExportState>> {
  const job = await c.request({
    method: "POST",
    path: "/api/v2/flows/export/jobs",
    body: { flows: [{ flow: { id, version }, exportType: "Yaml" }] } satisfies Models.RegisterArchitectExportJob,
    schema: ExportJob,
  });
  return pollUntil(
    async () => {
      const state = await c.request({
        method: "GET",
        path: `/api/v2/flows/export/jobs/${enc(job.id)}`,
        query: { expand: "messages" },
        schema: ExportState,
      });
      return state.status === "Success" || state.status === "Failure" ? state : undefined;
    },
    { deadlineMs: 90_000, intervalMs: 500, what: `the export of ${owner}` },
  );
}
const JOB_DEADLINE_MS = 16 * 60_000; // the Terraform provider waits 16 minutes for Archy jobs
/** Jobs registered for one publication when their presigned URLs are refused (expired). */
const MAX_JOBS = 3;

/** Per client: the target's flows by type and name, listed once (a failed listing is not kept). */
const indexes: TypeCache = new WeakMap();
const flowKey = (name: string, type: string) => `${type.toLowerCase()}\u0000${nameKey(name)}`;

/** Architect flows (reference §4.7, §5): jobs API to publish YAML, export jobs to read it back. */
export const flowsApi = {
  list: (c: GenesysClient) => c.listAll("/api/v2/flows", Flow, { pageSize: 500 }),

  /**
   * The flow of this name and type as the target had it when first asked in this process: one listing serves the
   * conflict check at preview of every flow (one call per 500 flows, not one per flow). Create looks again
   * (`find`): by then this run may have published the name.
   */
  async known(c: GenesysClient, name: string, type: string): Promise<Flow | undefined> {
    const index = await cached(
      indexes,
      c,
      "flows",
      async () => new Map((await flowsApi.list(c)).filter((f) => !f.deleted).map((f) => [flowKey(f.name, f.type), f])),
    );
    return index.get(flowKey(name, type)) as Flow | undefined;
  },

  async find(c: GenesysClient, name: string, type: string): Promise<Flow | undefined> {
    const page = await c.listAll("/api/v2/flows", Flow, { pageSize: 500, query: { name, type: type.toLowerCase() } });
    return page.find((f) => sameName(f.name, name) && f.type.toLowerCase() === type.toLowerCase() && !f.deleted);
  },

  get: (c: GenesysClient, id: string) => getLive(c, `/api/v2/flows/${enc(id)}`, Flow, (f) => Boolean(f.deleted)),

  unlock: (c: GenesysClient, id: string) =>
    c.request({ method: "POST", path: "/api/v2/flows/actions/unlock", query: { flow: id } }),

  /**
   * Registers an Archy job, uploads the YAML to its presigned URL and waits for the outcome; each
   * step resumes where it failed. The upload is retried on the same job while its URL is valid (an
   * upload whose answer was lost shows as 409 "already used": it landed); an expired URL (403, as
   * S3 answers) gets a new job, since nothing reached the old one. Polls ride out faults through the
   * client's retries. A failed job throws with the job's own messages.
   */
  async publishYaml(c: GenesysClient, yaml: string, owner: string): Promise<string> {
    let job = await c.request({ method: "POST", path: "/api/v2/flows/jobs", schema: Job });
    for (let jobs = 1; ; jobs++) {
      // Exactly the headers the job returned, as the Terraform provider sends them (util/files/util_files.go).
      const upload = await c.http.transfer({
        method: "PUT",
        url: job.presignedUrl,
        headers: job.headers ?? {},
        data: yaml,
        what: `${owner}: uploading the flow YAML to the Architect job`,
      });
      if ((upload.status >= 200 && upload.status < 300) || upload.status === 409) break;
      if (upload.status === 403 && jobs < MAX_JOBS) {
        job = await c.request({ method: "POST", path: "/api/v2/flows/jobs", schema: Job });
        continue;
      }
      throw new GenesysError(
        "Server",
        `${owner}: uploading the flow YAML to the Architect job failed (HTTP ${upload.status}${upload.status === 403 ? ` for ${jobs} jobs in a row: the presigned URLs were refused` : ""}).`,
        {
          status: upload.status,
        },
      );
    }
    const jobId = job.id;
    const done = await pollUntil(
      async () => {
        const state = await c.request({
          method: "GET",
          path: `/api/v2/flows/jobs/${enc(jobId)}`,
          query: { expand: "messages" },
          schema: JobState,
        });
        return state.status === "Success" || state.status === "Failure" ? state : undefined;
      },
      { deadlineMs: JOB_DEADLINE_MS, intervalMs: 1000, what: `the Architect job of ${owner}` },
    );
    if (done.status === "Failure" || !done.flow?.id) {
      const messages = (done.messages ?? []).map((m) => m.text).filter(Boolean);
      throw new GenesysError(
        "Validation",
        `${owner} could not be published: ${messages.length ? messages.join(" ") : "the Architect job failed without a message"}`,
      );
    }
    return done.flow.id;
  },

  /**
   * The YAML of the flow's published version, through an export job that names that version: without one the API
   * exports the latest saved version, possibly a draft (Terraform: "ensure we export the published version, not
   * the draft"). Jobs failing the way Archy does under load are registered again (see exportAttempts).
   */
  async exportYaml(c: GenesysClient, id: string, owner: string, version?: string): Promise<string> {
    const published = version ?? (await flowsApi.get(c, id))?.publishedVersion?.id;
    if (!published) throw new GenesysError("NotFound", `${owner}: the flow has no published version to export.`);
    for (let attempt = 1; ; attempt++) {
      const done = await exportJob(c, id, published, owner);
      if (done.status === "Success" && done.downloadUrl) {
        const file = await c.http.transfer({
          method: "GET",
          url: done.downloadUrl,
          what: `${owner}: downloading the exported YAML`,
        });
        if (file.status !== 200 || typeof file.data !== "string")
          throw new GenesysError("Server", `${owner}: downloading the exported YAML failed (HTTP ${file.status}).`);
        return file.data;
      }
      const text = (done.messages ?? []).map((m) => m.text).join(" ") || "no message";
      if (!isTransientExportFailure(text) || attempt >= EXPORT_ATTEMPTS) {
        throw new GenesysError(
          "Server",
          `${owner}: export failed${attempt > 1 ? ` after ${attempt} attempts` : ""}: ${text}`,
        );
      }
      await new Promise((r) => setTimeout(r, attempt * EXPORT_BACKOFF_MS));
    }
  },
};
