import type { OrgStore } from "../../state/org-store";
import {
  effectiveProperty,
  findMetabase,
  PASSWORD_MASK,
  PASSWORD_PROPERTY,
  type Metabase,
  type PropertyDefinition,
  type Site,
  type TrunkBaseRecord,
  type TrunkRecord,
} from "../../state/telephony/store";
import { divisionRef, type DivisionRef } from "../wire";
import type { Models, SdkResponse } from "../sdk";

/** Wire shapes of sites, trunk metabases, trunk base settings and trunks (SDK `Site`, `Metabase`, `TrunkBase`, `Trunk`). */
export const EDGES_PATH = "/api/v2/telephony/providers/edges";
export const SITES_PATH = `${EDGES_PATH}/sites`;
export const TRUNKBASES_PATH = `${EDGES_PATH}/trunkbasesettings`;
export const TRUNKS_PATH = `${EDGES_PATH}/trunks`;

interface Ref {
  id: string;
  name?: string;
  selfUri?: string;
}

export interface PropertyWire {
  type: string;
  value: { default: unknown; instance: unknown };
  required?: boolean;
  enum?: string[];
  items?: { type: string };
}

export interface SiteWire {
  id: string;
  name: string;
  description?: string;
  division: DivisionRef;
  version: number;
  dateCreated: string;
  state: string;
  managed: boolean;
  mediaModel: string;
  coreSite: boolean;
  location: { id: string; name: string; selfUri: string };
  selfUri: string;
}
type _SiteWire = SdkResponse<Models.Site, SiteWire>;

export interface TrunkBaseWire {
  id?: string;
  name: string;
  description?: string;
  division?: DivisionRef;
  version?: number;
  dateCreated?: string;
  dateModified?: string;
  state: string;
  trunkMetabase: Ref;
  properties?: Record<string, PropertyWire>;
  trunkType: string;
  managed: boolean;
  site?: Ref;
  inboundSite?: Ref;
  selfUri?: string;
}
type _TrunkBaseWire = SdkResponse<Models.TrunkBase, TrunkBaseWire>;

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function siteToWire(org: OrgStore, s: Site): SiteWire {
  return compact<SiteWire>({
    id: s.id,
    name: s.name,
    description: s.description,
    division: divisionRef(org, s.divisionId),
    version: 1,
    dateCreated: s.dateCreated,
    state: "active",
    managed: false,
    mediaModel: "Cloud",
    coreSite: false,
    location: { id: s.locationId, name: s.name, selfUri: `/api/v2/locations/${s.locationId}` },
    selfUri: `${SITES_PATH}/${s.id}`,
  });
}

function siteRef(org: OrgStore, id: string | undefined): Ref | undefined {
  if (id === undefined) return undefined;
  return compact({ id, name: org.telephony.findSite(id)?.name, selfUri: `${SITES_PATH}/${id}` });
}

export function metabaseToWire(m: Metabase): { id: string; name: string; type: string } & Models.Metabase {
  return { id: m.id, name: m.name, type: m.type };
}

function propertyToWire(def: PropertyDefinition, instance: unknown): PropertyWire {
  return compact<PropertyWire>({
    type: def.type,
    value: { default: structuredClone(def.default), instance: structuredClone(instance) },
    required: def.required,
    enum: def.enum && [...def.enum],
    items: def.type === "array" ? { type: "string" } : undefined,
  });
}

/** Every property of the metabase: the instance set (or the default), the password masked when asked to; hidden ones only when asked. */
function propertiesToWire(
  tb: Pick<TrunkBaseRecord, "metabaseId" | "properties">,
  mask: boolean,
  hidden: boolean,
): Record<string, PropertyWire> {
  const metabase = findMetabase(tb.metabaseId);
  const out: Record<string, PropertyWire> = {};
  for (const [key, def] of Object.entries(metabase?.properties ?? {})) {
    if (def.hidden && !hidden) continue;
    let instance = effectiveProperty(tb, key);
    if (key === PASSWORD_PROPERTY && mask && typeof instance === "string" && instance !== "") instance = PASSWORD_MASK;
    out[key] = propertyToWire(def, instance);
  }
  return out;
}

