import type {
  DidPoolRecord,
  EdgeGroupRecord,
  EmailDomainRecord,
  InboundRouteRecord,
  SystemPromptRecord,
} from "../state/org-refs";
import type { OrgStore } from "../state/org-store";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { queryValue } from "./http";
import type { Models, SdkResponse } from "./sdk";
import { compact, listing, pageRequest, paginate } from "./wire";

export const EDGE_GROUPS_PATH = "/api/v2/telephony/providers/edges/edgegroups";
export const EMAIL_DOMAINS_PATH = "/api/v2/routing/email/domains";
export const SYSTEM_PROMPTS_PATH = "/api/v2/architect/systemprompts";
export const DID_POOLS_PATH = "/api/v2/telephony/providers/edges/didpools";
export const DIDS_PATH = "/api/v2/telephony/providers/edges/dids";

export interface DidPoolWire {
  id: string;
  name: string;
  description?: string;
  state: string;
  startPhoneNumber: string;
  endPhoneNumber: string;
  comments?: string;
  provider?: string;
  selfUri: string;
}
type _DidPoolWire = SdkResponse<Models.DIDPool, DidPoolWire>;

/** The pool's name is its range (unverified: the API requires one on the model, Terraform never sets it). */
export function didPoolToWire(p: DidPoolRecord): DidPoolWire {
  return compact<DidPoolWire>({
    id: p.id,
    name: `${p.startPhoneNumber} - ${p.endPhoneNumber}`,
    description: p.description,
    state: "active",
    startPhoneNumber: p.startPhoneNumber,
    endPhoneNumber: p.endPhoneNumber,
    comments: p.comments,
    provider: p.provider,
    selfUri: `${DID_POOLS_PATH}/${p.id}`,
  });
}

/** SDK `DID`: a number of a pool that something (here: an IVR) uses. */
export interface DidWire {
  id: string;
  name: string;
  phoneNumber: string;
  didPool: { id: string; selfUri: string };
  owner: { id: string; name: string; selfUri: string };
  ownerType: string;
  selfUri: string;
}
type _DidWire = SdkResponse<Models.DID, DidWire>;

/** Every number the org's IVRs route, with its pool and owner, in number order. */
export function didsInUse(org: OrgStore): DidWire[] {
  const out: DidWire[] = [];
  for (const ivr of org.architect.ivrs.list()) {
    for (const number of ivr.dnis) {
      const pool = org.refs.didPoolOf(number);
      if (!pool) continue;
      const id = `${pool.id.slice(0, 24)}${number.replace(/\D/g, "").padStart(12, "0").slice(-12)}`;
      out.push({
        id,
        name: number,
        phoneNumber: number,
        didPool: { id: pool.id, selfUri: `${DID_POOLS_PATH}/${pool.id}` },
        owner: { id: ivr.id, name: ivr.name, selfUri: `/api/v2/architect/ivrs/${ivr.id}` },
        ownerType: "IVR",
        selfUri: `${DIDS_PATH}/${id}`,
      });
    }
  }
  return out.sort((a, b) => (a.phoneNumber < b.phoneNumber ? -1 : a.phoneNumber > b.phoneNumber ? 1 : 0));
}

export interface EdgeGroupWire {
  id: string;
  name: string;
  description?: string;
  state: string;
  managed: boolean;
  hybrid: boolean;
  edgeTrunkBaseAssignment: Record<string, never>;
  phoneTrunkBases: never[];
  selfUri: string;
}
type _EdgeGroupWire = SdkResponse<Models.EdgeGroup, EdgeGroupWire>;

export function edgeGroupToWire(g: EdgeGroupRecord): EdgeGroupWire {
  return compact<EdgeGroupWire>({
    id: g.id,
    name: g.name,
    description: g.description,
    state: "active",
    managed: false,
    hybrid: false,
    // required by the SDK's EdgeGroup; the emulator models no edge trunk bases (empty, unverified)
    edgeTrunkBaseAssignment: {},
    phoneTrunkBases: [],
    selfUri: `${EDGE_GROUPS_PATH}/${g.id}`,
  });
}

export interface InboundDomainWire {
  id: string;
  name: string;
  mxRecordStatus: string;
  subDomain: boolean;
  selfUri: string;
}
type _InboundDomainWire = SdkResponse<Models.InboundDomain, InboundDomainWire>;

export function emailDomainToWire(d: EmailDomainRecord): InboundDomainWire {
  return { id: d.id, name: d.id, mxRecordStatus: "VALID", subDomain: false, selfUri: `${EMAIL_DOMAINS_PATH}/${d.id}` };
}

export interface InboundRouteWire {
  id: string;
  name: string;
  pattern: string;
  fromName: string;
  fromEmail?: string;
  selfUri: string;
}
type _InboundRouteWire = SdkResponse<Models.InboundRoute, InboundRouteWire>;

export function routeToWire(domainId: string, r: InboundRouteRecord): InboundRouteWire {
  return compact<InboundRouteWire>({
    id: r.id,
    name: `${r.pattern}@${domainId}`,
    pattern: r.pattern,
    fromName: r.fromName,
    fromEmail: r.fromEmail,
    selfUri: `${EMAIL_DOMAINS_PATH}/${domainId}/routes/${r.id}`,
  });
}

