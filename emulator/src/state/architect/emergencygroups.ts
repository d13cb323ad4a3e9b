import type { Clock } from "../../clock";
import { byNameThenId } from "../entities";
import { ApiError, invalidValue, notFound } from "../errors";
import { newId } from "../ids";

export interface EmergencyCallFlowRecord {
  flowId: string;
  ivrIds: string[];
}

/** An Architect emergency group: versioned, soft-deleted (`state: deleted`) like schedule groups. */
export interface EmergencyGroupRecord {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  enabled: boolean;
  callFlows: EmergencyCallFlowRecord[];
  version: number;
  state: "active" | "deleted";
  dateCreated: string;
  dateModified: string;
}

export interface EmergencyGroupInput {
  name: string;
  divisionId?: string;
  description?: string;
  enabled?: boolean;
  callFlows?: EmergencyCallFlowRecord[];
  version?: number;
}

export interface EmergencyGroupOrgContext {
  readonly clock: Clock;
  requireDivisionId(id: string | undefined): string;
  checkName(kind: string, raw: string): string;
  duplicate(kind: string, name: string): ApiError;
  /** The type of an existing flow (e.g. INBOUNDCALL), or undefined. */
  flowType(id: string): string | undefined;
}

/** `/api/v2/architect/emergencygroups`: rules only, no HTTP. */
export class EmergencyGroupStore {
  private readonly groups = new Map<string, EmergencyGroupRecord>();

  constructor(
    private readonly ctx: EmergencyGroupOrgContext,
    init: EmergencyGroupRecord[] = [],
  ) {
    for (const g of init) this.groups.set(g.id, structuredClone(g));
  }

  private now(): string {
    return new Date(this.ctx.clock.now()).toISOString();
  }

  list(filter: { name?: string; divisionIds?: string[] } = {}): EmergencyGroupRecord[] {
    const lower = filter.name?.toLowerCase();
    return [...this.groups.values()]
      .filter((g) => g.state === "active")
      .filter((g) => lower === undefined || g.name.toLowerCase() === lower)
      .filter((g) => !filter.divisionIds?.length || filter.divisionIds.includes(g.divisionId))
      .sort(byNameThenId);
  }

  /** GET answers for deleted groups too (with `state: deleted`), as for schedule groups. */
  get(id: string): EmergencyGroupRecord {
    const g = this.groups.get(id);
    if (!g) throw notFound();
    return g;
  }

  private active(id: string): EmergencyGroupRecord {
    const g = this.get(id);
    if (g.state !== "active") throw notFound();
    return g;
  }

  countInDivision(divisionId: string): number {
    return [...this.groups.values()].filter((g) => g.state === "active" && g.divisionId === divisionId).length;
  }

  exists(name: string): boolean {
    return this.list().some((g) => g.name.toLowerCase() === name.toLowerCase());
  }

  /** Names of active groups whose call flows include this flow (the flow cannot be deleted while any do). */
  usingFlow(flowId: string): string[] {
    return this.list()
      .filter((g) => g.callFlows.some((c) => c.flowId === flowId))
      .map((g) => g.name);
  }

  private fields(input: EmergencyGroupInput, exceptId?: string) {
    const name = this.ctx.checkName("emergency group", input.name);
    const clash = this.list().find((g) => g.id !== exceptId && g.name.toLowerCase() === name.toLowerCase());
    if (clash) throw this.ctx.duplicate("emergency group", name);
    const callFlows = (input.callFlows ?? []).map((c, i) => {
      const type = this.ctx.flowType(c.flowId);
      if (type === undefined)
        throw invalidValue(
          "emergencyCallFlows",
          `emergencyCallFlows[${i}].emergencyFlow: flow ${c.flowId} does not exist`,
        );
      if (type !== "INBOUNDCALL")
        throw invalidValue(
          "emergencyCallFlows",
          `emergencyCallFlows[${i}].emergencyFlow: flow ${c.flowId} is a ${type} flow; an emergency flow is an inbound call flow`,
        );
      if (c.ivrIds.length)
        throw invalidValue("emergencyCallFlows", `emergencyCallFlows[${i}].ivrs: IVR ${c.ivrIds[0]} does not exist`);
      return { flowId: c.flowId, ivrIds: [] };
    });
    const out = {
      name,
      divisionId: this.ctx.requireDivisionId(input.divisionId),
      enabled: input.enabled ?? false,
      callFlows,
    };
    return input.description ? { ...out, description: input.description } : out;
  }

  create(input: EmergencyGroupInput): EmergencyGroupRecord {
    const now = this.now();
    const g: EmergencyGroupRecord = {
      id: newId(),
      ...this.fields(input),
      version: 1,
      state: "active",
      dateCreated: now,
      dateModified: now,
    };
    this.groups.set(g.id, g);
    return g;
  }

  /** PUT: a full replace that must carry the current version (409 otherwise, TF retries it). */
  replace(id: string, input: EmergencyGroupInput): EmergencyGroupRecord {
    const existing = this.active(id);
    if (input.version === undefined)
      throw invalidValue("version", "The field 'version' is required: send the current version of the object");
    if (input.version !== existing.version)
      throw new ApiError(409, "general.conflict", "Version does not match current version.");
    const next: EmergencyGroupRecord = {
      id,
      ...this.fields(input, id),
      version: existing.version + 1,
      state: "active",
      dateCreated: existing.dateCreated,
      dateModified: this.now(),
    };
    this.groups.set(id, next);
    return next;
  }

  /** Soft delete: GET then answers `state: deleted` (TF architect_emergencygroup waits for exactly that). */
  remove(id: string): void {
    const g = this.active(id);
    g.state = "deleted";
    g.version += 1;
    g.dateModified = this.now();
  }

  snapshot(): EmergencyGroupRecord[] {
    return [...this.groups.values()].sort(byNameThenId).map((g) => structuredClone(g));
  }
}