export interface TrunkBaseWireOptions {
  /** Listings include properties only with `expand=properties`. */
  properties: boolean;
  mask: boolean;
  /** Include internal properties (reads without ignoreHidden=true, when the trunkHiddenProperties knob is on). */
  hidden: boolean;
}

export function trunkBaseToWire(org: OrgStore, tb: TrunkBaseRecord, opts: TrunkBaseWireOptions): TrunkBaseWire {
  const metabase = findMetabase(tb.metabaseId);
  return compact<TrunkBaseWire>({
    id: tb.id,
    name: tb.name,
    description: tb.description,
    division: divisionRef(org, tb.divisionId),
    version: tb.version,
    dateCreated: tb.dateCreated,
    dateModified: tb.dateModified,
    state: tb.state,
    trunkMetabase: compact({ id: tb.metabaseId, name: metabase?.name }),
    properties: opts.properties ? propertiesToWire(tb, opts.mask, opts.hidden) : undefined,
    trunkType: tb.trunkType,
    managed: tb.managed,
    site: siteRef(org, tb.siteId),
    inboundSite: siteRef(org, tb.inboundSiteId),
    selfUri: `${TRUNKBASES_PATH}/${tb.id}`,
  });
}

/** `trunkbasesettings/template`: a TrunkBase to fill in, every property at its default. */
export function templateToWire(m: Metabase): TrunkBaseWire {
  return {
    name: m.name,
    state: "active",
    trunkMetabase: { id: m.id, name: m.name },
    properties: propertiesToWire({ metabaseId: m.id, properties: {} }, false, false),
    trunkType: m.type,
    managed: false,
  };
}

export interface TrunkWire {
  id: string;
  name: string;
  version: number;
  dateCreated: string;
  state: string;
  trunkType: string;
  trunkBase: Ref;
  trunkMetabase: Ref;
  inService: boolean;
  enabled: boolean;
  connectedStatus: { connected: boolean; connectedStateTime: string };
  optionsStatus: { proxyAddress: string; optionState: boolean; optionStateTime: string }[];
  registersStatus: { proxyAddress: string; registerState: boolean; registerStateTime: string }[];
  proxyAddressList: string[];
  family: number;
  selfUri: string;
}
type _TrunkWire = SdkResponse<Models.Trunk, TrunkWire>;

export function trunkToWire(org: OrgStore, t: TrunkRecord): TrunkWire {
  const tb = org.telephony.getTrunkBase(t.trunkBaseId);
  const enabled = effectiveProperty(tb, "trunk_enabled") === true;
  const servers = effectiveProperty(tb, "trunk_transport_serverProxyList");
  const proxies = Array.isArray(servers)
    ? servers.filter((s): s is string => typeof s === "string" && s.trim() !== "")
    : [];
  return {
    id: t.id,
    name: org.telephony.trunkName(t),
    version: 1,
    dateCreated: t.dateCreated,
    state: "active",
    trunkType: tb.trunkType,
    trunkBase: { id: tb.id, name: tb.name, selfUri: `${TRUNKBASES_PATH}/${tb.id}` },
    trunkMetabase: compact({ id: tb.metabaseId, name: findMetabase(tb.metabaseId)?.name }),
    inService: enabled,
    enabled,
    connectedStatus: { connected: t.connected, connectedStateTime: t.connectedStateTime },
    optionsStatus: proxies.map((p) => ({
      proxyAddress: p,
      optionState: t.connected,
      optionStateTime: t.connectedStateTime,
    })),
    registersStatus: proxies.map((p) => ({
      proxyAddress: p,
      registerState: t.connected,
      registerStateTime: t.connectedStateTime,
    })),
    proxyAddressList: proxies,
    family: 1,
    selfUri: `${TRUNKS_PATH}/${t.id}`,
  };
}
