import { Collection, isActive, softDelete } from "../collection";
import type { Language, Queue, QueueMembership, QueueSettings, Skill, WrapupCode } from "../entities";
import { byNameThenId } from "../entities";
import { ApiError, badRequest, invalidValue, notFound } from "../errors";
import { inList, startsWithFilter, wildcardFilter, type SortOrder } from "../filters";
import { newId } from "../ids";
import type { DivisionCount, OrgContext } from "../org-context";
import type { FlowType } from "../architect/archy";

export interface SkillFilter {
  name?: string;
  ids?: string[];
}

export type WrapupSortBy = "name" | "id";

export interface WrapupFilter {
  name?: string;
  ids?: string[];
  divisionIds?: string[];
  sortBy?: WrapupSortBy;
  sortOrder?: SortOrder;
}

export interface WrapupCodeInput {
  name: string;
  divisionId?: string;
  description?: string;
}

export interface LanguageFilter {
  name?: string;
  ids?: string[];
  sortOrder?: SortOrder;
}

/** A CreateQueueRequest / QueueRequest, division as an id. */
export interface QueueInput extends QueueSettings {
  name: string;
  divisionId?: string;
  description?: string;
}

export interface QueueFilter {
  /** Leading and/or trailing `*` wildcards; otherwise a case-insensitive prefix. */
  name?: string;
  ids?: string[];
  divisionIds?: string[];
  sortOrder?: SortOrder;
}

export interface RoutingInit {
  skills: Skill[];
  wrapupcodes: WrapupCode[];
  languages?: Language[];
  queues?: Queue[];
}

/** What queues refer to in other areas: in-queue and callback flows (Architect), callback sites (telephony). */
export interface RoutingLinks {
  requireFlowOfType(field: string, id: string, type: FlowType): void;
  flowExists(id: string): boolean;
  siteExists(id: string): boolean;
  edgeGroupExists(id: string): boolean;
  /** The email domain's id (its name, lower-cased) and whether `routeId` is one of its routes; undefined: no domain. */
  emailDomain(id: string): { id: string; hasRoute(routeId: string): boolean } | undefined;
  /** Directory: an active user, a group. */
  userExists(id: string): boolean;
  groupExists(id: string): boolean;
}

/** Queue members are added and removed at most 100 per request (TF routing_queue `postRoutingQueueMembers`). */
export const MAX_MEMBERS_PER_REQUEST = 100;

/**
 * Routing of one org: skills and languages (soft-deleted), wrap-up codes (hard-deleted), queues (deleted after
 * `queueDeleteDelayMs`) and the wrap-up codes assigned to queues.
 */
export class RoutingStore {
  private readonly skills: Collection<Skill>;
  private readonly wrapupcodes: Collection<WrapupCode>;
  private readonly languages: Collection<Language>;
  private readonly queues: Collection<Queue>;

  constructor(
    private readonly ctx: OrgContext,
    private readonly links: RoutingLinks,
    init: RoutingInit,
  ) {
    this.skills = new Collection(ctx, { kind: "skill", holdsName: isActive }, init.skills);
    this.wrapupcodes = new Collection(ctx, { kind: "wrap-up code" }, init.wrapupcodes);
    this.languages = new Collection(ctx, { kind: "language", holdsName: isActive }, init.languages ?? []);
    this.queues = new Collection(ctx, { kind: "queue" }, init.queues ?? []);
  }

  /** Whether an active object of a kind Archy YAML refers to by name exists (case-insensitive). */
  hasName(kind: "queue" | "wrapupCode" | "skill" | "language", name: string): boolean {
    const lower = name.toLowerCase();
    switch (kind) {
      case "queue":
        return this.activeQueues().some((q) => q.name.toLowerCase() === lower);
      case "wrapupCode":
        return this.wrapupcodes.hasName(name);
      case "skill":
        return this.skills.hasName(name);
      case "language":
        return this.languages.hasName(name);
    }
  }

  /** Objects in a division, by kind (soft-deleted ones do not count; queues count until gone). */
  countsInDivision(id: string): DivisionCount[] {
    return [
      [this.skills.all().filter((s) => isActive(s) && s.divisionId === id).length, "skill"],
      [this.wrapupcodes.all().filter((w) => w.divisionId === id).length, "wrap-up code"],
      [this.existingQueues().filter((q) => q.divisionId === id).length, "queue"],
    ];
  }

  // ---- skills ---------------------------------------------------------------------------------

  private isSkillVisible = (s: Skill): boolean => isActive(s) || this.ctx.settings().deletedSkillsVisible;

