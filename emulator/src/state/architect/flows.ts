import { randomBytes } from "node:crypto";
import {
  missingReferenceMessage,
  parseArchyYaml,
  type ArchyDocument,
  type ArchyReference,
  type FlowType,
  type ReferenceKind,
} from "./archy";
import { byNameThenId } from "../entities";
import { ApiError, badRequest, invalidValue, notFound } from "../errors";
import { newId } from "../ids";
import { Collection } from "../collection";
import type { OrgContext } from "../org-context";

/** An OAuth client as Architect shows it (`lockedClient`, `Operation.client`, `FlowVersion.createdByClient`). */
export interface ClientRef {
  id: string;
  name?: string;
}

export interface FlowVersionRecord {
  /** "1.0", "2.0", … */
  id: string;
  /** The Archy YAML this version was made from. */
  yaml: string;
  references: ArchyReference[];
  createdByClientId: string;
  /** Epoch ms, as FlowVersion reports it. */
  dateCreated: number;
  /** ISO date-time of the last publication of this version. */
  datePublished?: string;
}

export interface FlowOperation {
  id: string;
  actionName: "CHECKIN" | "PUBLISH";
  actionStatus: "STARTED" | "SUCCESS" | "FAILURE";
  complete: boolean;
  client: ClientRef;
  errorMessage?: string;
}

export interface FlowRecord {
  id: string;
  name: string;
  type: FlowType;
  description?: string;
  divisionId: string;
  active: boolean;
  lockedClient?: ClientRef;
  /** SDK `Flow.system`: a flow the org comes with (the defaults every org has). */
  system?: boolean;
  /** SDK `Flow.lockedUser`: a person editing the flow in Architect holds it; no OAuth client may change it until unlocked. */
  lockedUser?: ClientRef;
  versions: FlowVersionRecord[];
  publishedVersionId?: string;
  checkedInVersionId?: string;
  savedVersionId?: string;
  currentOperation?: FlowOperation;
  /** A publish in progress: completes at emulator time `at`. */
  pendingPublish?: { at: number; seq: number; versionId: string };
}

export type JobStatus = "Registered" | "Started" | "Success" | "Failure";

export interface JobMessage {
  dateTime: string;
  /** The Java SDK's ArchitectJobMessage.TypeEnum (the JS SDK types it as a string). */
  type: "Error" | "Warning" | "Unknown";
  text: string;
}

/** What an import or export job shows: status, the flow it made or exported, and its messages. */
export interface JobView {
  id: string;
  status: JobStatus;
  flow?: { id: string; name: string };
  messages: JobMessage[];
}

type ImportPlan = { ok: true; doc: ArchyDocument; yaml: string } | { ok: false; errors: string[] };

/**
 * The headers an import job's presigned URL is signed for (SDK RegisterArchitectJobResponse.headers); the upload
 * must send them as given, as the Terraform provider does (util/files/util_files.go).
 */
export const UPLOAD_HEADERS: Readonly<Record<string, string>> = { "Content-Type": "application/octet-stream" };

interface ImportJob {
  id: string;
  signature: string;
  client: ClientRef;
  registeredAt: number;
  /** Set by the upload: the outcome is decided then and revealed at `doneAt`. */
  plan?: ImportPlan;
  doneAt?: number;
  seq?: number;
  result?: { status: "Success" | "Failure"; flow?: { id: string; name: string }; messages: JobMessage[] };
}

type ExportOutcome = { ok: true; flow: { id: string; name: string }; yaml: string } | { ok: false; errors: string[] };

interface ExportJob {
  id: string;
  signature: string;
  doneAt: number;
  outcome: ExportOutcome;
}

/** A flow named in an export request: by id, or by name and type; optionally a version. */
export interface ExportRequest {
  id?: string;
  name?: string;
  type?: FlowType;
  version?: string;
}

export interface FlowFilter {
  types?: FlowType[];
  /** Case-insensitive prefix; `*` matches anything. */
  name?: string;
  ids?: string[];
  divisionIds?: string[];
  descending?: boolean;
}

export interface FlowInput {
  name: string;
  type: FlowType;
  description?: string;
  divisionId?: string;
}

