import { Collection, firstVersion, isActive, nextVersion, softDelete } from "../collection";
import type { Ivr, Schedule, ScheduleGroup } from "../entities";
import { ApiError, invalidValue } from "../errors";
import { inList, wildcardFilter, type SortOrder } from "../filters";
import type { DivisionCount, OrgContext } from "../org-context";
import { DataTableStore, type DataTableRecord } from "./datatables";
import { EmergencyGroupStore, type EmergencyGroupRecord } from "./emergencygroups";
import { FlowStore, type FlowOrgLinks, type FlowRecord } from "./flows";
import { IvrStore } from "./ivrs";
import { PromptStore, type PromptRecord } from "./prompts";
import { checkRrule, checkTimeZone, normalizeLocalDateTime } from "./schedule-rules";

export interface ScheduleInput {
  name: string;
  divisionId?: string;
  description?: string;
  start: string;
  end: string;
  rrule?: string;
}

export interface ScheduleGroupInput {
  name: string;
  divisionId?: string;
  description?: string;
  timeZone?: string;
  openScheduleIds?: string[];
  closedScheduleIds?: string[];
  holidayScheduleIds?: string[];
}

export interface ArchitectFilter {
  name?: string;
  divisionIds?: string[];
  sortOrder?: SortOrder;
  /** Schedule groups only: groups referencing any of these schedules. */
  scheduleIds?: string[];
}

export interface ArchitectInit {
  schedules?: Schedule[];
  schedulegroups?: ScheduleGroup[];
  flows?: FlowRecord[];
  ivrs?: Ivr[];
  prompts?: PromptRecord[];
  datatables?: DataTableRecord[];
  emergencygroups?: EmergencyGroupRecord[];
}

type ScheduleFields = Pick<Schedule, "name" | "divisionId" | "description" | "start" | "end" | "rrule">;
type GroupFields = Omit<ScheduleGroup, "id" | "version" | "state" | "dateCreated" | "dateModified">;

function scheduleIdsOf(g: ScheduleGroup): string[] {
  return [...g.openScheduleIds, ...g.closedScheduleIds, ...g.holidayScheduleIds];
}

/**
 * Architect of one org: schedules and schedule groups (versioned, soft-deleted), and the flows with their
 * versions, locks and import / export jobs (`flows`).
 */
export class ArchitectStore {
  private readonly schedules: Collection<Schedule>;
  private readonly schedulegroups: Collection<ScheduleGroup>;
  readonly flows: FlowStore;
  /** IVR configurations: DIDs routed to flows by schedule group. */
  readonly ivrs: IvrStore;
  /** User prompts and their per-language resources (recorded audio, TTS). */
  readonly prompts: PromptStore;
  readonly datatables: DataTableStore;
  readonly emergencyGroups: EmergencyGroupStore;

  constructor(
    private readonly ctx: OrgContext,
    flowLinks: Omit<FlowOrgLinks, "ivrsUsingFlow">,
    init: ArchitectInit,
    /** Whether a DID pool of the org holds a number. */
    ownsDid: (number: string) => boolean = () => false,
  ) {
    this.schedules = new Collection(ctx, { kind: "schedule", holdsName: isActive }, init.schedules ?? []);
    this.schedulegroups = new Collection(
      ctx,
      { kind: "schedule group", holdsName: isActive },
      init.schedulegroups ?? [],
    );
    this.flows = new FlowStore(
      ctx,
      {
        ...flowLinks,
        ivrsUsingFlow: (flowId) => this.ivrs.usingFlow(flowId),
        otherUsersOfFlow: (flowId) => {
          const groups = this.emergencyGroups.usingFlow(flowId);
          return groups.length ? [`emergency group(s): ${groups.join(", ")}`] : [];
        },
      },
      init.flows ?? [],
    );
    this.ivrs = new IvrStore(
      ctx,
      {
        requireInboundFlow: (field, id) => this.flows.requireFlowOfType(field, id, "INBOUNDCALL"),
        scheduleGroupActive: (id) => {
          const g = this.schedulegroups.find(id);
          return g !== undefined && isActive(g);
        },
        ownsDid,
        emergencyGroupsUsing: (ivrId) => this.emergencyGroups.usingIvr(ivrId),
      },
      init.ivrs ?? [],
    );
    this.datatables = new DataTableStore(
      { ...ctx, flowsNaming: (name) => this.flows.publishedNaming("dataTable", name) },
      init.datatables ?? [],
    );
    this.emergencyGroups = new EmergencyGroupStore(
      {
        ...ctx,
        flowType: (id) => this.flows.findFlow(id)?.type,
        ivrExists: (id) => this.ivrs.list().some((x) => x.id === id),
      },
      init.emergencygroups ?? [],
    );
    this.prompts = new PromptStore(
      ctx,
      { flowsUsingPrompt: (name) => this.flows.publishedNaming("prompt", name) },
      init.prompts,
    );
  }