export interface SystemPromptWire {
  id: string;
  name: string;
  description: string;
  resources: { id: string; language: string; ttsString: string }[];
  selfUri: string;
}
type _SystemPromptWire = SdkResponse<Models.SystemPrompt, SystemPromptWire>;

export function systemPromptToWire(p: SystemPromptRecord): SystemPromptWire {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    resources: [{ id: "en-us", language: "en-us", ttsString: p.description }],
    selfUri: `${SYSTEM_PROMPTS_PATH}/${p.id}`,
  };
}

/** Page size limit of these listings: unverified (the SDK documents only the default, 25). */
const MAX_PAGE_SIZE = 100;

const page = (ctx: ApiContext) =>
  pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);

/**
 * Read-only objects queues, flows and IVRs name (see state/org-refs.ts), with the paths and query parameters of the
 * SDK's `getTelephonyProvidersEdgesDidpools`, `getTelephonyProvidersEdgesDids` (the numbers IVRs use),
 * `getTelephonyProvidersEdgesEdgegroups`, `getRoutingEmailDomains`, `getRoutingEmailDomainRoutes` and
 * `getArchitectSystemprompts`.
 */
export function registerOrgRefRoutes(router: ApiRouter): void {
  router.add("GET", EDGE_GROUPS_PATH, (ctx) => {
    const groups = ctx.org.refs.listEdgeGroups({ name: queryValue(ctx.query, "name") }).map(edgeGroupToWire);
    return { status: 200, body: listing(EDGE_GROUPS_PATH, ctx.query, paginate(groups, page(ctx))) };
  });
  router.add("GET", `${EDGE_GROUPS_PATH}/{edgeGroupId}`, (ctx) => ({
    status: 200,
    body: edgeGroupToWire(ctx.org.refs.getEdgeGroup(param(ctx, "edgeGroupId"))),
  }));

  router.add("GET", EMAIL_DOMAINS_PATH, (ctx) => {
    const domains = ctx.org.refs.listEmailDomains().map(emailDomainToWire);
    return { status: 200, body: listing(EMAIL_DOMAINS_PATH, ctx.query, paginate(domains, page(ctx))) };
  });
  router.add("GET", `${EMAIL_DOMAINS_PATH}/{domainId}`, (ctx) => ({
    status: 200,
    body: emailDomainToWire(ctx.org.refs.getEmailDomain(param(ctx, "domainId"))),
  }));
  router.add("GET", `${EMAIL_DOMAINS_PATH}/{domainName}/routes`, (ctx) => {
    const domain = ctx.org.refs.getEmailDomain(param(ctx, "domainName"));
    const routes = ctx.org.refs
      .listRoutes(domain.id, { pattern: queryValue(ctx.query, "pattern") })
      .map((r) => routeToWire(domain.id, r));
    return {
      status: 200,
      body: listing(`${EMAIL_DOMAINS_PATH}/${domain.id}/routes`, ctx.query, paginate(routes, page(ctx))),
    };
  });
  router.add("GET", `${EMAIL_DOMAINS_PATH}/{domainName}/routes/{routeId}`, (ctx) => {
    const domain = ctx.org.refs.getEmailDomain(param(ctx, "domainName"));
    return { status: 200, body: routeToWire(domain.id, ctx.org.refs.getRoute(domain.id, param(ctx, "routeId"))) };
  });

  router.add("GET", DID_POOLS_PATH, (ctx) => {
    const pools = ctx.org.refs.listDidPools().map(didPoolToWire);
    return { status: 200, body: listing(DID_POOLS_PATH, ctx.query, paginate(pools, page(ctx))) };
  });
  router.add("GET", `${DID_POOLS_PATH}/{didPoolId}`, (ctx) => ({
    status: 200,
    body: didPoolToWire(ctx.org.refs.getDidPool(param(ctx, "didPoolId"))),
  }));
  router.add("GET", DIDS_PATH, (ctx) => {
    const number = queryValue(ctx.query, "phoneNumber");
    const pool = queryValue(ctx.query, "didPoolId");
    const owner = queryValue(ctx.query, "ownerId");
    const dids = didsInUse(ctx.org).filter(
      (d) =>
        (number === undefined || d.phoneNumber === number) &&
        (pool === undefined || d.didPool.id === pool) &&
        (owner === undefined || d.owner.id === owner),
    );
    return { status: 200, body: listing(DIDS_PATH, ctx.query, paginate(dids, page(ctx))) };
  });

  router.add("GET", SYSTEM_PROMPTS_PATH, (ctx) => {
    const prompts = ctx.org.refs.listSystemPrompts({ name: queryValue(ctx.query, "name") }).map(systemPromptToWire);
    return { status: 200, body: listing(SYSTEM_PROMPTS_PATH, ctx.query, paginate(prompts, page(ctx))) };
  });
  router.add("GET", `${SYSTEM_PROMPTS_PATH}/{promptId}`, (ctx) => ({
    status: 200,
    body: systemPromptToWire(ctx.org.refs.getSystemPrompt(param(ctx, "promptId"))),
  }));
}
