import { z } from "zod";
import { GenesysClient, GenesysError, pollUntil } from "../../client";
import { getLive, sameName } from "../common";
import { send } from "../../client/http";

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
});
export type Flow = z.infer<typeof Flow>;

const Job = z.object({ id: z.string(), presignedUrl: z.string(), headers: z.record(z.string(), z.string()).nullish() });
const JobState = z.object({
  id: z.string(),
  status: z.string(),
  flow: Ref.nullish(),
  messages: z.array(z.object({ type: z.string().nullish(), text: z.string().nullish() })).nullish(),
});
const ExportJob = z.object({ id: z.string(), status: z.string().nullish() });
const ExportState = z.object({
  id: z.string(),
  status: z.string(),
  downloadUrl: z.string().nullish(),
  messages: z.array(z.object({ text: z.string().nullish() })).nullish(),
});

const enc = encodeURIComponent;
const JOB_DEADLINE_MS = 16 * 60_000; // the Terraform provider waits 16 minutes for Archy jobs

/** Architect flows (reference §4.7, §5): jobs API to publish YAML, export jobs to read it back. */
export const flowsApi = {
  list: (c: GenesysClient) => c.listAll("/api/v2/flows", Flow, { pageSize: 500 }),

  async find(c: GenesysClient, name: string, type: string): Promise<Flow | undefined> {
    const page = await c.listAll("/api/v2/flows", Flow, { pageSize: 500, query: { name, type: type.toLowerCase() } });
    return page.find((f) => sameName(f.name, name) && f.type.toLowerCase() === type.toLowerCase() && !f.deleted);
  },

  get: (c: GenesysClient, id: string) => getLive(c, `/api/v2/flows/${enc(id)}`, Flow, (f) => Boolean(f.deleted)),

  unlock: (c: GenesysClient, id: string) => c.request({ method: "POST", path: "/api/v2/flows/actions/unlock", query: { flow: id } }),

  /**
   * Registers an Archy job, uploads the YAML to its presigned URL and waits for the outcome. A failed
   * job throws with the job's own messages.
   */
  async publishYaml(c: GenesysClient, yaml: string, owner: string): Promise<string> {
    const job = await c.request({ method: "POST", path: "/api/v2/flows/jobs", schema: Job });
    const upload = await send({ method: "PUT", url: job.presignedUrl, headers: job.headers ?? {}, data: yaml, timeoutMs: 60_000 });
    if (upload.status < 200 || upload.status >= 300) {
      throw new GenesysError("Server", `${owner}: uploading the flow YAML to the Architect job failed (HTTP ${upload.status}).`);
    }
    const done = await pollUntil(
      async () => {
        const state = await c.request({ method: "GET", path: `/api/v2/flows/jobs/${enc(job.id)}`, query: { expand: "messages" }, schema: JobState });
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

  /** The YAML of the flow's published version, through an export job. */
  async exportYaml(c: GenesysClient, id: string, owner: string): Promise<string> {
    const job = await c.request({
      method: "POST",
      path: "/api/v2/flows/export/jobs",
      body: { flows: [{ flow: { id }, exportType: "Yaml" }] },
      schema: ExportJob,
    });
    const done = await pollUntil(
      async () => {
        const state = await c.request({ method: "GET", path: `/api/v2/flows/export/jobs/${enc(job.id)}`, query: { expand: "messages" }, schema: ExportState });
        return state.status === "Success" || state.status === "Failure" ? state : undefined;
      },
      { deadlineMs: 90_000, intervalMs: 500, what: `the export of ${owner}` },
    );
    if (done.status === "Failure" || !done.downloadUrl) {
      throw new GenesysError("Server", `${owner}: export failed: ${(done.messages ?? []).map((m) => m.text).join(" ") || "no message"}`);
    }
    const file = await send({ method: "GET", url: done.downloadUrl, timeoutMs: 60_000 });
    if (file.status !== 200 || typeof file.data !== "string") throw new GenesysError("Server", `${owner}: downloading the exported YAML failed (HTTP ${file.status}).`);
    return file.data;
  },
};
