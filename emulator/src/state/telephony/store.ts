import { Collection, firstVersion, isActive, nextVersion, softDelete } from "../collection";
import { byNameThenId } from "../entities";
import { ApiError, invalidValue, notFound } from "../errors";
import { newId } from "../ids";
import { startsWithFilter } from "../filters";
import type { OrgContext } from "../org-context";

export const TRUNK_TYPES = ["EXTERNAL", "PHONE", "EDGE"] as const;
export type TrunkType = (typeof TRUNK_TYPES)[number];

/** A telephony site (read-only, seeded). */
export interface Site {
  id: string;
  name: string;
  description?: string;
  divisionId: string;
  dateCreated: string;
  /** The site's location (the SDK's Site requires one): seeded, like the site. */
  locationId: string;
}

export type PropertyType = "string" | "boolean" | "integer" | "array";

/** One entry of a metabase's property schema: what the template and every read fill in around `value.instance`. */
export interface PropertyDefinition {
  type: PropertyType;
  default: string | boolean | number | string[];
  required?: boolean;
  enum?: string[];
  /** Internal: left out of reads with `ignoreHidden=true`, refused in writes (see the `trunkHiddenProperties` knob). */
  hidden?: boolean;
}

export interface Metabase {
  id: string;
  name: string;
  type: TrunkType;
  /** `external_sip_pcv_byoc*`: needs an inboundSite and gets a trunk instance from the platform. */
  byoc: boolean;
  properties: Readonly<Record<string, PropertyDefinition>>;
}

export const PASSWORD_PROPERTY = "trunk_sip_authentication_credentials_password";
export const PASSWORD_MASK = "********";
export const TERMINATION_URI_PROPERTY = "trunk_sip_termination_uri";
/** The emulator's stand-in for the properties the SDK calls "hidden or for internal system usage only". */
export const HIDDEN_PROPERTY = "trunk_internal_routingCache";

function externalSipProperties(trunkType: string, label: string): Record<string, PropertyDefinition> {
  const overrideMethods = ["Always", "Unassigned DID"];
  return {
    trunk_type: { type: "string", default: trunkType, required: true },
    trunk_label: { type: "string", default: label, required: true },
    trunk_enabled: { type: "boolean", default: true, required: true },
    trunk_transport_serverProxyList: { type: "array", default: [], required: true },
    trunk_transport_protocolVariant: { type: "string", default: "tcp", enum: ["udp", "tcp", "tls"] },
    trunk_access_acl_allowList: { type: "array", default: [] },
    trunk_protocol: { type: "string", default: "sip", enum: ["sip"] },
    trunk_sip_termination_uri: { type: "string", default: "" },
    trunk_sip_authentication_credentials_realm: { type: "string", default: "" },
    trunk_sip_authentication_credentials_username: { type: "string", default: "" },
    [PASSWORD_PROPERTY]: { type: "string", default: "" },
    trunk_outboundIdentity_callingName: { type: "string", default: "" },
    trunk_outboundIdentity_callingName_overrideMethod: { type: "string", default: "Always", enum: overrideMethods },
    trunk_outboundIdentity_callingAddress: { type: "string", default: "" },
    trunk_outboundIdentity_callingAddress_overrideMethod: { type: "string", default: "Always", enum: overrideMethods },
    trunk_outboundIdentity_callingAddress_omitPlusPrefix: { type: "boolean", default: false },
    trunk_outboundIdentity_calledAddress_omitPlusPrefix: { type: "boolean", default: false },
    trunk_calling_id_priority: { type: "array", default: [] },
    trunk_media_codec: { type: "array", default: ["audio/opus", "audio/pcmu", "audio/pcma"] },
    trunk_media_disconnect_on_idle_rtp: { type: "boolean", default: true },
    trunk_max_dial_timeout: { type: "string", default: "1m" },
    trunk_transport_sip_dscp_value: { type: "integer", default: 24 },
    trunk_recording_enabled: { type: "boolean", default: false },
    trunk_recording_dualChannel: { type: "boolean", default: false },
    trunk_sip_uuiEnabled: { type: "boolean", default: false },
    trunk_language: { type: "string", default: "en-US" },
    trunk_rlt_enabled: { type: "boolean", default: false },
    trunk_transfer_takeback_enabled: { type: "boolean", default: false },
    // An internal property (the name is the emulator's own): what ignoreHidden=true leaves out.
    [HIDDEN_PROPERTY]: { type: "string", default: "emulator-internal", hidden: true },
  };
}