  listSkills(filter: SkillFilter = {}): Skill[] {
    const byName = startsWithFilter(filter.name);
    return this.skills.sorted((s) => this.isSkillVisible(s) && (!byName || byName(s.name)) && inList(filter.ids, s.id));
  }

  getSkill(id: string): Skill {
    return this.skills.get(id, this.isSkillVisible);
  }

  createSkill(input: { name: string; divisionId?: string }): Skill {
    const name = this.ctx.checkName("skill", input.name);
    const divisionId = this.ctx.requireDivisionId(input.divisionId);
    this.skills.assertNameFree(name, undefined);
    return this.skills.put({
      id: newId(),
      name,
      divisionId,
      dateModified: this.ctx.nowIso(),
      state: "active",
      version: 1,
    });
  }

  /** The only update Genesys offers for skills: move it to another division. */
  moveSkill(id: string, divisionId: string): Skill {
    const s = this.skills.get(id, isActive);
    s.divisionId = this.ctx.requireDivisionId(divisionId);
    s.version += 1;
    s.dateModified = this.ctx.nowIso();
    return s;
  }

  /** Soft delete: the skill stays, with state "deleted"; its name becomes free again. */
  deleteSkill(id: string): void {
    const s = this.skills.get(id, isActive);
    softDelete(s, this.ctx.nowIso());
    this.ctx.detach(s.divisionId, "skill");
  }

  // ---- wrap-up codes --------------------------------------------------------------------------

  listWrapupcodes(filter: WrapupFilter = {}): WrapupCode[] {
    const byName = startsWithFilter(filter.name);
    const list = this.wrapupcodes.sorted(
      (w) => (!byName || byName(w.name)) && inList(filter.ids, w.id) && inList(filter.divisionIds, w.divisionId),
    );
    if (filter.sortBy === "id") list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (filter.sortOrder === "descending") list.reverse();
    return list;
  }

  getWrapupcode(id: string): WrapupCode {
    return this.wrapupcodes.get(id);
  }

  /** POST, and PUT as a full replace: an omitted division means the home division, an omitted description is removed. */
  private putWrapupcode(input: WrapupCodeInput, existing: WrapupCode | undefined): WrapupCode {
    const name = this.wrapupcodes.claimName(input.name, existing?.id);
    const divisionId = this.ctx.requireDivisionId(input.divisionId);
    const now = this.ctx.nowIso();
    const code: WrapupCode = {
      id: existing?.id ?? newId(),
      name,
      divisionId,
      dateCreated: existing?.dateCreated ?? now,
      dateModified: now,
    };
    if (input.description !== undefined) code.description = input.description;
    return this.wrapupcodes.put(code);
  }

  createWrapupcode(input: WrapupCodeInput): WrapupCode {
    return this.putWrapupcode(input, undefined);
  }

  replaceWrapupcode(id: string, input: WrapupCodeInput): WrapupCode {
    return this.putWrapupcode(input, this.getWrapupcode(id));
  }

  /** Hard delete: GET afterwards is 404. A code a queue uses is 409, or unassigned (knob `wrapupCodeInUseConflict`). */
  deleteWrapupcode(id: string): void {
    const code = this.getWrapupcode(id);
    const users = this.existingQueues().filter((q) => q.wrapupCodeIds.includes(id));
    if (users.length > 0) {
      if (this.ctx.settings().wrapupCodeInUseConflict) {
        const names = users
          .sort(byNameThenId)
          .map((q) => q.name)
          .join(", ");
        throw new ApiError(
          409,
          "general.conflict",
          `Wrap-up code ${code.name} is in use by queue(s): ${names}`,
          { name: code.name },
          `Wrap-up code {name} is in use by queue(s): ${names}`,
        );
      }
      for (const q of users) q.wrapupCodeIds = q.wrapupCodeIds.filter((x) => x !== id);
    }
    this.wrapupcodes.remove(id);
    this.ctx.detach(code.divisionId, "wrap-up code");
  }

  // ---- languages ------------------------------------------------------------------------------

  private isLanguageVisible = (l: Language): boolean => isActive(l) || this.ctx.settings().deletedLanguagesVisible;

  listLanguages(filter: LanguageFilter = {}): Language[] {
    const byName = startsWithFilter(filter.name);
    return this.languages.sorted(
      (l) => this.isLanguageVisible(l) && (!byName || byName(l.name)) && inList(filter.ids, l.id),
      filter.sortOrder,
    );
  }

  getLanguage(id: string): Language {
    return this.languages.get(id, this.isLanguageVisible);
  }

