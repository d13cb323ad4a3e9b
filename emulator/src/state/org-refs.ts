import { byNameThenId } from "./entities";
import { notFound } from "./errors";

/**
 * Objects every org holds that queues (and flows) name but genesys-clone does not create: edge groups, inbound
 * email domains with their routes, and system prompts. Read-only here, seeded per org.
 */

/** SDK `EdgeGroup` (`/api/v2/telephony/providers/edges/edgegroups`): a queue's `mediaSettings.callback.edgeGroup`. */
export interface EdgeGroupRecord {
  id: string;
  name: string;
  description?: string;
}

/** SDK `InboundRoute`: `pattern` is the mailbox name (`pattern@domain`); `pattern` and `fromName` are required. */
export interface InboundRouteRecord {
  id: string;
  pattern: string;
  fromName: string;
  fromEmail?: string;
}

/**
 * SDK `InboundDomain` (`/api/v2/routing/email/domains`). Its id is the domain name itself (TF routing_email_domain
 * `domain_id`: "Unique Id of the domain such as: 'example.com'"); routes live under `/domains/{domainName}/routes`.
 */
export interface EmailDomainRecord {
  id: string;
  routes: InboundRouteRecord[];
}

/** SDK `SystemPrompt` (`/api/v2/architect/systemprompts`): the prompts every org comes with. */
export interface SystemPromptRecord {
  id: string;
  name: string;
  description: string;
}

/**
 * SDK `DIDPool` (`/api/v2/telephony/providers/edges/didpools`): a range of E.164 numbers the org owns; an IVR may
 * route only numbers of its org's pools.
 */
export interface DidPoolRecord {
  id: string;
  startPhoneNumber: string;
  endPhoneNumber: string;
  description?: string;
  comments?: string;
  /** PURE_CLOUD_VOICE or BYOC_CARRIER, ... (SDK `DIDPool.provider`). */
  provider?: string;
}

/** Whether an E.164 number lies in a pool's range (numbers of the same length compare as digits). */
export function inPool(pool: Pick<DidPoolRecord, "startPhoneNumber" | "endPhoneNumber">, number: string): boolean {
  const { startPhoneNumber: lo, endPhoneNumber: hi } = pool;
  return number.length === lo.length && number.length === hi.length && lo <= number && number <= hi;
}

export interface OrgRefsInit {
  edgeGroups?: EdgeGroupRecord[];
  didPools?: DidPoolRecord[];
  emailDomains?: EmailDomainRecord[];
  systemPrompts?: SystemPromptRecord[];
}

const startsWith = (prefix: string | undefined) => {
  const p = prefix?.replace(/\*+$/, "").toLowerCase();
  return (name: string) => !p || name.toLowerCase().startsWith(p);
};

export class OrgRefsStore {
  private readonly edgeGroups: EdgeGroupRecord[];
  private readonly domains: EmailDomainRecord[];
  private readonly prompts: SystemPromptRecord[];
  private readonly didPools: DidPoolRecord[];

  constructor(init: OrgRefsInit = {}) {
    this.didPools = structuredClone(init.didPools ?? []);
    this.edgeGroups = structuredClone(init.edgeGroups ?? []);
    this.domains = structuredClone(init.emailDomains ?? []);
    this.prompts = structuredClone(init.systemPrompts ?? []);
  }

  listEdgeGroups(filter: { name?: string } = {}): EdgeGroupRecord[] {
    const match = startsWith(filter.name);
    return this.edgeGroups.filter((g) => match(g.name)).sort(byNameThenId);
  }

  getEdgeGroup(id: string): EdgeGroupRecord {
    const g = this.findEdgeGroup(id);
    if (!g) throw notFound();
    return g;
  }

  findEdgeGroup(id: string): EdgeGroupRecord | undefined {
    return this.edgeGroups.find((g) => g.id === id);
  }

  listEmailDomains(): EmailDomainRecord[] {
    return [...this.domains].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Domain names compare case-insensitively (DNS). */
  findEmailDomain(id: string): EmailDomainRecord | undefined {
    return this.domains.find((d) => d.id.toLowerCase() === id.toLowerCase());
  }

  getEmailDomain(id: string): EmailDomainRecord {
    const d = this.findEmailDomain(id);
    if (!d) throw notFound();
    return d;
  }

  listRoutes(domainId: string, filter: { pattern?: string } = {}): InboundRouteRecord[] {
    return this.getEmailDomain(domainId)
      .routes.filter((r) => filter.pattern === undefined || r.pattern === filter.pattern)
      .sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
  }

  getRoute(domainId: string, routeId: string): InboundRouteRecord {
    const r = this.getEmailDomain(domainId).routes.find((x) => x.id === routeId);
    if (!r) throw notFound();
    return r;
  }

  /** Pools in order of their first number. */
  listDidPools(): DidPoolRecord[] {
    return [...this.didPools].sort((a, b) => (a.startPhoneNumber < b.startPhoneNumber ? -1 : 1));
  }

  getDidPool(id: string): DidPoolRecord {
    const p = this.didPools.find((x) => x.id === id);
    if (!p) throw notFound();
    return p;
  }

  /** The pool holding an E.164 number, if the org owns it. */
  didPoolOf(number: string): DidPoolRecord | undefined {
    return this.didPools.find((p) => inPool(p, number));
  }

  listSystemPrompts(filter: { name?: string } = {}): SystemPromptRecord[] {
    const match = startsWith(filter.name);
    return this.prompts.filter((p) => match(p.name)).sort(byNameThenId);
  }

  getSystemPrompt(id: string): SystemPromptRecord {
    const p = this.prompts.find((x) => x.id === id);
    if (!p) throw notFound();
    return p;
  }
}