/** The trunk metabases the emulator knows (`availablemetabases`). */
export const METABASES: readonly Metabase[] = [
  {
    id: "external_sip_pcv_byoc_carrier.json",
    name: "Generic BYOC Carrier",
    type: "EXTERNAL",
    byoc: true,
    properties: externalSipProperties("external.pcv.byoc.carrier", "Generic BYOC Carrier"),
  },
  {
    id: "external_sip_pcv_byoc_pbx.json",
    name: "Generic BYOC PBX",
    type: "EXTERNAL",
    byoc: true,
    properties: externalSipProperties("external.pcv.byoc.pbx", "Generic BYOC PBX"),
  },
  {
    id: "external_sip.json",
    name: "Generic SIP",
    type: "EXTERNAL",
    byoc: false,
    properties: externalSipProperties("external.sip", "Generic SIP"),
  },
];

export function findMetabase(id: string): Metabase | undefined {
  return METABASES.find((m) => m.id === id);
}

export interface TrunkBaseRecord {
  id: string;
  name: string;
  description?: string;
  divisionId: string;
  /** Integer, 1 on create, +1 per change. */
  version: number;
  state: "active" | "deleted";
  metabaseId: string;
  trunkType: TrunkType;
  /** Instances the client set (others read as the metabase default). */
  properties: Record<string, unknown>;
  siteId?: string;
  inboundSiteId?: string;
  /** SDK `TrunkBase.managed`: stored as sent (Terraform sends it on create and update). */
  managed: boolean;
  dateCreated: string;
  dateModified: string;
}

/** The trunk the platform runs for a BYOC trunk base. */
export interface TrunkRecord {
  id: string;
  trunkBaseId: string;
  siteId: string;
  /** Emulator time from which the trunk is listed (`trunkInstanceDelayMs` after the base was created). */
  visibleAt: number;
  dateCreated: string;
  connected: boolean;
  connectedStateTime: string;
}

export interface TrunkBaseInput {
  name: string;
  description?: string;
  divisionId?: string;
  version?: number;
  metabaseId: string;
  trunkType?: TrunkType;
  /** Property name -> the `value.instance` sent (undefined: sent without an instance). */
  properties?: Record<string, unknown>;
  siteId?: string;
  inboundSiteId?: string;
  managed?: boolean;
}

/** What telephony needs beyond its org: BYOC termination URIs are unique across the orgs of a region. */
export interface TelephonyLinks {
  /** Who uses this SIP termination URI in this org's region besides `exceptId` ("trunk base settings 'X'" or "another org"). */
  terminationUriOwner(uri: string, exceptId: string | undefined): string | undefined;
}

/** The value a property has: the instance the client set, else the metabase default. */
export function effectiveProperty(tb: Pick<TrunkBaseRecord, "metabaseId" | "properties">, key: string): unknown {
  if (tb.properties[key] !== undefined) return tb.properties[key];
  return findMetabase(tb.metabaseId)?.properties[key]?.default;
}

function nonEmptyString(v: unknown): boolean {
  return typeof v === "string" && v.trim() !== "";
}

