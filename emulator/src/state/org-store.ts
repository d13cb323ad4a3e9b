import { timingSafeEqual } from "node:crypto";
import type { Clock } from "../clock";
import {
  byNameThenId,
  type Division,
  type IssuedToken,
  type Language,
  type OAuthClient,
  type Queue,
  type QueueSettings,
  type Schedule,
  type ScheduleGroup,
  type Skill,
  type WrapupCode,
} from "./entities";
import { ApiError, badRequest, invalidValue, notFound, OAuthError } from "./errors";
import { FlowStore, type FlowRecord } from "./flows";
import { newId, newToken } from "./ids";
import { RateLimiter, type RateDecision } from "./rate-limiter";
import { checkRrule, checkTimeZone, normalizeLocalDateTime } from "./schedule-rules";
import { orgSettingsSchema, type OrgSettings, type OrgSettingsPatch } from "./settings";
import { TelephonyStore, type Site, type TrunkBaseRecord, type TrunkRecord } from "./telephony";
import { DataTableStore, type DataTableRecord } from "./datatables";
import { EmergencyGroupStore, type EmergencyGroupRecord } from "./emergencygroups";

export interface OrgInit {
  id: string;
  name: string;
  region: string;
  thirdPartyOrgName: string;
  domain: string;
  divisions: Division[];
  skills: Skill[];
  wrapupcodes: WrapupCode[];
  languages?: Language[];
  queues?: Queue[];
  schedules?: Schedule[];
  schedulegroups?: ScheduleGroup[];
  flows?: FlowRecord[];
  sites?: Site[];
  trunkbases?: TrunkBaseRecord[];
  trunks?: TrunkRecord[];
  datatables?: DataTableRecord[];
  emergencygroups?: EmergencyGroupRecord[];
  clients: OAuthClient[];
  settings: OrgSettings;
}

export interface SkillFilter {
  name?: string;
  ids?: string[];
}

export type WrapupSortBy = "name" | "id";
export type SortOrder = "ascending" | "descending";

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