  createLanguage(input: { name: string }): Language {
    const name = this.languages.claimName(input.name, undefined);
    return this.languages.put({ id: newId(), name, dateModified: this.ctx.nowIso(), state: "active", version: 1 });
  }

  /** Soft delete, like skills: state "deleted", the name becomes free. */
  deleteLanguage(id: string): void {
    softDelete(this.languages.get(id, isActive), this.ctx.nowIso());
  }

  // ---- queues ---------------------------------------------------------------------------------

  /** Queues that still exist (including those whose deletion is pending); gone ones are dropped. */
  private existingQueues(): Queue[] {
    const now = this.ctx.clock.now();
    for (const q of this.queues.all()) {
      if (q.goneAt === undefined || now < q.goneAt) continue;
      this.queues.remove(q.id);
      // Gone, but still attached to its division for a moment (knob divisionDetachDelayMs).
      this.ctx.detach(q.divisionId, "queue", q.goneAt);
    }
    return this.queues.all();
  }

  /** Queues the API still lists and lets you change: not deleted. */
  activeQueues(): Queue[] {
    return this.existingQueues().filter((q) => q.goneAt === undefined);
  }

  /** Names of the active queues whose in-queue flow fields name this flow. */
  queuesUsingFlow(flowId: string): string[] {
    return this.activeQueues()
      .filter((q) =>
        [q.settings.queueFlow, q.settings.emailInQueueFlow, q.settings.messageInQueueFlow].some(
          (r) => r?.id === flowId,
        ),
      )
      .sort(byNameThenId)
      .map((q) => q.name);
  }

  listQueues(filter: QueueFilter = {}): Queue[] {
    const byName = wildcardFilter(filter.name);
    const list = this.activeQueues()
      .filter((q) => !byName || byName(q.name))
      .filter((q) => inList(filter.ids, q.id))
      .filter((q) => inList(filter.divisionIds, q.divisionId))
      .sort(byNameThenId);
    if (filter.sortOrder === "descending") list.reverse();
    return list;
  }

  /** GET: a queue whose deletion is still pending is returned as it was. */
  getQueue(id: string): Queue {
    this.existingQueues();
    return this.queues.get(id);
  }

  private activeQueue(id: string): Queue {
    const q = this.getQueue(id);
    if (q.goneAt !== undefined) throw notFound();
    return q;
  }