/** Connected only when enabled, with at least one SIP server and both digest credentials set. */
export function isConnected(tb: Pick<TrunkBaseRecord, "metabaseId" | "properties">): boolean {
  const servers = effectiveProperty(tb, "trunk_transport_serverProxyList");
  return (
    effectiveProperty(tb, "trunk_enabled") === true &&
    Array.isArray(servers) &&
    servers.some(nonEmptyString) &&
    nonEmptyString(effectiveProperty(tb, "trunk_sip_authentication_credentials_username")) &&
    nonEmptyString(effectiveProperty(tb, PASSWORD_PROPERTY))
  );
}

function typeMatches(def: PropertyDefinition, v: unknown): boolean {
  switch (def.type) {
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "array":
      return Array.isArray(v) && v.every((x) => typeof x === "string");
  }
}

/**
 * Sites, trunk base settings and the trunk instances of BYOC trunk bases, for one org. Trunk base settings are
 * versioned (PUT needs the current version) and soft-deleted; deleting one removes its trunk instance.
 */
export class TelephonyStore {
  private readonly sites: Collection<Site>;
  private readonly trunkbases: Collection<TrunkBaseRecord>;
  private readonly trunks = new Map<string, TrunkRecord>();

  constructor(
    private readonly ctx: OrgContext,
    private readonly links: TelephonyLinks,
    init: { sites?: Site[]; trunkbases?: TrunkBaseRecord[]; trunks?: TrunkRecord[] } = {},
  ) {
    this.sites = new Collection(ctx, { kind: "site" }, init.sites ?? []);
    this.trunkbases = new Collection(ctx, { kind: "trunk base settings", holdsName: isActive }, init.trunkbases ?? []);
    for (const t of init.trunks ?? []) this.trunks.set(t.id, { ...t });
  }

  private nowIso(): string {
    return this.ctx.nowIso();
  }

  // ---- sites ----------------------------------------------------------------------------------

  listSites(filter: { name?: string } = {}): Site[] {
    const byName = startsWithFilter(filter.name);
    return this.sites.sorted((s) => !byName || byName(s.name));
  }

  getSite(id: string): Site {
    return this.sites.get(id);
  }

  findSite(id: string): Site | undefined {
    return this.sites.find(id);
  }

  // ---- trunk base settings --------------------------------------------------------------------

  listTrunkBases(filter: { name?: string } = {}): TrunkBaseRecord[] {
    const byName = startsWithFilter(filter.name);
    return this.trunkbases.sorted((t) => isActive(t) && (!byName || byName(t.name)));
  }

  /** GET: a deleted trunk base is returned with state "deleted". */
  getTrunkBase(id: string): TrunkBaseRecord {
    return this.trunkbases.get(id);
  }

  private activeTrunkBase(id: string): TrunkBaseRecord {
    return this.trunkbases.get(id, isActive);
  }

  countInDivision(divisionId: string): number {
    return this.trunkbases.all().filter((t) => t.state === "active" && t.divisionId === divisionId).length;
  }

  private siteRef(field: string, id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    if (!this.sites.find(id)) throw invalidValue(field, `Site ${id} in ${field} does not exist`);
    return id;
  }