export interface DivisionInput {
  name: string;
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

export interface OrgSnapshot {
  divisions: Division[];
  skills: Skill[];
  wrapupcodes: WrapupCode[];
  languages: Language[];
  /** Queues not (being) deleted. */
  queues: Queue[];
  schedules: Schedule[];
  schedulegroups: ScheduleGroup[];
}

function sameSecret(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Strips a trailing `*` wildcard and matches the rest as a case-insensitive prefix. */
function startsWithFilter(name: string | undefined): ((n: string) => boolean) | undefined {
  if (name === undefined || name === "") return undefined;
  const prefix = name.replace(/\*+$/, "").toLowerCase();
  return (n) => n.toLowerCase().startsWith(prefix);
}

/** `foo` / `foo*` prefix, `*foo` suffix, `*foo*` substring; case-insensitive. */
function wildcardFilter(name: string | undefined): ((n: string) => boolean) | undefined {
  if (name === undefined || name === "") return undefined;
  const leading = name.startsWith("*");
  const trailing = name.endsWith("*") && name.replace(/^\*+/, "") !== "";
  const core = name.replace(/^\*+/, "").replace(/\*+$/, "").toLowerCase();
  if (leading && trailing) return (n) => n.toLowerCase().includes(core);
  if (leading) return (n) => n.toLowerCase().endsWith(core);
  return (n) => n.toLowerCase().startsWith(core);
}

function inList(list: string[] | undefined, value: string): boolean {
  return !list || list.length === 0 || list.includes(value);
}

/** Name order (then id), reversed for `descending`. */
function sortByName<T extends { name: string; id: string }>(list: T[], order: SortOrder | undefined): T[] {
  list.sort(byNameThenId);
  if (order === "descending") list.reverse();
  return list;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

/**
 * One org: its divisions, routing skills, languages, wrap-up codes, queues, Architect schedules and schedule
 * groups, OAuth clients and issued tokens; Architect flows (`flows`) and telephony (`telephony`) live in their
 * own stores, which ask this one about divisions, names and queues.
 * Pure rules, no HTTP: every rule violation throws an ApiError / OAuthError.
 */
export class OrgStore {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly thirdPartyOrgName: string;
  readonly domain: string;
  settings: OrgSettings;
  private readonly divisions = new Map<string, Division>();
  private readonly skills = new Map<string, Skill>();
  private readonly wrapupcodes = new Map<string, WrapupCode>();
  private readonly languages = new Map<string, Language>();
  private readonly queues = new Map<string, Queue>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly schedulegroups = new Map<string, ScheduleGroup>();
  private readonly clients = new Map<string, OAuthClient>();
  private readonly tokens = new Map<string, IssuedToken>();
  /** Objects deleted a moment ago that still count in their division until `until` (knob `divisionDetachDelayMs`). */
  private detaching: { divisionId: string; kind: string; until: number }[] = [];
  /** Requests allowed per window: the per-minute limit scaled to the window length. */
  private windowBudget(): number {
    return Math.max(1, Math.round((this.settings.rateLimitPerMinute * this.settings.rateWindowSeconds) / 60));
  }
  private readonly limiter = new RateLimiter();
  readonly flows: FlowStore;
  readonly telephony: TelephonyStore;
  readonly datatables: DataTableStore;
  readonly emergencyGroups: EmergencyGroupStore;

  constructor(
    init: OrgInit,
    private readonly clock: Clock,
    /** Told every token this org issues (the emulator keeps a log for secret scans). */
    private readonly onTokenIssued: (token: string) => void = () => undefined,
    /** Every org of the emulator in this org's region (itself included): BYOC termination URIs are unique per region. */
    regionOrgs: () => OrgStore[] = () => [this],
  ) {
    this.id = init.id;
    this.name = init.name;
    this.region = init.region;
    this.thirdPartyOrgName = init.thirdPartyOrgName;
    this.domain = init.domain;
    this.settings = structuredClone(init.settings);
    for (const d of init.divisions) this.divisions.set(d.id, { ...d });
    for (const s of init.skills) this.skills.set(s.id, { ...s });
    for (const w of init.wrapupcodes) this.wrapupcodes.set(w.id, { ...w });
    for (const l of init.languages ?? []) this.languages.set(l.id, { ...l });
    for (const q of init.queues ?? []) this.queues.set(q.id, structuredClone(q));
    for (const sc of init.schedules ?? []) this.schedules.set(sc.id, { ...sc });
    for (const g of init.schedulegroups ?? []) this.schedulegroups.set(g.id, structuredClone(g));
    for (const c of init.clients) this.clients.set(c.clientId, { ...c });
    if ([...this.divisions.values()].filter((d) => d.homeDivision).length !== 1) {
      throw new Error(`org ${init.name} must have exactly one home division`);
    }
    const shared = {
      clock,
      settings: () => this.settings,
      requireDivisionId: (id: string | undefined) => this.requireDivision(id).id,
      checkName: (kind: string, raw: string) => this.checkName(kind, raw),
      duplicate: (kind: string, name: string) => this.duplicate(kind, name),
    };
    this.flows = new FlowStore(
      {
        ...shared,
        homeDivisionId: () => this.homeDivision().id,
        divisionIdByName: (name) =>
          [...this.divisions.values()].find((d) => d.name.toLowerCase() === name.toLowerCase())?.id,
        exists: (kind, name) => this.namedObjectExists(kind, name),
        queuesUsingFlow: (flowId) =>
          this.existingQueues()
            .filter((q) =>
              [q.settings.queueFlow, q.settings.emailInQueueFlow, q.settings.messageInQueueFlow].some(
                (r) => r?.id === flowId,
              ),
            )
            .sort(byNameThenId)
            .map((q) => q.name),
        otherUsersOfFlow: (flowId) => {
          const groups = this.emergencyGroups.usingFlow(flowId);
          return groups.length ? [`emergency group(s): ${groups.join(", ")}`] : [];
        },
      },
      init.flows ?? [],
    );
    const terminationUriOwner = (uri: string, exceptId: string | undefined): string | undefined => {
      for (const org of regionOrgs()) {
        const owner = org.telephony.terminationUriUser(uri, exceptId);
        // another org's trunk is not named to this one
        if (owner !== undefined) return org === this ? `trunk base settings '${owner}'` : "another org";
      }
      return undefined;
    };
    this.telephony = new TelephonyStore(
      { ...shared, terminationUriOwner },
      { sites: init.sites ?? [], trunkbases: init.trunkbases ?? [], trunks: init.trunks ?? [] },
    );
    this.datatables = new DataTableStore(
      { ...shared, flowsNaming: (name) => this.flows.publishedNaming("dataTable", name) },
      init.datatables ?? [],
    );
    this.emergencyGroups = new EmergencyGroupStore(
      { ...shared, flowType: (id) => this.flows.findFlow(id)?.type },
      init.emergencygroups ?? [],
    );
  }

  /** Whether an active object of a kind Archy YAML refers to by name exists (case-insensitive). */
  private namedObjectExists(
    kind: "queue" | "scheduleGroup" | "schedule" | "wrapupCode" | "skill" | "language" | "dataTable" | "emergencyGroup",
    name: string,
  ): boolean {
    const lower = name.toLowerCase();
    const named = (list: { name: string }[]): boolean => list.some((x) => x.name.toLowerCase() === lower);
    switch (kind) {
      case "queue":
        return named(this.activeQueues());
      case "scheduleGroup":
        return named([...this.schedulegroups.values()].filter((g) => g.state === "active"));
      case "schedule":
        return named([...this.schedules.values()].filter((x) => x.state === "active"));
      case "wrapupCode":
        return named([...this.wrapupcodes.values()]);
      case "skill":
        return named([...this.skills.values()].filter((x) => x.state === "active"));
      case "language":
        return named([...this.languages.values()].filter((x) => x.state === "active"));
      case "dataTable":
        return this.datatables.exists(name);
      case "emergencyGroup":
        return this.emergencyGroups.exists(name);
    }
  }

  /** Emulator time (epoch ms). */
  now(): number {
    return this.clock.now();
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  // ---- settings -------------------------------------------------------------------------------

  mergeSettings(patch: OrgSettingsPatch): OrgSettings {
    this.settings = orgSettingsSchema.parse({ ...this.settings, ...patch });
    return this.settings;
  }

  // ---- OAuth ----------------------------------------------------------------------------------

  listClients(): OAuthClient[] {
    return [...this.clients.values()];
  }

  /** Checks a client id / secret pair (constant-time secret comparison). */
  authenticateClient(clientId: string, clientSecret: string): OAuthClient {
    const client = this.clients.get(clientId);
    if (!client || !sameSecret(client.clientSecret, clientSecret)) {
      throw new OAuthError(401, "invalid_client", "Invalid client credentials");
    }
    return client;
  }

  /** Issues an opaque token bound to this org; lifetime from `tokenLifetimeSeconds`. */
  issueToken(client: OAuthClient): IssuedToken {
    const now = this.clock.now();
    const issued: IssuedToken = {
      token: newToken(),
      clientId: client.clientId,
      issuedAt: now,
      expiresAt: now + this.settings.tokenLifetimeSeconds * 1000,
    };
    this.tokens.set(issued.token, issued);
    this.onTokenIssued(issued.token);
    return issued;
  }

  /** Resolves a bearer token issued by this org; tokens of other orgs are simply unknown here. */
  authenticate(token: string): IssuedToken {
    const issued = this.tokens.get(token);
    if (!issued) throw new ApiError(401, "bad.credentials", "Invalid login credentials.");
    if (this.clock.now() >= issued.expiresAt) {
      throw new ApiError(401, "credentials.expired", "The supplied credentials are expired and cannot be used.");
    }
    return issued;
  }

  revokeTokens(): number {
    const n = this.tokens.size;
    for (const t of this.tokens.keys()) this.limiter.forget(t);
    this.tokens.clear();
    return n;
  }

  /** Counts a request against the token's per-minute budget (429s do not consume it). */
  takeRequest(token: string): RateDecision {
    return this.limiter.take(token, this.windowBudget(), this.clock.now(), this.settings.rateWindowSeconds * 1000);
  }

  peekRequests(token: string | undefined): RateDecision {
    return this.limiter.peek(
      token ?? "",
      this.windowBudget(),
      this.clock.now(),
      this.settings.rateWindowSeconds * 1000,
    );
  }

  // ---- divisions ------------------------------------------------------------------------------

  homeDivision(): Division {
    for (const d of this.divisions.values()) if (d.homeDivision) return d;
    throw new Error(`org ${this.name} has no home division`);
  }

  getDivision(id: string): Division {
    const d = this.divisions.get(id);
    if (!d) throw notFound();
    return d;
  }

  findDivision(id: string): Division | undefined {
    return this.divisions.get(id);
  }

  listDivisions(filter: { name?: string; ids?: string[] } = {}): Division[] {
    return [...this.divisions.values()]
      .filter((d) => filter.name === undefined || d.name === filter.name)
      .filter((d) => !filter.ids || filter.ids.length === 0 || filter.ids.includes(d.id))
      .sort(byNameThenId);
  }

  /** The division an object is created in or written to: it must exist, and the client's role must be granted it. */
  private requireDivision(id: string | undefined): Division {
    const d = id === undefined ? this.homeDivision() : this.divisions.get(id);
    if (!d) throw invalidValue("division", `Division ${id} not found`);
    const granted = this.settings.grantedDivisions;
    if (granted !== null && !granted.some((g) => g === d.id || g.toLowerCase() === d.name.toLowerCase())) {
      // Division-scoped permissions: a role grants each permission in chosen divisions or in all of them.
      const template = "You are not authorized to perform the requested action in division {division}.";
      throw new ApiError(
        403,
        "missing.permissions",
        template.replace("{division}", d.name),
        { division: d.name },
        template,
      );
    }
    return d;
  }

  private checkName(kind: string, raw: string): string {
    const name = raw.trim();
    if (name === "") throw invalidValue("name", `The ${kind} field 'name' is required and must not be blank`);
    if (name.length > this.settings.maxNameLength) {
      throw invalidValue(
        "name",
        `The ${kind} field 'name' must be at most ${this.settings.maxNameLength} characters (got ${name.length})`,
      );
    }
    return name;
  }

  private duplicate(kind: string, name: string): ApiError {
    const { status, code } = this.settings.duplicateName;
    return new ApiError(
      status,
      code,
      `A ${kind} with name '${name}' already exists`,
      { name },
      `A ${kind} with name '{name}' already exists`,
    );
  }

  private checkDivisionName(raw: string, selfId?: string): string {
    const name = this.checkName("division", raw);
    const lower = name.toLowerCase();
    for (const d of this.divisions.values()) {
      if (d.id !== selfId && d.name.toLowerCase() === lower) throw this.duplicate("division", name);
    }
    return name;
  }

  createDivision(input: DivisionInput): Division {
    const name = this.checkDivisionName(input.name);
    const division: Division = { id: newId(), name, description: input.description ?? "", homeDivision: false };
    this.divisions.set(division.id, division);
    return division;
  }

  /** PUT: name and description are replaced; the home flag stays (the home division can be renamed). */
  replaceDivision(id: string, input: DivisionInput): Division {
    const d = this.getDivision(id);
    d.name = this.checkDivisionName(input.name, id);
    d.description = input.description ?? "";
    return d;
  }

  /** Records that an object left its division now; it still counts there for `divisionDetachDelayMs`. */
  private detach(divisionId: string, kind: string): void {
    if (this.settings.divisionDetachDelayMs > 0)
      this.detaching.push({ divisionId, kind, until: this.clock.now() + this.settings.divisionDetachDelayMs });
  }

  /** Objects still in a division, by kind (soft-deleted ones do not count once detached; queues count until gone). */
  private divisionContents(id: string): string[] {
    const now = this.clock.now();
    this.detaching = this.detaching.filter((d) => d.until > now);
    const detaching = (kind: string) => this.detaching.filter((d) => d.divisionId === id && d.kind === kind).length;
    const counts: [number, string][] = [
      [
        [...this.skills.values()].filter((s) => s.state === "active" && s.divisionId === id).length +
          detaching("skill"),
        "skill",
      ],
      [
        [...this.wrapupcodes.values()].filter((w) => w.divisionId === id).length + detaching("wrap-up code"),
        "wrap-up code",
      ],
      [this.existingQueues().filter((q) => q.divisionId === id).length + detaching("queue"), "queue"],
      [
        [...this.schedules.values()].filter((x) => x.state === "active" && x.divisionId === id).length +
          detaching("schedule"),
        "schedule",
      ],
      [
        [...this.schedulegroups.values()].filter((g) => g.state === "active" && g.divisionId === id).length +
          detaching("schedule group"),
        "schedule group",
      ],
      [this.flows.countInDivision(id), "flow"],
      [this.telephony.countInDivision(id), "trunk base setting"],
      [this.datatables.countInDivision(id), "data table"],
      [this.emergencyGroups.countInDivision(id), "emergency group"],
    ];
    return counts.filter(([n]) => n > 0).map(([n, what]) => plural(n, what));
  }

  /** Hard delete of an empty, non-home division. */
  deleteDivision(id: string): void {
    const d = this.getDivision(id);
    if (d.homeDivision) throw badRequest(`The home division ${d.name} cannot be deleted.`);
    const contents = this.divisionContents(id);
    if (contents.length > 0) {
      // 400: Terraform retries exactly this status while objects detach (auth_division `deleteAuthDivision`,
      // RetryWhen(IsStatus400)); the code and wording are unverified.
      throw new ApiError(
        400,
        "bad.request",
        `Division ${d.name} is not empty: it contains ${contents.join(", ")}.`,
        { name: d.name },
        `Division {name} is not empty: it contains ${contents.join(", ")}.`,
      );
    }
    this.divisions.delete(id);
  }

  /**
   * `POST /authorization/divisions/{divisionId}/objects/{objectType}` (SDK `postAuthorizationDivisionObject`):
   * moves objects of one type into a division. The SDK lists CAMPAIGN, MANAGEMENTUNIT, FLOW, QUEUE, DATATABLES
   * and USER; of those the emulator holds queues and flows. Every id must name an object of the type (else 400,
   * nothing moved).
   */
  moveObjectsToDivision(divisionId: string, objectType: string, ids: string[]): void {
    const division = this.getDivision(divisionId);
    if (objectType === "QUEUE") {
      const queues = ids.map((qid) => {
        const q = this.activeQueues().find((x) => x.id === qid);
        if (!q) throw invalidValue("body", `Queue ${qid} not found`);
        return q;
      });
      for (const q of queues) {
        q.divisionId = division.id;
        q.dateModified = this.nowIso();
      }
      return;
    }
    throw invalidValue("objectType", `Moving objects of type ${objectType} is not emulated (only QUEUE)`);
  }

  // ---- routing skills -------------------------------------------------------------------------

  private isVisible(s: Skill): boolean {
    return s.state === "active" || this.settings.deletedSkillsVisible;
  }

  listSkills(filter: SkillFilter = {}): Skill[] {
    const byName = startsWithFilter(filter.name);
    return [...this.skills.values()]
      .filter((s) => this.isVisible(s))
      .filter((s) => !byName || byName(s.name))
      .filter((s) => !filter.ids || filter.ids.length === 0 || filter.ids.includes(s.id))
      .sort(byNameThenId);
  }

  getSkill(id: string): Skill {
    const s = this.skills.get(id);
    if (!s || !this.isVisible(s)) throw notFound();
    return s;
  }

  createSkill(input: { name: string; divisionId?: string }): Skill {
    const name = this.checkName("skill", input.name);
    const division = this.requireDivision(input.divisionId);
    const lower = name.toLowerCase();
    for (const s of this.skills.values()) {
      if (s.state === "active" && s.name.toLowerCase() === lower) throw this.duplicate("skill", name);
    }
    const skill: Skill = {
      id: newId(),
      name,
      divisionId: division.id,
      dateModified: this.nowIso(),
      state: "active",
      version: 1,
    };
    this.skills.set(skill.id, skill);
    return skill;
  }

  /** The only update Genesys offers for skills: move it to another division. */
  moveSkill(id: string, divisionId: string): Skill {
    const s = this.skills.get(id);
    if (!s || s.state !== "active") throw notFound();
    const division = this.requireDivision(divisionId);
    s.divisionId = division.id;
    s.version += 1;
    s.dateModified = this.nowIso();
    return s;
  }

  /** Soft delete: the skill stays, with state "deleted"; its name becomes free again. */
  deleteSkill(id: string): void {
    const s = this.skills.get(id);
    if (!s || s.state !== "active") throw notFound();
    s.state = "deleted";
    s.version += 1;
    s.dateModified = this.nowIso();
    this.detach(s.divisionId, "skill");
  }

  // ---- wrap-up codes --------------------------------------------------------------------------

  listWrapupcodes(filter: WrapupFilter = {}): WrapupCode[] {
    const byName = startsWithFilter(filter.name);
    const list = [...this.wrapupcodes.values()]
      .filter((w) => !byName || byName(w.name))
      .filter((w) => !filter.ids || filter.ids.length === 0 || filter.ids.includes(w.id))
      .filter(
        (w) => !filter.divisionIds || filter.divisionIds.length === 0 || filter.divisionIds.includes(w.divisionId),
      );
    if (filter.sortBy === "id") list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    else list.sort(byNameThenId);
    if (filter.sortOrder === "descending") list.reverse();
    return list;
  }

  getWrapupcode(id: string): WrapupCode {
    const w = this.wrapupcodes.get(id);
    if (!w) throw notFound();
    return w;
  }

  private checkWrapupName(raw: string, selfId?: string): string {
    const name = this.checkName("wrap-up code", raw);
    const lower = name.toLowerCase();
    for (const w of this.wrapupcodes.values()) {
      if (w.id !== selfId && w.name.toLowerCase() === lower) throw this.duplicate("wrap-up code", name);
    }
    return name;
  }

  createWrapupcode(input: WrapupCodeInput): WrapupCode {
    const name = this.checkWrapupName(input.name);
    const division = this.requireDivision(input.divisionId);
    const now = this.nowIso();
    const code: WrapupCode = { id: newId(), name, divisionId: division.id, dateCreated: now, dateModified: now };
    if (input.description !== undefined) code.description = input.description;
    this.wrapupcodes.set(code.id, code);
    return code;
  }

  /** PUT is a full replace: an omitted division means the home division, an omitted description is removed. */
  replaceWrapupcode(id: string, input: WrapupCodeInput): WrapupCode {
    const existing = this.getWrapupcode(id);
    const name = this.checkWrapupName(input.name, id);
    const division = this.requireDivision(input.divisionId);
    const next: WrapupCode = {
      id,
      name,
      divisionId: division.id,
      dateCreated: existing.dateCreated,
      dateModified: this.nowIso(),
    };
    if (input.description !== undefined) next.description = input.description;
    this.wrapupcodes.set(id, next);
    return next;
  }

  /** Hard delete: GET afterwards is 404. A code a queue uses is 409, or unassigned (knob `wrapupCodeInUseConflict`). */
  deleteWrapupcode(id: string): void {
    const code = this.getWrapupcode(id);
    const users = this.existingQueues().filter((q) => q.wrapupCodeIds.includes(id));
    if (users.length > 0) {
      if (this.settings.wrapupCodeInUseConflict) {
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
    this.wrapupcodes.delete(id);
    this.detach(code.divisionId, "wrap-up code");
  }

  // ---- routing languages ----------------------------------------------------------------------

  private isLanguageVisible(l: Language): boolean {
    return l.state === "active" || this.settings.deletedLanguagesVisible;
  }

  listLanguages(filter: LanguageFilter = {}): Language[] {
    const byName = startsWithFilter(filter.name);
    const list = [...this.languages.values()]
      .filter((l) => this.isLanguageVisible(l))
      .filter((l) => !byName || byName(l.name))
      .filter((l) => inList(filter.ids, l.id));
    return sortByName(list, filter.sortOrder);
  }

  getLanguage(id: string): Language {
    const l = this.languages.get(id);
    if (!l || !this.isLanguageVisible(l)) throw notFound();
    return l;
  }

  createLanguage(input: { name: string }): Language {
    const name = this.checkName("language", input.name);
    const lower = name.toLowerCase();
    for (const l of this.languages.values()) {
      if (l.state === "active" && l.name.toLowerCase() === lower) throw this.duplicate("language", name);
    }
    const language: Language = { id: newId(), name, dateModified: this.nowIso(), state: "active", version: 1 };
    this.languages.set(language.id, language);
    return language;
  }

  /** Soft delete, like skills: state "deleted", the name becomes free. */
  deleteLanguage(id: string): void {
    const l = this.languages.get(id);
    if (!l || l.state !== "active") throw notFound();
    l.state = "deleted";
    l.version += 1;
    l.dateModified = this.nowIso();
  }

  // ---- routing queues -------------------------------------------------------------------------

  /** Queues that still exist (including those whose deletion is pending); gone ones are dropped. */
  private existingQueues(): Queue[] {
    const now = this.clock.now();
    for (const [id, q] of this.queues) {
      if (q.goneAt === undefined || now < q.goneAt) continue;
      this.queues.delete(id);
      // Gone, but still attached to its division for a moment (knob divisionDetachDelayMs).
      const until = q.goneAt + this.settings.divisionDetachDelayMs;
      if (until > now) this.detaching.push({ divisionId: q.divisionId, kind: "queue", until });
    }
    return [...this.queues.values()];
  }

  /** Queues the API still lists and lets you change: not deleted. */
  private activeQueues(): Queue[] {
    return this.existingQueues().filter((q) => q.goneAt === undefined);
  }

  listQueues(filter: QueueFilter = {}): Queue[] {
    const byName = wildcardFilter(filter.name);
    const list = this.activeQueues()
      .filter((q) => !byName || byName(q.name))
      .filter((q) => inList(filter.ids, q.id))
      .filter((q) => inList(filter.divisionIds, q.divisionId));
    return sortByName(list, filter.sortOrder);
  }

  /** GET: a queue whose deletion is still pending is returned as it was. */
  getQueue(id: string): Queue {
    const q = this.existingQueues().find((x) => x.id === id);
    if (!q) throw notFound();
    return q;
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
    const { name: rawName, divisionId, description, ...rest } = input;
    const name = this.checkName("queue", rawName);
    const lower = name.toLowerCase();
    for (const q of this.existingQueues()) {
      if (q.id !== selfId && q.name.toLowerCase() === lower) throw this.duplicate("queue", name);
    }
    const division = this.requireDivision(divisionId);
    const settings: QueueSettings = structuredClone(rest);
    settings.skillEvaluationMethod ??= "ALL";
    if (settings.queueFlow) this.flows.requireFlowOfType("queueFlow", settings.queueFlow.id, "INQUEUECALL");
    if (settings.emailInQueueFlow)
      this.flows.requireFlowOfType("emailInQueueFlow", settings.emailInQueueFlow.id, "INQUEUEEMAIL");
    if (settings.messageInQueueFlow)
      this.flows.requireFlowOfType("messageInQueueFlow", settings.messageInQueueFlow.id, "INQUEUESHORTMESSAGE");
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
      if (id !== undefined && !this.flows.findFlow(id))
        throw invalidValue(field, `Flow ${id} in ${field} does not exist`);
    }
    const siteId = refAt("callback", "site");
    if (siteId !== undefined && !this.telephony.listSites().some((s) => s.id === siteId)) {
      throw invalidValue("mediaSettings.callback.site", `Site ${siteId} in mediaSettings.callback.site does not exist`);
    }
    (settings.bullseye?.rings ?? []).forEach((ring, i) => {
      const field = `bullseye.rings[${i}].actions.skillsToRemove`;
      for (const ref of ring.actions?.skillsToRemove ?? []) {
        const skill = this.skills.get(ref.id);
        if (!skill || skill.state !== "active") throw invalidValue(field, `Skill ${ref.id} in ${field} does not exist`);
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
    const record: Omit<Queue, "id" | "dateCreated" | "dateModified" | "wrapupCodeIds"> = {
      name,
      divisionId: division.id,
      settings,
    };
    if (description !== undefined) record.description = description;
    return record;
  }

  createQueue(input: QueueInput): Queue {
    const now = this.nowIso();
    const queue: Queue = {
      id: newId(),
      ...this.queueRecord(input, undefined),
      dateCreated: now,
      dateModified: now,
      wrapupCodeIds: [],
    };
    this.queues.set(queue.id, queue);
    return queue;
  }

  /**
   * PUT is a full replace (no version); assigned wrap-up codes are not part of the body and stay. The division
   * does not change by PUT: Terraform sends none in a queue update and moves queues with
   * `POST /authorization/divisions/{id}/objects/QUEUE` (routing_queue `updateRoutingQueue`, util `UpdateObjectDivision`).
   */
  replaceQueue(id: string, input: QueueInput): Queue {
    const existing = this.activeQueue(id);
    const next: Queue = {
      id,
      ...this.queueRecord({ ...input, divisionId: existing.divisionId }, id),
      dateCreated: existing.dateCreated,
      dateModified: this.nowIso(),
      wrapupCodeIds: existing.wrapupCodeIds,
    };
    this.queues.set(id, next);
    return next;
  }

  /** Accepted at once; the queue is gone (GET 404) `queueDeleteDelayMs` later. */
  deleteQueue(id: string): void {
    const q = this.activeQueue(id);
    q.goneAt = this.clock.now() + this.settings.queueDeleteDelayMs;
    this.existingQueues();
  }

  listQueueWrapupcodes(queueId: string, filter: { name?: string } = {}): WrapupCode[] {
    const q = this.activeQueue(queueId);
    const byName = startsWithFilter(filter.name);
    return q.wrapupCodeIds
      .map((id) => this.wrapupcodes.get(id))
      .filter((w): w is WrapupCode => w !== undefined && (!byName || byName(w.name)))
      .sort(byNameThenId);
  }

  /** Adds codes (at most 100 per call, all-or-nothing); already assigned ones are fine. Returns the given codes. */
  addQueueWrapupcodes(queueId: string, ids: string[]): WrapupCode[] {
    const q = this.activeQueue(queueId);
    if (ids.length > 100) throw badRequest(`At most 100 wrap-up codes can be added per request (got ${ids.length}).`);
    const codes: WrapupCode[] = [];
    ids.forEach((id, i) => {
      const code = this.wrapupcodes.get(id);
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

  // ---- architect schedules --------------------------------------------------------------------

  private checkVersion(given: number | undefined, current: number): void {
    if (given === undefined)
      throw invalidValue("version", "The field 'version' is required: send the current version of the object");
    if (given !== current) throw new ApiError(409, "general.conflict", "Version does not match current version.");
  }

  listSchedules(filter: ArchitectFilter = {}): Schedule[] {
    const byName = wildcardFilter(filter.name);
    const list = [...this.schedules.values()]
      .filter((x) => x.state === "active")
      .filter((x) => !byName || byName(x.name))
      .filter((x) => inList(filter.divisionIds, x.divisionId));
    return sortByName(list, filter.sortOrder);
  }

  /** GET: deleted schedules are returned with state "deleted". */
  getSchedule(id: string): Schedule {
    const x = this.schedules.get(id);
    if (!x) throw notFound();
    return x;
  }

  private activeSchedule(id: string): Schedule {
    const x = this.getSchedule(id);
    if (x.state !== "active") throw notFound();
    return x;
  }

  private scheduleFields(
    input: ScheduleInput,
    selfId: string | undefined,
  ): Pick<Schedule, "name" | "divisionId" | "description" | "start" | "end" | "rrule"> {
    const name = this.checkName("schedule", input.name);
    const lower = name.toLowerCase();
    for (const x of this.schedules.values()) {
      if (x.id !== selfId && x.state === "active" && x.name.toLowerCase() === lower)
        throw this.duplicate("schedule", name);
    }
    const division = this.requireDivision(input.divisionId);
    const start = normalizeLocalDateTime("start", input.start);
    const end = normalizeLocalDateTime("end", input.end);
    if (end <= start) throw invalidValue("end", `The schedule end [${end}] must be after its start [${start}]`);
    const fields: Pick<Schedule, "name" | "divisionId" | "description" | "start" | "end" | "rrule"> = {
      name,
      divisionId: division.id,
      start,
      end,
    };
    if (input.description !== undefined) fields.description = input.description;
    if (input.rrule !== undefined && input.rrule !== "") fields.rrule = checkRrule(input.rrule);
    return fields;
  }

  createSchedule(input: ScheduleInput): Schedule {
    const fields = this.scheduleFields(input, undefined);
    const now = this.nowIso();
    const schedule: Schedule = {
      id: newId(),
      ...fields,
      version: 1,
      state: "active",
      dateCreated: now,
      dateModified: now,
    };
    this.schedules.set(schedule.id, schedule);
    return schedule;
  }

  /** Versioned full replace: the current integer version is required (409 when stale). */
  replaceSchedule(id: string, input: ScheduleInput & { version?: number }): Schedule {
    const existing = this.activeSchedule(id);
    this.checkVersion(input.version, existing.version);
    const next: Schedule = {
      id,
      ...this.scheduleFields(input, id),
      version: existing.version + 1,
      state: "active",
      dateCreated: existing.dateCreated,
      dateModified: this.nowIso(),
    };
    this.schedules.set(id, next);
    return next;
  }

  /** Soft delete; 409 while an active schedule group references the schedule. */
  deleteSchedule(id: string): void {
    const x = this.activeSchedule(id);
    const users = [...this.schedulegroups.values()]
      .filter(
        (g) =>
          g.state === "active" && [...g.openScheduleIds, ...g.closedScheduleIds, ...g.holidayScheduleIds].includes(id),
      )
      .sort(byNameThenId);
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
    x.state = "deleted";
    this.detach(x.divisionId, "schedule");
    x.version += 1;
    x.dateModified = this.nowIso();
  }

  // ---- architect schedule groups --------------------------------------------------------------

  listScheduleGroups(filter: ArchitectFilter = {}): ScheduleGroup[] {
    const byName = wildcardFilter(filter.name);
    const wanted = filter.scheduleIds ?? [];
    const list = [...this.schedulegroups.values()]
      .filter((g) => g.state === "active")
      .filter((g) => !byName || byName(g.name))
      .filter((g) => inList(filter.divisionIds, g.divisionId))
      .filter(
        (g) =>
          wanted.length === 0 ||
          [...g.openScheduleIds, ...g.closedScheduleIds, ...g.holidayScheduleIds].some((s) => wanted.includes(s)),
      );
    return sortByName(list, filter.sortOrder);
  }

  getScheduleGroup(id: string): ScheduleGroup {
    const g = this.schedulegroups.get(id);
    if (!g) throw notFound();
    return g;
  }

  private activeScheduleGroup(id: string): ScheduleGroup {
    const g = this.getScheduleGroup(id);
    if (g.state !== "active") throw notFound();
    return g;
  }

  private scheduleRefs(field: string, ids: string[] | undefined): string[] {
    return (ids ?? []).map((id) => {
      const x = this.schedules.get(id);
      if (!x || x.state !== "active") throw invalidValue(field, `Schedule ${id} in ${field} does not exist`);
      return id;
    });
  }

  private scheduleGroupFields(
    input: ScheduleGroupInput,
    selfId: string | undefined,
  ): Omit<ScheduleGroup, "id" | "version" | "state" | "dateCreated" | "dateModified"> {
    const name = this.checkName("schedule group", input.name);
    const lower = name.toLowerCase();
    for (const g of this.schedulegroups.values()) {
      if (g.id !== selfId && g.state === "active" && g.name.toLowerCase() === lower)
        throw this.duplicate("schedule group", name);
    }
    const division = this.requireDivision(input.divisionId);
    const fields: Omit<ScheduleGroup, "id" | "version" | "state" | "dateCreated" | "dateModified"> = {
      name,
      divisionId: division.id,
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
    const now = this.nowIso();
    const group: ScheduleGroup = {
      id: newId(),
      ...fields,
      version: 1,
      state: "active",
      dateCreated: now,
      dateModified: now,
    };
    this.schedulegroups.set(group.id, group);
    return group;
  }

  replaceScheduleGroup(id: string, input: ScheduleGroupInput & { version?: number }): ScheduleGroup {
    const existing = this.activeScheduleGroup(id);
    this.checkVersion(input.version, existing.version);
    const next: ScheduleGroup = {
      id,
      ...this.scheduleGroupFields(input, id),
      version: existing.version + 1,
      state: "active",
      dateCreated: existing.dateCreated,
      dateModified: this.nowIso(),
    };
    this.schedulegroups.set(id, next);
    return next;
  }

  /** Soft delete (nothing references groups yet: IVRs are not emulated). */
  deleteScheduleGroup(id: string): void {
    const g = this.activeScheduleGroup(id);
    g.state = "deleted";
    this.detach(g.divisionId, "schedule group");
    g.version += 1;
    g.dateModified = this.nowIso();
  }

  // ---- dump -----------------------------------------------------------------------------------

  /** Everything stored, in deterministic order (name, then id), ignoring visibility knobs (queues being deleted excepted). */
  snapshot(): OrgSnapshot {
    return {
      divisions: [...this.divisions.values()].sort(byNameThenId).map((d) => ({ ...d })),
      skills: [...this.skills.values()].sort(byNameThenId).map((s) => ({ ...s })),
      wrapupcodes: [...this.wrapupcodes.values()].sort(byNameThenId).map((w) => ({ ...w })),
      languages: [...this.languages.values()].sort(byNameThenId).map((l) => ({ ...l })),
      queues: this.activeQueues()
        .sort(byNameThenId)
        .map((q) => structuredClone(q)),
      schedules: [...this.schedules.values()].sort(byNameThenId).map((x) => ({ ...x })),
      schedulegroups: [...this.schedulegroups.values()].sort(byNameThenId).map((g) => structuredClone(g)),
    };
  }
}