  hasName(kind: "schedule" | "scheduleGroup" | "dataTable" | "emergencyGroup", name: string): boolean {
    if (kind === "dataTable") return this.datatables.exists(name);
    if (kind === "emergencyGroup") return this.emergencyGroups.exists(name);
    return (kind === "schedule" ? this.schedules : this.schedulegroups).hasName(name);
  }

  countsInDivision(id: string): DivisionCount[] {
    return [
      [this.schedules.all().filter((x) => isActive(x) && x.divisionId === id).length, "schedule"],
      [this.schedulegroups.all().filter((g) => isActive(g) && g.divisionId === id).length, "schedule group"],
      [this.flows.countInDivision(id), "flow"],
      [this.ivrs.countInDivision(id), "IVR"],
      [this.datatables.countInDivision(id), "data table"],
      [this.emergencyGroups.countInDivision(id), "emergency group"],
    ];
  }

  // ---- schedules ------------------------------------------------------------------------------

  listSchedules(filter: ArchitectFilter = {}): Schedule[] {
    const byName = wildcardFilter(filter.name);
    return this.schedules.sorted(
      (x) => isActive(x) && (!byName || byName(x.name)) && inList(filter.divisionIds, x.divisionId),
      filter.sortOrder,
    );
  }

  /** GET: deleted schedules are returned with state "deleted". */
  getSchedule(id: string): Schedule {
    return this.schedules.get(id);
  }

  private scheduleFields(input: ScheduleInput, selfId: string | undefined): ScheduleFields {
    const name = this.schedules.claimName(input.name, selfId);
    const divisionId = this.ctx.requireDivisionId(input.divisionId);
    const start = normalizeLocalDateTime("start", input.start);
    const end = normalizeLocalDateTime("end", input.end);
    if (end <= start) throw invalidValue("end", `The schedule end [${end}] must be after its start [${start}]`);
    const fields: ScheduleFields = { name, divisionId, start, end };
    if (input.description !== undefined) fields.description = input.description;
    if (input.rrule !== undefined && input.rrule !== "") fields.rrule = checkRrule(input.rrule);
    return fields;
  }

  createSchedule(input: ScheduleInput): Schedule {
    const fields = this.scheduleFields(input, undefined);
    return this.schedules.put({ ...fields, ...firstVersion(this.ctx.nowIso()) });
  }

  /** Versioned full replace: the current integer version is required (409 when stale). */
  replaceSchedule(id: string, input: ScheduleInput & { version?: number }): Schedule {
    const stamp = nextVersion(this.schedules.get(id, isActive), input.version, this.ctx.nowIso());
    return this.schedules.put({ ...this.scheduleFields(input, id), ...stamp });
  }