  private fields(
    input: TrunkBaseInput,
    existing: TrunkBaseRecord | undefined,
  ): Omit<TrunkBaseRecord, "id" | "version" | "state" | "dateCreated" | "dateModified"> {
    const name = this.trunkbases.claimName(input.name, existing?.id);
    const metabase = findMetabase(input.metabaseId);
    if (!metabase) {
      throw invalidValue(
        "trunkMetabase.id",
        `Unknown trunk metabase ${input.metabaseId} (trunkMetabase.id). Known: ${METABASES.map((m) => m.id).join(", ")}`,
      );
    }
    const trunkType = input.trunkType ?? metabase.type;
    if (trunkType !== metabase.type)
      throw invalidValue(
        "trunkType",
        `trunkType ${trunkType} does not match the ${metabase.type} metabase ${metabase.id} (trunkType)`,
      );
    const divisionId = this.ctx.requireDivisionId(input.divisionId);
    if (metabase.byoc && input.inboundSiteId === undefined)
      throw invalidValue("inboundSite", `inboundSite is required for the BYOC metabase ${metabase.id}`);
    if (!metabase.byoc && input.inboundSiteId !== undefined)
      throw invalidValue(
        "inboundSite",
        `inboundSite is only allowed for external_sip_pcv_byoc* metabases, not ${metabase.id}`,
      );
    const inboundSiteId = this.siteRef("inboundSite", input.inboundSiteId);
    const siteId = this.siteRef("site", input.siteId);

    const properties: Record<string, unknown> = {};
    for (const [key, instance] of Object.entries(input.properties ?? {})) {
      const field = `properties.${key}`;
      const def = metabase.properties[key];
      if (!def) throw invalidValue(field, `Unknown property ${key} for trunk metabase ${metabase.id} (${field})`);
      if (def.hidden && this.ctx.settings().trunkHiddenProperties) {
        throw invalidValue(
          field,
          `Property ${key} is internal and cannot be set (${field}): read trunk base settings with ignoreHidden=true`,
        );
      }
      if (instance === undefined) continue;
      if (key === PASSWORD_PROPERTY && instance === PASSWORD_MASK) {
        // the mask sent back by a GET-then-PUT keeps the stored password
        const kept = existing?.properties[PASSWORD_PROPERTY];
        if (kept !== undefined) properties[key] = kept;
        continue;
      }
      if (!typeMatches(def, instance))
        throw invalidValue(
          field,
          `${field}.value.instance must be of type ${def.type === "array" ? "array of strings" : def.type}`,
        );
      if (def.enum && typeof instance === "string" && !def.enum.includes(instance)) {
        throw invalidValue(
          field,
          `Value [${instance}] is not valid for ${field}.value.instance. Allowable values are: ${def.enum.join(", ")}`,
        );
      }
      properties[key] = structuredClone(instance);
    }
    const uri = properties[TERMINATION_URI_PROPERTY];
    if (typeof uri === "string" && uri.trim() !== "") {
      const owner = this.links.terminationUriOwner(uri, existing?.id);
      if (owner !== undefined) {
        const { status, code } = this.ctx.settings().duplicateSipTerminationUri;
        throw new ApiError(
          status,
          code,
          `The SIP termination URI ${uri} is already used by ${owner} in this region (properties.${TERMINATION_URI_PROPERTY}): each BYOC trunk needs its own.`,
        );
      }
    }
    const out: Omit<TrunkBaseRecord, "id" | "version" | "state" | "dateCreated" | "dateModified"> = {
      name,
      divisionId,
      metabaseId: metabase.id,
      trunkType,
      properties,
      managed: input.managed ?? false,
    };
    if (input.description !== undefined) out.description = input.description;
    // Terraform marks site_id Computed: "prepopulated ... if the field is not set". Which site the real API picks is
    // unverified; the emulator takes the inbound site, else the org's first site by name.
    const prepopulated = siteId ?? inboundSiteId ?? this.listSites()[0]?.id;
    if (prepopulated !== undefined) out.siteId = prepopulated;
    if (inboundSiteId !== undefined) out.inboundSiteId = inboundSiteId;
    return out;
  }

  createTrunkBase(input: TrunkBaseInput): TrunkBaseRecord {
    const tb = this.trunkbases.put({ ...this.fields(input, undefined), ...firstVersion(this.nowIso()) });
    this.syncTrunk(tb);
    return tb;
  }

  /** Versioned full replace (properties not sent fall back to their defaults; the password mask keeps it). */
  replaceTrunkBase(id: string, input: TrunkBaseInput): TrunkBaseRecord {
    const existing = this.activeTrunkBase(id);
    const stamp = nextVersion(existing, input.version, this.nowIso());
    const next = this.trunkbases.put({ ...this.fields(input, existing), ...stamp });
    this.syncTrunk(next);
    return next;
  }