  private queueRecord(
    input: QueueInput,
    selfId: string | undefined,
  ): Omit<Queue, "id" | "dateCreated" | "dateModified" | "wrapupCodeIds"> {
    const { name: rawName, divisionId: rawDivisionId, description, ...rest } = input;
    this.existingQueues();
    const name = this.queues.claimName(rawName, selfId);
    const divisionId = this.ctx.requireDivisionId(rawDivisionId);
    const settings: QueueSettings = structuredClone(rest);
    settings.skillEvaluationMethod ??= "ALL";
    if (settings.queueFlow) this.links.requireFlowOfType("queueFlow", settings.queueFlow.id, "INQUEUECALL");
    if (settings.emailInQueueFlow)
      this.links.requireFlowOfType("emailInQueueFlow", settings.emailInQueueFlow.id, "INQUEUEEMAIL");
    if (settings.messageInQueueFlow)
      this.links.requireFlowOfType("messageInQueueFlow", settings.messageInQueueFlow.id, "INQUEUESHORTMESSAGE");
    // Media settings that name other objects of the org (SDK CallbackMediaSettings, MessageMediaSettings):
    // an id of another org (a source org's) is not an object here, 400 as for the in-queue flows.
    const media = settings.mediaSettings as Record<string, Record<string, unknown> | undefined> | undefined;
    const refAt = (type: string, ...path: string[]): string | undefined => {
      let v: unknown = media?.[type];
      for (const k of path) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[k] : undefined;
      return typeof v === "object" && v !== null ? String((v as { id?: unknown }).id) : undefined;
    };
    for (const [field, id] of [
      ["mediaSettings.callback.liveVoiceFlow", refAt("callback", "liveVoiceFlow")],
      ["mediaSettings.callback.answeringMachineFlow", refAt("callback", "answeringMachineFlow")],
      [
        "mediaSettings.message.inactivityTimeoutSettings.flowId",
        refAt("message", "inactivityTimeoutSettings", "flowId"),
      ],
    ] as const) {
      if (id !== undefined && !this.links.flowExists(id))
        throw invalidValue(field, `Flow ${id} in ${field} does not exist`);
    }
    const siteId = refAt("callback", "site");
    if (siteId !== undefined && !this.links.siteExists(siteId)) {
      throw invalidValue("mediaSettings.callback.site", `Site ${siteId} in mediaSettings.callback.site does not exist`);
    }
    const edgeGroupId = refAt("callback", "edgeGroup");
    if (edgeGroupId !== undefined && !this.links.edgeGroupExists(edgeGroupId)) {
      throw invalidValue(
        "mediaSettings.callback.edgeGroup",
        `Edge group ${edgeGroupId} in mediaSettings.callback.edgeGroup does not exist`,
      );
    }
    // QueueEmailAddress {domain, route} (TF routing_queue `buildSdkQueueEmailAddress` sends both by id): the
    // route must be one of that domain's.
    const address = settings.outboundEmailAddress;
    if (address !== undefined) {
      const domain = address.domain && this.links.emailDomain(address.domain.id);
      if (!domain)
        throw invalidValue(
          "outboundEmailAddress.domain",
          `Email domain ${address.domain?.id ?? "(none)"} in outboundEmailAddress.domain does not exist`,
        );
      const routeId = address.route?.id;
      if (routeId === undefined || !domain.hasRoute(routeId))
        throw invalidValue(
          "outboundEmailAddress.route",
          `Route ${routeId ?? "(none)"} in outboundEmailAddress.route is not a route of ${domain.id}`,
        );
      settings.outboundEmailAddress = { domain: { id: domain.id }, route: { id: routeId } };
    }
    (settings.bullseye?.rings ?? []).forEach((ring, i) => {
      const field = `bullseye.rings[${i}].actions.skillsToRemove`;
      for (const ref of ring.actions?.skillsToRemove ?? []) {
        const skill = this.skills.find(ref.id);
        if (!skill || !isActive(skill)) throw invalidValue(field, `Skill ${ref.id} in ${field} does not exist`);
      }
    });
    (settings.conditionalGroupRouting?.rules ?? []).forEach((rule, i) => {
      const field = `conditionalGroupRouting.rules[${i}].queue`;
      // The first rule always evaluates the queue itself: the real API rejects a queue there (Terraform strips
      // it before every update: routing_queue `addCGRAndOEAAndCGA`, "remove queue_id from first CGR rule to
      // avoid api error"). The exact error code is not documented: knob-free, 400 invalid.value.
      if (i === 0 && rule.queue)
        throw invalidValue(
          field,
          `The first conditional group routing rule always applies to the queue itself: ${field} must not be set`,
        );
      if (i > 0 && rule.queue && !this.activeQueues().some((q) => q.id === rule.queue!.id))
        throw invalidValue(field, `Queue ${rule.queue.id} in ${field} does not exist`);
    });
    // SDK MemberGroup {id, type}: the emulator's directory holds groups (type GROUP); teams and skill groups
    // are not emulated, so naming one is refused rather than silently kept.
    (settings.memberGroups ?? []).forEach((g, i) => {
      const field = `memberGroups[${i}]`;
      if (g.type !== "GROUP")
        throw invalidValue(`${field}.type`, `Member group type ${g.type ?? "(none)"} is not emulated (only GROUP)`);
      if (!this.links.groupExists(g.id)) throw invalidValue(`${field}.id`, `Group ${g.id} in ${field} does not exist`);
    });
    const record: Omit<Queue, "id" | "dateCreated" | "dateModified" | "wrapupCodeIds"> = { name, divisionId, settings };
    if (description !== undefined) record.description = description;
    return record;
  }

  createQueue(input: QueueInput): Queue {
    const now = this.ctx.nowIso();
    return this.queues.put({
      id: newId(),
      ...this.queueRecord(input, undefined),
      dateCreated: now,
      dateModified: now,
      wrapupCodeIds: [],
    });
  }

  /**
   * PUT is a full replace (no version); assigned wrap-up codes are not part of the body and stay. The division
   * does not change by PUT: Terraform sends none in a queue update and moves queues with
   * `POST /authorization/divisions/{id}/objects/QUEUE` (routing_queue `updateRoutingQueue`, util `UpdateObjectDivision`).
   */
  replaceQueue(id: string, input: QueueInput): Queue {
    const existing = this.activeQueue(id);
    return this.queues.put({
      id,
      ...this.queueRecord({ ...input, divisionId: existing.divisionId }, id),
      dateCreated: existing.dateCreated,
      dateModified: this.ctx.nowIso(),
      wrapupCodeIds: existing.wrapupCodeIds,
      ...(existing.members ? { members: existing.members } : {}),
    });
  }

  /** Accepted at once; the queue is gone (GET 404) `queueDeleteDelayMs` later. */
  deleteQueue(id: string): void {
    const q = this.activeQueue(id);
    q.goneAt = this.ctx.clock.now() + this.ctx.settings().queueDeleteDelayMs;
    this.existingQueues();
  }

