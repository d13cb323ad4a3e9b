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

export interface OrgRefsInit {
  edgeGroups?: EdgeGroupRecord[];
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

  constructor(init: OrgRefsInit = {}) {
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
