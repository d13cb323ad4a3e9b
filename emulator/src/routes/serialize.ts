import type { Division, Skill, WrapupCode } from "../state/entities";
import type { OrgStore } from "../state/org-store";
import type { Page } from "../state/paging";

/** Wire shapes of the Platform API (relative `/api/v2/...` selfUris, no org prefix). */
export interface DivisionRef {
  id: string;
  name: string;
  selfUri: string;
}

export interface AuthzDivisionWire {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
  selfUri: string;
}

export interface RoutingSkillWire {
  id: string;
  name: string;
  division: DivisionRef;
  dateModified: string;
  state: string;
  version: string;
  selfUri: string;
}

export interface WrapupCodeWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  dateCreated: string;
  dateModified: string;
  selfUri: string;
}

export interface OrganizationWire {
  id: string;
  name: string;
  defaultLanguage: string;
  thirdPartyOrgName: string;
  domain: string;
  version: number;
  state: string;
  selfUri: string;
}

export interface EntityListing<T> extends Page<T> {
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
}

export const DIVISIONS_PATH = "/api/v2/authorization/divisions";
export const SKILLS_PATH = "/api/v2/routing/skills";
export const WRAPUPCODES_PATH = "/api/v2/routing/wrapupcodes";

export function divisionRef(org: OrgStore, id: string): DivisionRef {
  const d = org.findDivision(id);
  return { id, name: d ? d.name : "", selfUri: `${DIVISIONS_PATH}/${id}` };
}

export function divisionToWire(d: Division): AuthzDivisionWire {
  return { id: d.id, name: d.name, description: d.description, homeDivision: d.homeDivision, selfUri: `${DIVISIONS_PATH}/${d.id}` };
}

export function skillToWire(org: OrgStore, s: Skill): RoutingSkillWire {
  return {
    id: s.id,
    name: s.name,
    division: divisionRef(org, s.divisionId),
    dateModified: s.dateModified,
    state: s.state,
    version: String(s.version),
    selfUri: `${SKILLS_PATH}/${s.id}`,
  };
}

export function wrapupcodeToWire(org: OrgStore, w: WrapupCode): WrapupCodeWire {
  const wire: WrapupCodeWire = {
    id: w.id,
    name: w.name,
    division: divisionRef(org, w.divisionId),
    dateCreated: w.dateCreated,
    dateModified: w.dateModified,
    selfUri: `${WRAPUPCODES_PATH}/${w.id}`,
  };
  if (w.description !== undefined) wire.description = w.description;
  return wire;
}

export function organizationToWire(org: OrgStore): OrganizationWire {
  return {
    id: org.id,
    name: org.name,
    defaultLanguage: "en-us",
    thirdPartyOrgName: org.thirdPartyOrgName,
    domain: org.domain,
    version: 1,
    state: "active",
    selfUri: `/api/v2/organizations/${org.id}`,
  };
}

/**
 * Wraps a page in the Genesys listing envelope. URIs keep the caller's other query parameters;
 * nextUri / previousUri are omitted when there is no such page.
 */
export function listing<T>(basePath: string, query: URLSearchParams, page: Page<T>): EntityListing<T> {
  const rest = new URLSearchParams();
  for (const [k, v] of query) if (k !== "pageSize" && k !== "pageNumber") rest.append(k, v);
  const tail = rest.toString();
  const uri = (n: number): string => `${basePath}?pageSize=${page.pageSize}&pageNumber=${n}${tail === "" ? "" : `&${tail}`}`;
  const body: EntityListing<T> = {
    ...page,
    firstUri: uri(1),
    selfUri: uri(page.pageNumber),
    lastUri: uri(Math.max(1, page.pageCount)),
  };
  if (page.pageNumber < page.pageCount) body.nextUri = uri(page.pageNumber + 1);
  if (page.pageNumber > 1) body.previousUri = uri(Math.min(page.pageNumber - 1, Math.max(1, page.pageCount)));
  return body;
}