  /** `POST /authorization/divisions/{id}/objects/QUEUE`: every id must name an active queue (else 400, none moved). */
  moveQueues(divisionId: string, ids: string[]): void {
    const queues = ids.map((qid) => {
      const q = this.activeQueues().find((x) => x.id === qid);
      if (!q) throw invalidValue("body", `Queue ${qid} not found`);
      return q;
    });
    for (const q of queues) {
      q.divisionId = divisionId;
      q.dateModified = this.ctx.nowIso();
    }
  }

  listQueueWrapupcodes(queueId: string, filter: { name?: string } = {}): WrapupCode[] {
    const q = this.activeQueue(queueId);
    const byName = startsWithFilter(filter.name);
    return q.wrapupCodeIds
      .map((id) => this.wrapupcodes.find(id))
      .filter((w): w is WrapupCode => w !== undefined && (!byName || byName(w.name)))
      .sort(byNameThenId);
  }

  /** Adds codes (at most 100 per call, all-or-nothing); already assigned ones are fine. Returns the given codes. */
  addQueueWrapupcodes(queueId: string, ids: string[]): WrapupCode[] {
    const q = this.activeQueue(queueId);
    if (ids.length > 100) throw badRequest(`At most 100 wrap-up codes can be added per request (got ${ids.length}).`);
    const codes: WrapupCode[] = [];
    ids.forEach((id, i) => {
      const code = this.wrapupcodes.find(id);
      if (!code) throw invalidValue(`[${i}].id`, `Wrap-up code ${id} does not exist ([${i}].id)`);
      if (!codes.includes(code)) codes.push(code);
    });
    for (const code of codes) if (!q.wrapupCodeIds.includes(code.id)) q.wrapupCodeIds.push(code.id);
    return codes;
  }

  removeQueueWrapupcode(queueId: string, codeId: string): void {
    const q = this.activeQueue(queueId);
    if (!q.wrapupCodeIds.includes(codeId)) throw notFound();
    q.wrapupCodeIds = q.wrapupCodeIds.filter((x) => x !== codeId);
  }

  // ---- queue members (users added directly; group members are the directory's) ------------------

  /** The queue's direct members (a queue being deleted still answers, like GET of the queue). */
  queueMembers(queueId: string): QueueMembership[] {
    return [...(this.getQueue(queueId).members ?? [])];
  }

  /**
   * `POST /routing/queues/{id}/members` (`delete=false`): adds users at ring 1, at most 100 per request, all or
   * nothing; users already members stay as they are. An id that is no active user of the org is 400.
   */
  addQueueMembers(queueId: string, userIds: string[]): void {
    const q = this.activeQueue(queueId);
    this.checkMemberBatch(userIds);
    userIds.forEach((id, i) => {
      if (!this.links.userExists(id)) throw invalidValue(`[${i}].id`, `User ${id} does not exist ([${i}].id)`);
    });
    const members = (q.members ??= []);
    for (const id of userIds) if (!members.some((m) => m.userId === id)) members.push({ userId: id, ringNumber: 1 });
  }

  /** `POST /routing/queues/{id}/members?delete=true`: removes users; ids that are not members are ignored. */
  removeQueueMembers(queueId: string, userIds: string[]): void {
    const q = this.activeQueue(queueId);
    this.checkMemberBatch(userIds);
    q.members = (q.members ?? []).filter((m) => !userIds.includes(m.userId));
  }

  /** `PATCH /routing/queues/{id}/members/{memberId}`: a direct member's ring number (1-6: the bullseye rings). */
  setQueueMemberRing(queueId: string, userId: string, ringNumber: number): void {
    const q = this.activeQueue(queueId);
    const m = (q.members ?? []).find((x) => x.userId === userId);
    if (!m) throw notFound();
    m.ringNumber = ringNumber;
  }

  private checkMemberBatch(ids: string[]): void {
    if (ids.length > MAX_MEMBERS_PER_REQUEST)
      throw badRequest(`At most ${MAX_MEMBERS_PER_REQUEST} members can be changed per request (got ${ids.length}).`);
  }

  snapshot(): { skills: Skill[]; wrapupcodes: WrapupCode[]; languages: Language[]; queues: Queue[] } {
    const active = new Set(this.activeQueues().map((q) => q.id));
    return {
      skills: this.skills.snapshot(),
      wrapupcodes: this.wrapupcodes.snapshot(),
      languages: this.languages.snapshot(),
      // queues being deleted are left out
      queues: this.queues.snapshot((q) => active.has(q.id)),
    };
  }
}