  /** Name of the active trunk base of this org other than `exceptId` that uses this SIP termination URI (case-insensitive). */
  terminationUriUser(uri: string, exceptId: string | undefined): string | undefined {
    const lower = uri.trim().toLowerCase();
    for (const t of this.trunkbases.all()) {
      const v = t.properties[TERMINATION_URI_PROPERTY];
      if (t.id !== exceptId && t.state === "active" && typeof v === "string" && v.trim().toLowerCase() === lower)
        return t.name;
    }
    return undefined;
  }

  /** Soft delete; the trunk instance goes away. The `trunkBaseDeleteFailures` knob answers 400 first. */
  deleteTrunkBase(id: string): void {
    const tb = this.activeTrunkBase(id);
    const settings = this.ctx.settings();
    if (settings.trunkBaseDeleteFailures > 0) {
      settings.trunkBaseDeleteFailures -= 1;
      throw new ApiError(
        400,
        "bad.request",
        `Trunk base settings '${tb.name}' cannot be deleted yet: its trunk is still being updated. Try again shortly.`,
      );
    }
    softDelete(tb, this.nowIso());
    this.syncTrunk(tb);
  }

  /** Keeps the one trunk instance of a BYOC trunk base in line with it: created, recomputed or removed. */
  private syncTrunk(tb: TrunkBaseRecord): void {
    const existing = [...this.trunks.values()].find((t) => t.trunkBaseId === tb.id);
    const wanted =
      tb.state === "active" && findMetabase(tb.metabaseId)?.byoc === true && tb.inboundSiteId !== undefined;
    if (!wanted || !tb.inboundSiteId) {
      if (existing) this.trunks.delete(existing.id);
      return;
    }
    const connected = isConnected(tb);
    const now = this.nowIso();
    if (!existing) {
      const trunk: TrunkRecord = {
        id: newId(),
        trunkBaseId: tb.id,
        siteId: tb.inboundSiteId,
        visibleAt: this.ctx.clock.now() + this.ctx.settings().trunkInstanceDelayMs,
        dateCreated: now,
        connected,
        connectedStateTime: now,
      };
      this.trunks.set(trunk.id, trunk);
      return;
    }
    existing.siteId = tb.inboundSiteId;
    if (existing.connected !== connected) {
      existing.connected = connected;
      existing.connectedStateTime = now;
    }
  }

  // ---- trunks ---------------------------------------------------------------------------------

  private visibleTrunks(): TrunkRecord[] {
    const now = this.ctx.clock.now();
    return [...this.trunks.values()].filter((t) => t.visibleAt <= now);
  }

  trunkName(t: TrunkRecord): string {
    const base = this.trunkbases.find(t.trunkBaseId);
    const site = this.sites.find(t.siteId);
    return `${base?.name ?? ""} - ${site?.name ?? ""}`;
  }

  listTrunks(filter: { trunkBaseIds?: string[]; trunkType?: TrunkType } = {}): TrunkRecord[] {
    return this.visibleTrunks()
      .filter(
        (t) => !filter.trunkBaseIds || filter.trunkBaseIds.length === 0 || filter.trunkBaseIds.includes(t.trunkBaseId),
      )
      .filter(
        (t) => filter.trunkType === undefined || this.trunkbases.find(t.trunkBaseId)?.trunkType === filter.trunkType,
      )
      .map((t) => ({ t, name: this.trunkName(t) }))
      .sort((a, b) => byNameThenId({ name: a.name, id: a.t.id }, { name: b.name, id: b.t.id }))
      .map((x) => x.t);
  }

  getTrunk(id: string): TrunkRecord {
    const t = this.visibleTrunks().find((x) => x.id === id);
    if (!t) throw notFound();
    return t;
  }

  // ---- dump -----------------------------------------------------------------------------------

  snapshot(): { sites: Site[]; trunkbases: TrunkBaseRecord[]; trunks: TrunkRecord[] } {
    return {
      sites: this.listSites().map((s) => ({ ...s })),
      trunkbases: this.trunkbases.snapshot(),
      trunks: this.listTrunks().map((t) => ({ ...t })),
    };
  }
}