  /** Soft delete; 409 while an active schedule group references the schedule. */
  deleteSchedule(id: string): void {
    const x = this.schedules.get(id, isActive);
    const users = this.schedulegroups.sorted((g) => isActive(g) && scheduleIdsOf(g).includes(id));
    if (users.length > 0) {
      const names = users.map((g) => g.name).join(", ");
      throw new ApiError(
        409,
        "general.conflict",
        `Schedule ${x.name} is in use by schedule group(s): ${names}`,
        { name: x.name },
        `Schedule {name} is in use by schedule group(s): ${names}`,
      );
    }
    softDelete(x, this.ctx.nowIso());
    this.ctx.detach(x.divisionId, "schedule");
  }

  // ---- schedule groups ------------------------------------------------------------------------

  listScheduleGroups(filter: ArchitectFilter = {}): ScheduleGroup[] {
    const byName = wildcardFilter(filter.name);
    const wanted = filter.scheduleIds ?? [];
    return this.schedulegroups.sorted(
      (g) =>
        isActive(g) &&
        (!byName || byName(g.name)) &&
        inList(filter.divisionIds, g.divisionId) &&
        (wanted.length === 0 || scheduleIdsOf(g).some((s) => wanted.includes(s))),
      filter.sortOrder,
    );
  }

  getScheduleGroup(id: string): ScheduleGroup {
    return this.schedulegroups.get(id);
  }

  private scheduleRefs(field: string, ids: string[] | undefined): string[] {
    return (ids ?? []).map((id) => {
      const x = this.schedules.find(id);
      if (!x || !isActive(x)) throw invalidValue(field, `Schedule ${id} in ${field} does not exist`);
      return id;
    });
  }

  private scheduleGroupFields(input: ScheduleGroupInput, selfId: string | undefined): GroupFields {
    const name = this.schedulegroups.claimName(input.name, selfId);
    const divisionId = this.ctx.requireDivisionId(input.divisionId);
    const fields: GroupFields = {
      name,
      divisionId,
      openScheduleIds: this.scheduleRefs("openSchedules", input.openScheduleIds),
      closedScheduleIds: this.scheduleRefs("closedSchedules", input.closedScheduleIds),
      holidayScheduleIds: this.scheduleRefs("holidaySchedules", input.holidayScheduleIds),
    };
    if (input.description !== undefined) fields.description = input.description;
    if (input.timeZone !== undefined) fields.timeZone = checkTimeZone(input.timeZone);
    return fields;
  }

  createScheduleGroup(input: ScheduleGroupInput): ScheduleGroup {
    const fields = this.scheduleGroupFields(input, undefined);
    return this.schedulegroups.put({ ...fields, ...firstVersion(this.ctx.nowIso()) });
  }

  replaceScheduleGroup(id: string, input: ScheduleGroupInput & { version?: number }): ScheduleGroup {
    const stamp = nextVersion(this.schedulegroups.get(id, isActive), input.version, this.ctx.nowIso());
    return this.schedulegroups.put({ ...this.scheduleGroupFields(input, id), ...stamp });
  }

  /** Soft delete; 409 while an active IVR uses the group. */
  deleteScheduleGroup(id: string): void {
    const g = this.schedulegroups.get(id, isActive);
    const ivrs = this.ivrs.usingScheduleGroup(id);
    if (ivrs.length > 0)
      throw new ApiError(
        409,
        "general.conflict",
        `Schedule group ${g.name} is in use by IVR(s): ${ivrs.join(", ")}`,
        { name: g.name },
        `Schedule group {name} is in use by IVR(s): ${ivrs.join(", ")}`,
      );
    softDelete(g, this.ctx.nowIso());
    this.ctx.detach(g.divisionId, "schedule group");
  }

  snapshot(): { schedules: Schedule[]; schedulegroups: ScheduleGroup[]; ivrs: Ivr[] } {
    return {
      schedules: this.schedules.snapshot(),
      schedulegroups: this.schedulegroups.snapshot(),
      ivrs: this.ivrs.snapshot(),
    };
  }
}