/** What the flow store needs from the rest of its org: divisions by name, the other object kinds and who uses flows. */
export interface FlowOrgLinks {
  homeDivisionId(): string;
  divisionIdByName(name: string): string | undefined;
  /** Whether an active object of this kind has this name (case-insensitive). */
  exists(kind: Exclude<ReferenceKind, "flow" | "division">, name: string, category?: string): boolean;
  /** Names of the queues whose queueFlow / emailInQueueFlow / messageInQueueFlow is this flow. */
  queuesUsingFlow(flowId: string): string[];
  /** Names of the active IVRs whose open, closed or holiday hours flow is this flow. */
  ivrsUsingFlow(flowId: string): string[];
  /** Other objects that use this flow, e.g. `emergency group(s): Severe Weather` (none when empty). */
  otherUsersOfFlow?(flowId: string): string[];
}

/** `Main*`, `*IVR`, `Ma*IVR`: a case-insensitive prefix where `*` matches anything. */
function globPrefix(pattern: string | undefined): ((name: string) => boolean) | undefined {
  if (pattern === undefined || pattern === "") return undefined;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const re = new RegExp(`^${source}`, "i");
  return (name) => re.test(name);
}

function conflict(message: string): ApiError {
  return new ApiError(409, "general.conflict", message);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function clientLabel(c: ClientRef): string {
  return c.name ?? c.id;
}

/**
 * Architect flows of one org: shell flows, versions made from Archy YAML, locks, publish operations, and the
 * import / export jobs. Asynchronous work (jobs, publishing) is decided when it starts and takes effect when
 * emulator time passes its due time: every read first settles what is due.
 */
export class FlowStore {
  private readonly flows: Collection<FlowRecord>;
  private readonly importJobs = new Map<string, ImportJob>();
  private readonly exportJobs = new Map<string, ExportJob>();
  private seq = 0;

  constructor(
    private readonly ctx: OrgContext,
    private readonly links: FlowOrgLinks,
    initial: FlowRecord[] = [],
  ) {
    // Names are unique per flow type.
    this.flows = new Collection(ctx, { kind: "flow", scope: (f) => f.type }, initial);
  }

  private now(): number {
    return this.ctx.clock.now();
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  // ---- asynchronous work ----------------------------------------------------------------------

  /** Applies every import job and publish operation whose due time has passed, in due order. */
  settle(): void {
    const now = this.now();
    const due: { at: number; seq: number; run: () => void }[] = [];
    for (const job of this.importJobs.values()) {
      if (job.plan && !job.result && job.doneAt !== undefined && job.doneAt <= now) {
        due.push({ at: job.doneAt, seq: job.seq ?? 0, run: () => this.finishImport(job) });
      }
    }
    for (const flow of this.flows.all()) {
      const p = flow.pendingPublish;
      if (p && p.at <= now) due.push({ at: p.at, seq: p.seq, run: () => this.finishPublish(flow) });
    }
    due.sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const d of due) d.run();
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  // ---- flows ----------------------------------------------------------------------------------

  listFlows(filter: FlowFilter = {}): FlowRecord[] {
    this.settle();
    const byName = globPrefix(filter.name);
    const list = this.flows
      .all()
      .filter((f) => !filter.types || filter.types.length === 0 || filter.types.includes(f.type))
      .filter((f) => !byName || byName(f.name))
      .filter((f) => !filter.ids || filter.ids.length === 0 || filter.ids.includes(f.id))
      .filter(
        (f) => !filter.divisionIds || filter.divisionIds.length === 0 || filter.divisionIds.includes(f.divisionId),
      )
      .sort(byNameThenId);
    if (filter.descending) list.reverse();
    return list;
  }

  /** The flow, or 404 (deleted flows are gone). */
  getFlow(id: string): FlowRecord {
    this.settle();
    const f = this.flows.find(id);
    if (!f) throw notFound();
    return f;
  }

  findFlow(id: string): FlowRecord | undefined {
    this.settle();
    return this.flows.find(id);
  }

  private byNameAndType(name: string, type: FlowType): FlowRecord | undefined {
    for (const f of this.flows.all()) if (f.type === type && sameName(f.name, name)) return f;
    return undefined;
  }

  /** Active flows in a division (for the division's not-empty check). */
  countInDivision(divisionId: string): number {
    this.settle();
    return this.flows.all().filter((f) => f.divisionId === divisionId).length;
  }

  /** POST /flows: an empty shell (no version), unique by (name, type). */
  createFlow(input: FlowInput): FlowRecord {
    this.settle();
    const name = this.flows.claimName(input.name, undefined, input.type);
    const flow: FlowRecord = {
      id: newId(),
      name,
      type: input.type,
      divisionId: this.ctx.requireDivisionId(input.divisionId),
      active: false,
      versions: [],
    };
    if (input.description !== undefined) flow.description = input.description;
    this.flows.put(flow);
    return flow;
  }

  private lockedByOther(flow: FlowRecord, client: ClientRef | undefined): boolean {
    return flow.lockedUser !== undefined || (flow.lockedClient !== undefined && flow.lockedClient.id !== client?.id);
  }

  private lockedMessage(flow: FlowRecord): string {
    if (flow.lockedUser) return `Flow '${flow.name}' is locked by user ${clientLabel(flow.lockedUser)}.`;
    return `Flow '${flow.name}' is locked by another client (${clientLabel(flow.lockedClient ?? { id: "unknown" })}).`;
  }

  private requireUnlocked(flow: FlowRecord, client: ClientRef): void {
    if (this.lockedByOther(flow, client)) throw conflict(this.lockedMessage(flow));
  }

  /** Names of the flows whose published YAML names an object of this kind and name (case-insensitive). */
  publishedNaming(kind: ReferenceKind, name: string): string[] {
    return this.flows
      .all()
      .filter((f) =>
        f.versions
          .find((x) => x.id === f.publishedVersionId)
          ?.references.some((r) => r.kind === kind && sameName(r.name, name)),
      )
      .sort(byNameThenId)
      .map((f) => f.name);
  }

  /** Flows whose published YAML names this flow (by name, and type when the reference gives one). */
  private flowsReferencing(target: FlowRecord): FlowRecord[] {
    return this.flows
      .all()
      .filter((f) => f.id !== target.id)
      .filter((f) => {
        const v = f.versions.find((x) => x.id === f.publishedVersionId);
        return v?.references.some(
          (r) =>
            r.kind === "flow" &&
            sameName(r.name, target.name) &&
            (r.flowType === undefined || r.flowType === target.type),
        );
      })
      .sort(byNameThenId);
  }

  /** Hard delete; 400 for a system flow; 409 while another client holds the lock or a queue, an IVR or another published flow uses it. */
  deleteFlow(id: string, client: ClientRef): void {
    const flow = this.getFlow(id);
    // "You cannot delete this flow" (help center, Voicemail flow overview); the same for the other system flows: unverified.
    if (flow.system)
      throw badRequest(`Flow '${flow.name}' is a system flow and cannot be deleted; edit and publish it instead.`);
    this.requireUnlocked(flow, client);
    const queues = this.links.queuesUsingFlow(id);
    const flows = this.flowsReferencing(flow).map((f) => `${f.name} (${f.type})`);
    const ivrs = this.links.ivrsUsingFlow(id);
    const others = this.links.otherUsersOfFlow?.(id) ?? [];
    if (queues.length > 0 || flows.length > 0 || ivrs.length > 0 || others.length > 0) {
      const users = [
        queues.length > 0 ? `queue(s): ${queues.join(", ")}` : "",
        ivrs.length > 0 ? `IVR(s): ${ivrs.join(", ")}` : "",
        flows.length > 0 ? `flow(s): ${flows.join(", ")}` : "",
        ...others,
      ].filter((s) => s !== "");
      throw new ApiError(
        409,
        "general.conflict",
        `Flow '${flow.name}' is in use by ${users.join("; ")}.`,
        { name: flow.name },
        `Flow '{name}' is in use by ${users.join("; ")}.`,
      );
    }
    this.flows.remove(id);
  }

  checkout(id: string, client: ClientRef): FlowRecord {
    const flow = this.getFlow(id);
    this.requireUnlocked(flow, client);
    flow.lockedClient = { ...client };
    return flow;
  }

  /** Check-in releases the caller's lock; the Operation is complete at once. */
  checkin(id: string, client: ClientRef): FlowOperation {
    const flow = this.getFlow(id);
    this.requireUnlocked(flow, client);
    delete flow.lockedClient;
    if (flow.savedVersionId !== undefined) flow.checkedInVersionId = flow.savedVersionId;
    const op: FlowOperation = {
      id: newId(),
      actionName: "CHECKIN",
      actionStatus: "SUCCESS",
      complete: true,
      client: { ...client },
    };
    flow.currentOperation = op;
    return structuredClone(op);
  }

  /** Admin force unlock: whoever holds the lock, an OAuth client or a user. */
  unlock(id: string): FlowRecord {
    const flow = this.getFlow(id);
    delete flow.lockedClient;
    delete flow.lockedUser;
    return flow;
  }

  /**
   * Test hook (control API): a person saves a draft in Architect: a new version from the YAML, saved but neither
   * checked in nor published. 400 when the YAML is not a flow of this name and type.
   */
  saveDraft(id: string, yaml: string): FlowVersionRecord {
    const flow = this.getFlow(id);
    const parsed = parseArchyYaml(yaml);
    if (!parsed.ok) throw badRequest(parsed.errors.join(" "));
    if (parsed.doc.type !== flow.type || !sameName(parsed.doc.name, flow.name))
      throw badRequest(`The draft must be the ${flow.type} flow '${flow.name}'.`);
    const version: FlowVersionRecord = {
      id: `${flow.versions.length + 1}.0`,
      yaml,
      references: parsed.doc.references,
      createdByClientId: "architect-ui",
      dateCreated: this.now(),
    };
    flow.versions.push(version);
    flow.savedVersionId = version.id;
    return version;
  }

  /**
   * Test hook (control API): a flow published in Architect, of any type (also types Archy files do not cover, such as
   * WORKITEM or VOICE): created or given a new version, with this YAML as what an export returns.
   */
  publishAsArchitect(input: {
    name: string;
    type: FlowType;
    yaml: string;
    divisionId?: string;
    description?: string;
  }): FlowRecord {
    this.settle();
    let flow = this.byNameAndType(input.name, input.type);
    if (!flow) {
      flow = {
        id: newId(),
        name: this.ctx.checkName("flow", input.name),
        type: input.type,
        divisionId: this.ctx.requireDivisionId(input.divisionId),
        active: false,
        versions: [],
      };
      this.flows.put(flow);
    }
    if (input.description !== undefined) flow.description = input.description;
    const parsed = parseArchyYaml(input.yaml);
    const version: FlowVersionRecord = {
      id: `${flow.versions.length + 1}.0`,
      yaml: input.yaml,
      references: parsed.ok ? parsed.doc.references : [],
      createdByClientId: "architect-ui",
      dateCreated: this.now(),
      datePublished: this.iso(this.now()),
    };
    flow.versions.push(version);
    flow.publishedVersionId = version.id;
    flow.checkedInVersionId = version.id;
    flow.savedVersionId = version.id;
    flow.active = true;
    return flow;
  }

  /** Test hook (control API): lock the flow as some other OAuth client, or as a user editing it in Architect. */
  lockAs(id: string, holder: ClientRef, kind: "client" | "user" = "client"): FlowRecord {
    const flow = this.getFlow(id);
    delete flow.lockedClient;
    delete flow.lockedUser;
    if (kind === "user") flow.lockedUser = { ...holder };
    else flow.lockedClient = { ...holder };
    return flow;
  }

  /**
   * Starts publishing `version` (default: the checked-in, else the saved version); the Operation stays STARTED
   * for `flowPublishDelayMs`. Publishing checks the caller's lock in.
   */
  publish(id: string, client: ClientRef, version: string | undefined): FlowOperation {
    const flow = this.getFlow(id);
    this.requireUnlocked(flow, client);
    if (flow.pendingPublish) throw conflict(`Flow '${flow.name}' already has a publish operation in progress.`);
    let versionId: string;
    if (version !== undefined && version !== "") {
      if (!flow.versions.some((v) => v.id === version))
        throw invalidValue("version", `Flow '${flow.name}' has no version ${version} (version)`);
      versionId = version;
    } else {
      const latest = flow.checkedInVersionId ?? flow.savedVersionId;
      if (latest === undefined) throw badRequest(`Flow '${flow.name}' has no saved or checked-in version to publish.`);
      versionId = latest;
    }
    delete flow.lockedClient;
    const op: FlowOperation = {
      id: newId(),
      actionName: "PUBLISH",
      actionStatus: "STARTED",
      complete: false,
      client: { ...client },
    };
    flow.currentOperation = op;
    flow.pendingPublish = { at: this.now() + this.ctx.settings().flowPublishDelayMs, seq: this.nextSeq(), versionId };
    return structuredClone(op);
  }

  private finishPublish(flow: FlowRecord): void {
    const p = flow.pendingPublish;
    if (!p) return;
    delete flow.pendingPublish;
    const v = flow.versions.find((x) => x.id === p.versionId);
    if (!flow.currentOperation) return;
    if (!v) {
      flow.currentOperation = {
        ...flow.currentOperation,
        actionStatus: "FAILURE",
        complete: true,
        errorMessage: `Version ${p.versionId} no longer exists.`,
      };
      return;
    }
    v.datePublished = this.iso(p.at);
    flow.publishedVersionId = v.id;
    flow.checkedInVersionId = v.id;
    flow.active = true;
    flow.currentOperation = { ...flow.currentOperation, actionStatus: "SUCCESS", complete: true };
  }

  deactivate(id: string, client: ClientRef): FlowRecord {
    const flow = this.getFlow(id);
    this.requireUnlocked(flow, client);
    flow.active = false;
    return flow;
  }

  // ---- versions -------------------------------------------------------------------------------

  listVersions(flowId: string): FlowVersionRecord[] {
    return [...this.getFlow(flowId).versions];
  }

  getVersion(flowId: string, versionId: string): FlowVersionRecord {
    const v = this.getFlow(flowId).versions.find((x) => x.id === versionId);
    if (!v) throw notFound();
    return v;
  }

  /** The saved (else newest) version: what `latestconfiguration` shows; undefined for a shell flow. */
  latestVersion(flowId: string): FlowVersionRecord | undefined {
    const flow = this.getFlow(flowId);
    return flow.versions.find((v) => v.id === flow.savedVersionId) ?? flow.versions[flow.versions.length - 1];
  }

  publishedVersion(flow: FlowRecord): FlowVersionRecord | undefined {
    return flow.versions.find((v) => v.id === flow.publishedVersionId);
  }

  // ---- queue references -----------------------------------------------------------------------

  /** A queue's `field` ({id}) must name an existing flow of `type`: 400 `invalid.value` naming the field otherwise. */
  requireFlowOfType(field: string, id: string, type: FlowType): void {
    const flow = this.findFlow(id);
    if (!flow) throw invalidValue(field, `Flow ${id} in ${field} does not exist`);
    if (flow.type !== type)
      throw invalidValue(field, `Flow ${id} in ${field} is a ${flow.type} flow, expected ${type}`);
  }

  // ---- Archy import jobs ----------------------------------------------------------------------

  /** POST /flows/jobs: a job waiting for its YAML at a presigned URL. */
  registerImportJob(client: ClientRef): { id: string; signature: string } {
    this.settle();
    const job: ImportJob = {
      id: newId(),
      signature: randomBytes(24).toString("base64url"),
      client: { ...client },
      registeredAt: this.now(),
    };
    this.importJobs.set(job.id, job);
    return { id: job.id, signature: job.signature };
  }

  private importJob(id: string): ImportJob {
    const job = this.importJobs.get(id);
    if (!job) throw notFound();
    return job;
  }

  /** Missing references of a document, one message each (a flow may name itself). */
  private missingReferences(doc: ArchyDocument): string[] {
    const missing: string[] = [];
    for (const ref of doc.references) {
      let found: boolean;
      if (ref.kind === "division") found = this.links.divisionIdByName(ref.name) !== undefined;
      else if (ref.kind === "flow") {
        const self = sameName(ref.name, doc.name) && (ref.flowType === undefined || ref.flowType === doc.type);
        found =
          self ||
          this.flows
            .all()
            .some((f) => sameName(f.name, ref.name) && (ref.flowType === undefined || f.type === ref.flowType));
      } else found = this.links.exists(ref.kind, ref.name, ref.category);
      if (!found) missing.push(missingReferenceMessage(doc, ref));
    }
    return missing;
  }

  /**
   * The PUT to the presigned URL: 403 for a missing or wrong signature, a signed header sent otherwise (as S3
   * checks the headers a URL is signed for), or an expired URL (`presignedUrlTtlMs`); 409 once uploaded. The YAML
   * is judged now (syntax, type, name, references, lock); the outcome shows after `flowJobDurationMs`.
   */
  uploadImportJob(
    id: string,
    signature: string | undefined,
    yaml: string,
    headers: Readonly<Record<string, string | undefined>> = UPLOAD_HEADERS,
  ): void {
    this.settle();
    const job = this.importJob(id);
    if (signature === undefined || signature !== job.signature) {
      throw new ApiError(403, "access.denied", "The request signature does not match the presigned URL.");
    }
    const ttl = this.ctx.settings().presignedUrlTtlMs;
    if (ttl > 0 && this.now() >= job.registeredAt + ttl)
      throw new ApiError(403, "access.denied", "Request has expired: register a new job.");
    for (const [name, value] of Object.entries(UPLOAD_HEADERS)) {
      if (headers[name.toLowerCase()] !== value) {
        throw new ApiError(
          403,
          "access.denied",
          `The request signature does not match: the URL is signed for ${name}: ${value}, the upload sent ${headers[name.toLowerCase()] ?? "none"}.`,
        );
      }
    }
    if (job.plan) throw conflict("This presigned URL has already been used: register a new job.");
    const parsed = parseArchyYaml(yaml);
    let plan: ImportPlan;
    if (!parsed.ok) plan = parsed;
    else {
      const errors = this.missingReferences(parsed.doc);
      const existing = this.byNameAndType(parsed.doc.name, parsed.doc.type);
      if (existing && this.lockedByOther(existing, job.client)) errors.push(this.lockedMessage(existing));
      plan = errors.length > 0 ? { ok: false, errors } : { ok: true, doc: parsed.doc, yaml };
    }
    job.plan = plan;
    job.doneAt = this.now() + this.ctx.settings().flowJobDurationMs;
    job.seq = this.nextSeq();
  }

  private finishImport(job: ImportJob): void {
    const plan = job.plan;
    const at = job.doneAt ?? this.now();
    const msg = (type: JobMessage["type"], text: string): JobMessage => ({ dateTime: this.iso(at), type, text });
    const fail = (errors: string[]): void => {
      job.result = { status: "Failure", messages: errors.map((e) => msg("Error", e)) };
    };
    if (!plan) return;
    if (!plan.ok) return fail(plan.errors);
    const settings = this.ctx.settings();
    if (settings.flowImportJobFailures > 0) {
      settings.flowImportJobFailures -= 1;
      return fail(["An internal error occurred while processing the Architect job. Please try again."]);
    }
    const { doc, yaml } = plan;
    // Things may have changed while the job ran: check the lock and the division again.
    const divisionId =
      doc.division === undefined ? this.links.homeDivisionId() : this.links.divisionIdByName(doc.division);
    if (divisionId === undefined)
      return fail([missingReferenceMessage(doc, { kind: "division", name: doc.division ?? "" })]);
    let flow = this.byNameAndType(doc.name, doc.type);
    if (flow && this.lockedByOther(flow, job.client)) return fail([this.lockedMessage(flow)]);
    if (!flow) {
      let name: string;
      try {
        name = this.ctx.checkName("flow", doc.name);
      } catch (err) {
        if (err instanceof ApiError) return fail([err.message]);
        throw err;
      }
      flow = { id: newId(), name, type: doc.type, divisionId, active: false, versions: [] };
      this.flows.put(flow);
    }
    flow.divisionId = divisionId;
    if (doc.description !== undefined) flow.description = doc.description;
    else delete flow.description;
    const version: FlowVersionRecord = {
      id: `${flow.versions.length + 1}.0`,
      yaml,
      references: doc.references,
      createdByClientId: job.client.id,
      dateCreated: at,
      datePublished: this.iso(at),
    };
    flow.versions.push(version);
    flow.publishedVersionId = version.id;
    flow.checkedInVersionId = version.id;
    flow.savedVersionId = version.id;
    flow.active = true;
    job.result = {
      status: "Success",
      flow: { id: flow.id, name: flow.name },
      // The SDK has no informational type: the emulator's note of what was published is "Unknown".
      messages: [msg("Unknown", `Published ${doc.archyType} '${flow.name}' version ${version.id}.`)],
    };
  }

  getImportJob(id: string): JobView {
    this.settle();
    const job = this.importJob(id);
    if (job.result) {
      const view: JobView = { id, status: job.result.status, messages: structuredClone(job.result.messages) };
      if (job.result.flow) view.flow = { ...job.result.flow };
      return view;
    }
    return { id, status: job.plan ? "Started" : "Registered", messages: [] };
  }

  // ---- export jobs ----------------------------------------------------------------------------

  /** POST /flows/export/jobs (one flow): the outcome is decided now and shows after `flowJobDurationMs`. */
  registerExportJob(request: ExportRequest): { id: string; signature: string } {
    this.settle();
    let outcome: ExportOutcome;
    const flow =
      request.id !== undefined
        ? this.flows.find(request.id)
        : request.name !== undefined && request.type !== undefined
          ? this.byNameAndType(request.name, request.type)
          : undefined;
    if (!flow) {
      const what =
        request.id !== undefined
          ? `with id '${request.id}'`
          : `named '${request.name ?? ""}' of type ${request.type ?? ""}`;
      outcome = { ok: false, errors: [`Could not find the flow ${what}.`] };
    } else {
      // Without a version the export is of the latest saved version, a draft when one was saved after the last
      // publish: Terraform names the published version explicitly "to ensure we export the published version, not
      // the draft" (architect_flow resource_genesyscloud_architect_flow_utils.go).
      const versionId =
        request.version !== undefined && request.version !== ""
          ? request.version
          : (flow.savedVersionId ?? flow.publishedVersionId);
      const version = versionId === undefined ? undefined : flow.versions.find((v) => v.id === versionId);
      const settings = this.ctx.settings();
      if (versionId === undefined)
        outcome = { ok: false, errors: [`Flow '${flow.name}' (${flow.type}) has no published version to export.`] };
      else if (!version)
        outcome = { ok: false, errors: [`Flow '${flow.name}' (${flow.type}) has no version ${versionId}.`] };
      else if (settings.flowExportJobTransientFailures > 0) {
        // Archy under load (Terraform's isRetryableJobFailure, architect_flow *_proxy.go): a transient failure to retry.
        settings.flowExportJobTransientFailures -= 1;
        outcome = {
          ok: false,
          errors: [`Archy failed: could not find the flow with id '${flow.id}' (exit code: 107).`],
        };
      } else outcome = { ok: true, flow: { id: flow.id, name: flow.name }, yaml: version.yaml };
    }
    const job: ExportJob = {
      id: newId(),
      signature: randomBytes(24).toString("base64url"),
      doneAt: this.now() + this.ctx.settings().flowJobDurationMs,
      outcome,
    };
    this.exportJobs.set(job.id, job);
    return { id: job.id, signature: job.signature };
  }

  private exportJob(id: string): ExportJob {
    const job = this.exportJobs.get(id);
    if (!job) throw notFound();
    return job;
  }

  getExportJob(id: string): JobView & { signature?: string } {
    const job = this.exportJob(id);
    if (this.now() < job.doneAt) return { id, status: "Started", messages: [] };
    const dateTime = this.iso(job.doneAt);
    if (!job.outcome.ok)
      return { id, status: "Failure", messages: job.outcome.errors.map((text) => ({ dateTime, type: "Error", text })) };
    return { id, status: "Success", flow: { ...job.outcome.flow }, messages: [], signature: job.signature };
  }

  /** The presigned download of a finished export: the YAML text. */
  downloadExport(id: string, signature: string | undefined): string {
    const job = this.exportJob(id);
    if (signature === undefined || signature !== job.signature) {
      throw new ApiError(403, "access.denied", "The request signature does not match the presigned URL.");
    }
    if (this.now() < job.doneAt || !job.outcome.ok) throw notFound();
    return job.outcome.yaml;
  }

  // ---- dump -----------------------------------------------------------------------------------

  snapshot(): FlowRecord[] {
    this.settle();
    return this.flows.snapshot();
  }
}
