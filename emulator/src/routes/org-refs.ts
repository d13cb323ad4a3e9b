import { pageRequest, paginate } from "../state/paging";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { queryValue } from "./http";
import {
  EDGE_GROUPS_PATH,
  edgeGroupToWire,
  EMAIL_DOMAINS_PATH,
  emailDomainToWire,
  listing,
  routeToWire,
  SYSTEM_PROMPTS_PATH,
  systemPromptToWire,
} from "./serialize";

/** Page size limit of these listings: unverified (the SDK documents only the default, 25). */
const MAX_PAGE_SIZE = 100;

const page = (ctx: ApiContext) =>
  pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);

/**
 * Read-only objects queues and flows name (see state/org-refs.ts), with the paths and query parameters of the SDK's
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

  router.add("GET", SYSTEM_PROMPTS_PATH, (ctx) => {
    const prompts = ctx.org.refs.listSystemPrompts({ name: queryValue(ctx.query, "name") }).map(systemPromptToWire);
    return { status: 200, body: listing(SYSTEM_PROMPTS_PATH, ctx.query, paginate(prompts, page(ctx))) };
  });
  router.add("GET", `${SYSTEM_PROMPTS_PATH}/{promptId}`, (ctx) => ({
    status: 200,
    body: systemPromptToWire(ctx.org.refs.getSystemPrompt(param(ctx, "promptId"))),
  }));
}
