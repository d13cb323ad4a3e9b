import { timingSafeEqual } from "node:crypto";
import type { Clock } from "../clock";
import { byNameThenId, type Division, type IssuedToken, type OAuthClient, type Skill, type WrapupCode } from "./entities";
import { ApiError, invalidValue, notFound, OAuthError } from "./errors";
import { newId, newToken } from "./ids";
import { RateLimiter, type RateDecision } from "./rate-limiter";
import { orgSettingsSchema, type OrgSettings, type OrgSettingsPatch } from "./settings";

export interface OrgInit {
  id: string;
  name: string;
  region: string;
  thirdPartyOrgName: string;
  domain: string;
  divisions: Division[];
  skills: Skill[];
  wrapupcodes: WrapupCode[];
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

/**
 * One org: its divisions, routing skills, wrap-up codes, OAuth clients and issued tokens.
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
  private readonly clients = new Map<string, OAuthClient>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly limiter = new RateLimiter();

  constructor(init: OrgInit, private readonly clock: Clock) {
    this.id = init.id;
    this.name = init.name;
    this.region = init.region;
    this.thirdPartyOrgName = init.thirdPartyOrgName;
    this.domain = init.domain;
    this.settings = structuredClone(init.settings);
    for (const d of init.divisions) this.divisions.set(d.id, { ...d });
    for (const s of init.skills) this.skills.set(s.id, { ...s });
    for (const w of init.wrapupcodes) this.wrapupcodes.set(w.id, { ...w });
    for (const c of init.clients) this.clients.set(c.clientId, { ...c });
    if ([...this.divisions.values()].filter((d) => d.homeDivision).length !== 1) {
      throw new Error(`org ${init.name} must have exactly one home division`);
    }
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
    return this.limiter.take(token, this.settings.rateLimitPerMinute, this.clock.now());
  }

  peekRequests(token: string | undefined): RateDecision {
    return this.limiter.peek(token ?? "", this.settings.rateLimitPerMinute, this.clock.now());
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

  private requireDivision(id: string | undefined): Division {
    if (id === undefined) return this.homeDivision();
    const d = this.divisions.get(id);
    if (!d) throw invalidValue("division", `Division ${id} not found`);
    return d;
  }

  private checkName(kind: string, raw: string): string {
    const name = raw.trim();
    if (name === "") throw invalidValue("name", `The ${kind} field 'name' is required and must not be blank`);
    if (name.length > this.settings.maxNameLength) {
      throw invalidValue("name", `The ${kind} field 'name' must be at most ${this.settings.maxNameLength} characters (got ${name.length})`);
    }
    return name;
  }

  private duplicate(kind: string, name: string): ApiError {
    const { status, code } = this.settings.duplicateName;
    return new ApiError(status, code, `A ${kind} with name '${name}' already exists`, { name }, `A ${kind} with name '{name}' already exists`);
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
    const skill: Skill = { id: newId(), name, divisionId: division.id, dateModified: this.nowIso(), state: "active", version: 1 };
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
  }

  // ---- wrap-up codes --------------------------------------------------------------------------

  listWrapupcodes(filter: WrapupFilter = {}): WrapupCode[] {
    const byName = startsWithFilter(filter.name);
    const list = [...this.wrapupcodes.values()]
      .filter((w) => !byName || byName(w.name))
      .filter((w) => !filter.ids || filter.ids.length === 0 || filter.ids.includes(w.id))
      .filter((w) => !filter.divisionIds || filter.divisionIds.length === 0 || filter.divisionIds.includes(w.divisionId));
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
    const next: WrapupCode = { id, name, divisionId: division.id, dateCreated: existing.dateCreated, dateModified: this.nowIso() };
    if (input.description !== undefined) next.description = input.description;
    this.wrapupcodes.set(id, next);
    return next;
  }

  /** Hard delete: GET afterwards is 404. */
  deleteWrapupcode(id: string): void {
    this.getWrapupcode(id);
    this.wrapupcodes.delete(id);
  }

  // ---- dump -----------------------------------------------------------------------------------

  /** Everything stored, in deterministic order (name, then id), ignoring visibility knobs. */
  snapshot(): { divisions: Division[]; skills: Skill[]; wrapupcodes: WrapupCode[] } {
    return {
      divisions: [...this.divisions.values()].sort(byNameThenId).map((d) => ({ ...d })),
      skills: [...this.skills.values()].sort(byNameThenId).map((s) => ({ ...s })),
      wrapupcodes: [...this.wrapupcodes.values()].sort(byNameThenId).map((w) => ({ ...w })),
    };
  }
}
