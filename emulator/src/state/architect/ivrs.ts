import { Collection, firstVersion, isActive, nextVersion, softDelete } from "../collection";
import type { Ivr } from "../entities";
import { ApiError, invalidValue } from "../errors";
import { inList, wildcardFilter, type SortOrder } from "../filters";
import type { OrgContext } from "../org-context";

export interface IvrInput {
  name: string;
  divisionId?: string;
  description?: string;
  dnis?: string[];
  openHoursFlowId?: string;
  closedHoursFlowId?: string;
  holidayHoursFlowId?: string;
  scheduleGroupId?: string;
}

/** What IVRs need from the rest of the org: the flows and schedule group they name, the DIDs it owns. */
export interface IvrLinks {
  /** 400 unless `id` is an inbound call flow of the org. */
  requireInboundFlow(field: string, id: string): void;
  scheduleGroupActive(id: string): boolean;
  /** Whether a DID pool of the org holds the number. */
  ownsDid(number: string): boolean;
  /** Names of the emergency groups whose call flows apply to the IVR. */
  emergencyGroupsUsing(ivrId: string): string[];
}

/** E.164: `+`, a non-zero country code digit, at most 15 digits (TF architect_ivr validates the same). */
export const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * DIDs added by one request. The Terraform provider sends at most 50 new numbers per POST or PUT and adds the
 * rest in later PUTs (architect_ivr `maxDnisPerRequest`); the emulator refuses more, so clients must chunk too.
 * The exact limit and message of the real API are unverified.
 */
export const MAX_NEW_DNIS_PER_REQUEST = 50;

type IvrFields = Omit<Ivr, "id" | "version" | "state" | "dateCreated" | "dateModified">;

/** IVR configurations of one org (`/api/v2/architect/ivrs`): versioned PUT, soft delete, each DID in one IVR. */
export class IvrStore {
  private readonly ivrs: Collection<Ivr>;

  constructor(
    private readonly ctx: OrgContext,
    private readonly links: IvrLinks,
    initial: readonly Ivr[],
  ) {
    this.ivrs = new Collection(ctx, { kind: "IVR", holdsName: isActive }, initial);
  }

  list(filter: { name?: string; divisionIds?: string[]; sortOrder?: SortOrder; dnis?: string } = {}): Ivr[] {
    const byName = wildcardFilter(filter.name);
    return this.ivrs.sorted(
      (x) =>
        isActive(x) &&
        (!byName || byName(x.name)) &&
        inList(filter.divisionIds, x.divisionId) &&
        (filter.dnis === undefined || x.dnis.includes(filter.dnis)),
      filter.sortOrder,
    );
  }

  /** GET: deleted IVRs are returned with state "deleted". */
  get(id: string): Ivr {
    return this.ivrs.get(id);
  }

  /** Active IVRs whose open, closed or holiday flow is `flowId`. */
  usingFlow(flowId: string): string[] {
    return this.list()
      .filter((x) => [x.openHoursFlowId, x.closedHoursFlowId, x.holidayHoursFlowId].includes(flowId))
      .map((x) => x.name);
  }

  usingScheduleGroup(groupId: string): string[] {
    return this.list()
      .filter((x) => x.scheduleGroupId === groupId)
      .map((x) => x.name);
  }

  /** The active IVR (other than `selfId`) that routes `number`. */
  ownerOf(number: string, selfId?: string): Ivr | undefined {
    return this.list().find((x) => x.id !== selfId && x.dnis.includes(number));
  }

  countInDivision(id: string): number {
    return this.ivrs.all().filter((x) => isActive(x) && x.divisionId === id).length;
  }

  private fields(input: IvrInput, current: Ivr | undefined): IvrFields {
    const name = this.ivrs.claimName(input.name, current?.id);
    const divisionId = this.ctx.requireDivisionId(input.divisionId);
    const dnis = [...new Set(input.dnis ?? [])];
    const added = dnis.filter((n) => !current?.dnis.includes(n));
    if (added.length > MAX_NEW_DNIS_PER_REQUEST)
      throw invalidValue(
        "dnis",
        `At most ${MAX_NEW_DNIS_PER_REQUEST} DIDs may be added to an IVR per request (got ${added.length}): add the rest with further PUTs`,
      );
    for (const n of dnis) {
      if (!E164.test(n)) throw invalidValue("dnis", `The DID ${JSON.stringify(n)} in dnis is not an E.164 number`);
      if (!this.links.ownsDid(n))
        throw invalidValue("dnis", `The DID ${n} in dnis is not in any DID pool of this organization`);
      const owner = this.ownerOf(n, current?.id);
      // A number routes to one IVR: the API refuses a second assignment (message unverified).
      if (owner)
        throw new ApiError(
          400,
          "bad.request",
          `The DID ${n} is already assigned to IVR '${owner.name}'`,
          { number: n, ivr: owner.name },
          "The DID {number} is already assigned to IVR '{ivr}'",
        );
    }
    const fields: IvrFields = { name, divisionId, dnis };
    const flows = [
      ["openHoursFlow", input.openHoursFlowId],
      ["closedHoursFlow", input.closedHoursFlowId],
      ["holidayHoursFlow", input.holidayHoursFlowId],
    ] as const;
    for (const [field, id] of flows) if (id !== undefined) this.links.requireInboundFlow(field, id);
    if (input.openHoursFlowId !== undefined) fields.openHoursFlowId = input.openHoursFlowId;
    if (input.closedHoursFlowId !== undefined) fields.closedHoursFlowId = input.closedHoursFlowId;
    if (input.holidayHoursFlowId !== undefined) fields.holidayHoursFlowId = input.holidayHoursFlowId;
    if (input.scheduleGroupId !== undefined) {
      if (!this.links.scheduleGroupActive(input.scheduleGroupId))
        throw invalidValue("scheduleGroup", `Schedule group ${input.scheduleGroupId} in scheduleGroup does not exist`);
      fields.scheduleGroupId = input.scheduleGroupId;
    }
    if (input.description !== undefined) fields.description = input.description;
    return fields;
  }

  create(input: IvrInput): Ivr {
    const fields = this.fields(input, undefined);
    return this.ivrs.put({ ...fields, ...firstVersion(this.ctx.nowIso()) });
  }

  /** Versioned full replace: the current integer version is required (409 when stale). */
  replace(id: string, input: IvrInput & { version?: number }): Ivr {
    const current = this.ivrs.get(id, isActive);
    const stamp = nextVersion(current, input.version, this.ctx.nowIso());
    return this.ivrs.put({ ...this.fields(input, current), ...stamp });
  }

  /**
   * Soft delete: the IVR's numbers route nowhere and are free for another IVR. 409 while an emergency group applies
   * to it, as for flows and schedule groups in use (unverified for IVRs).
   */
  remove(id: string): void {
    const x = this.ivrs.get(id, isActive);
    const groups = this.links.emergencyGroupsUsing(id);
    if (groups.length)
      throw new ApiError(
        409,
        "general.conflict",
        `IVR ${x.name} is in use by emergency group(s): ${groups.join(", ")}`,
        { name: x.name },
        `IVR {name} is in use by emergency group(s): ${groups.join(", ")}`,
      );
    softDelete(x, this.ctx.nowIso());
    this.ctx.detach(x.divisionId, "IVR");
  }

  snapshot(): Ivr[] {
    return this.ivrs.snapshot();
  }
}
