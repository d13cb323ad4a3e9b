import { timingSafeEqual } from "node:crypto";
import type { Clock } from "../../clock";
import { Collection, type NameRules } from "../collection";
import type { Division, IssuedToken, OAuthClient } from "../entities";
import { ApiError, badRequest, invalidValue, OAuthError } from "../errors";
import { newId, newToken } from "../ids";
import { plural, type DivisionCount } from "../org-context";
import type { OrgSettings } from "../settings";
import { RateLimiter, type RateDecision } from "./rate-limiter";

export interface DivisionInput {
  name: string;
  description?: string;
}

function sameSecret(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export interface AuthInit {
  divisions: Division[];
  clients: OAuthClient[];
}

/**
 * Who may do what where: divisions (and the objects still detaching from them), OAuth clients, the tokens they
 * were issued and each token's rate window. Pure rules, no HTTP: violations throw ApiError / OAuthError.
 */
export class AuthStore {
  private readonly divisions: Collection<Division>;
  private readonly clients = new Map<string, OAuthClient>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly limiter = new RateLimiter();
  /** Objects deleted a moment ago that still count in their division until `until` (knob `divisionDetachDelayMs`). */
  private detaching: { divisionId: string; kind: string; until: number }[] = [];

  constructor(
    private readonly orgName: string,
    private readonly clock: Clock,
    private readonly settings: () => OrgSettings,
    rules: NameRules,
    init: AuthInit,
    /** Told every token this org issues (the emulator keeps a log for secret scans). */
    private readonly onTokenIssued: (token: string) => void,
  ) {
    this.divisions = new Collection(rules, { kind: "division" }, init.divisions);
    for (const c of init.clients) this.clients.set(c.clientId, { ...c });
    if (this.divisions.all().filter((d) => d.homeDivision).length !== 1) {
      throw new Error(`org ${orgName} must have exactly one home division`);
    }
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
      expiresAt: now + this.settings().tokenLifetimeSeconds * 1000,
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

  /** Requests allowed per window: the per-minute limit scaled to the window length. */
  private windowBudget(): number {
    const s = this.settings();
    return Math.max(1, Math.round((s.rateLimitPerMinute * s.rateWindowSeconds) / 60));
  }

  /** Counts a request against the token's per-minute budget (429s do not consume it). */
  takeRequest(token: string): RateDecision {
    return this.limiter.take(token, this.windowBudget(), this.clock.now(), this.settings().rateWindowSeconds * 1000);
  }

  peekRequests(token: string | undefined): RateDecision {
    return this.limiter.peek(
      token ?? "",
      this.windowBudget(),
      this.clock.now(),
      this.settings().rateWindowSeconds * 1000,
    );
  }

  // ---- divisions ------------------------------------------------------------------------------

  homeDivision(): Division {
    const home = this.divisions.all().find((d) => d.homeDivision);
    if (!home) throw new Error(`org ${this.orgName} has no home division`);
    return home;
  }

  getDivision(id: string): Division {
    return this.divisions.get(id);
  }

  findDivision(id: string): Division | undefined {
    return this.divisions.find(id);
  }

  findDivisionByName(name: string): Division | undefined {
    return this.divisions.all().find((d) => d.name.toLowerCase() === name.toLowerCase());
  }

  listDivisions(filter: { name?: string; ids?: string[] } = {}): Division[] {
    return this.divisions.sorted(
      (d) =>
        (filter.name === undefined || d.name === filter.name) &&
        (!filter.ids || filter.ids.length === 0 || filter.ids.includes(d.id)),
    );
  }

  /** The division an object is created in or written to: it must exist, and the client's role must be granted it. */
  requireDivision(id: string | undefined): Division {
    const d = id === undefined ? this.homeDivision() : this.divisions.find(id);
    if (!d) throw invalidValue("division", `Division ${id} not found`);
    const granted = this.settings().grantedDivisions;
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

  createDivision(input: DivisionInput): Division {
    const name = this.divisions.claimName(input.name, undefined);
    return this.divisions.put({ id: newId(), name, description: input.description ?? "", homeDivision: false });
  }

  /** PUT: name and description are replaced; the home flag stays (the home division can be renamed). */
  replaceDivision(id: string, input: DivisionInput): Division {
    const d = this.getDivision(id);
    d.name = this.divisions.claimName(input.name, id);
    d.description = input.description ?? "";
    return d;
  }

  /** Records that an object left its division at `at` (default now); it still counts there for a moment. */
  detach(divisionId: string, kind: string, at: number = this.clock.now()): void {
    const until = at + this.settings().divisionDetachDelayMs;
    if (until > this.clock.now()) this.detaching.push({ divisionId, kind, until });
  }

  /** Hard delete of an empty, non-home division; `contents` counts what the other areas keep in it. */
  deleteDivision(id: string, contents: (divisionId: string) => DivisionCount[]): void {
    const d = this.getDivision(id);
    if (d.homeDivision) throw badRequest(`The home division ${d.name} cannot be deleted.`);
    const counts = contents(id);
    const now = this.clock.now();
    this.detaching = this.detaching.filter((x) => x.until > now);
    const held = counts
      .map(([n, kind]): DivisionCount => [
        n + this.detaching.filter((x) => x.divisionId === id && x.kind === kind).length,
        kind,
      ])
      .filter(([n]) => n > 0)
      .map(([n, kind]) => plural(n, kind));
    if (held.length > 0) {
      // 400: Terraform retries exactly this status while objects detach (auth_division `deleteAuthDivision`,
      // RetryWhen(IsStatus400)); the code and wording are unverified.
      throw new ApiError(
        400,
        "bad.request",
        `Division ${d.name} is not empty: it contains ${held.join(", ")}.`,
        { name: d.name },
        `Division {name} is not empty: it contains ${held.join(", ")}.`,
      );
    }
    this.divisions.remove(id);
  }

  snapshot(): Division[] {
    return this.divisions.snapshot();
  }
}
