import { z } from "zod";
import { GenesysClient, GenesysError } from "../../client";
import type { Models, SdkRead } from "../../sdk";

/**
 * Objects of each org a queue names that genesys-clone does not clone: the callback edge group (by name, mapped by
 * the transforms file's `edgeGroups:`) and the outbound email address (`route@domain`, the domain mapped by
 * `emailDomains:`). Edge groups: SDK `getTelephonyProvidersEdgesEdgegroups`; email: `getRoutingEmailDomains`,
 * `getRoutingEmailDomainRoutes` (a domain's id is its name: TF routing_email_domain `domain_id`).
 */
const EDGE_GROUPS = "/api/v2/telephony/providers/edges/edgegroups";
const DOMAINS = "/api/v2/routing/email/domains";
const enc = encodeURIComponent;

const EdgeGroup = z.object({ id: z.string(), name: z.string() });
type _EdgeGroup = SdkRead<Models.EdgeGroup, z.infer<typeof EdgeGroup>>;
const Domain = z.object({ id: z.string() });
type _Domain = SdkRead<Models.InboundDomain, z.infer<typeof Domain>>;
const Route = z.object({ id: z.string(), pattern: z.string(), fromName: z.string().optional() });
type _Route = SdkRead<Models.InboundRoute, z.infer<typeof Route>>;

/**
 * A queue's outbound address on the wire, as Terraform sends it (routing_queue `buildSdkQueueEmailAddress`):
 * both by id. The SDK's InboundRoute requires `pattern` and `fromName`, which the API does not need here.
 */
export interface OutboundEmailAddressBody {
  domain: { id: string };
  route: { id: string };
}

/** `route@domain`, the domain lower-cased (DNS names compare case-insensitively). */
export function emailAddress(pattern: string, domain: string): string {
  return `${pattern}@${domain.toLowerCase()}`;
}

export function splitAddress(address: string): { pattern: string; domain: string } {
  const at = address.lastIndexOf("@");
  return { pattern: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() };
}

export const queueRefsApi = {
  edgeGroups: (c: GenesysClient) => c.listAll(EDGE_GROUPS, EdgeGroup, { pageSize: 100 }),

  async edgeGroup(c: GenesysClient, name: string, owner: string) {
    const group = (await queueRefsApi.edgeGroups(c)).find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (!group) {
      throw new GenesysError(
        "Validation",
        `${owner}: edge group '${name}' (callbackEdgeGroup) does not exist in the target org: map it in the transforms file (edgeGroups:) or create it.`,
      );
    }
    return group;
  },

  domains: (c: GenesysClient) => c.listAll(DOMAINS, Domain, { pageSize: 100 }),

  routes: (c: GenesysClient, domain: string) => c.listAll(`${DOMAINS}/${enc(domain)}/routes`, Route, { pageSize: 100 }),

  /** The target's ids of `route@domain`; a missing domain or route names the transforms key that fixes it. */
  async outboundAddress(c: GenesysClient, address: string, owner: string): Promise<OutboundEmailAddressBody> {
    const { pattern, domain } = splitAddress(address);
    const found = (await queueRefsApi.domains(c)).find((d) => d.id.toLowerCase() === domain);
    const route = found && (await queueRefsApi.routes(c, found.id)).find((r) => r.pattern === pattern);
    if (!found || !route) {
      const what = found ? `has no route '${pattern}'` : "does not exist in the target org";
      throw new GenesysError(
        "Validation",
        `${owner}: outboundEmailAddress '${address}': email domain '${domain}' ${what}: map the domain in the transforms file (emailDomains:) or create the ${found ? "route" : "domain and route"}.`,
      );
    }
    return { domain: { id: found.id }, route: { id: route.id } };
  },

  /** `route@domain` of the ids a queue read names, when that domain still has that route. */
  async addressOf(c: GenesysClient, a: { domainId?: string; routeId?: string }): Promise<string | undefined> {
    if (!a.domainId || !a.routeId) return undefined;
    const route = (await queueRefsApi.routes(c, a.domainId)).find((r) => r.id === a.routeId);
    return route ? emailAddress(route.pattern, a.domainId) : undefined;
  },
};

const ref = (q: Record<string, unknown>, key: "domain" | "route"): string | undefined => {
  const a = q.outboundEmailAddress as Record<string, { id?: unknown } | null | undefined> | null | undefined;
  const id = a?.[key]?.id;
  return typeof id === "string" ? id : undefined;
};

/** The domain and route ids of a stored queue's outbound email address (SDK QueueEmailAddress). */
export function addressIds(q: Record<string, unknown>): { domainId?: string; routeId?: string } {
  const domainId = ref(q, "domain");
  const routeId = ref(q, "route");
  return { ...(domainId ? { domainId } : {}), ...(routeId ? { routeId } : {}) };
}
