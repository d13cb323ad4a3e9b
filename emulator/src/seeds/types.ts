import type { QueueSettings } from "../state/entities";

/** A seed is plain data: orgs with divisions, and objects that refer to divisions and each other by name. */
export interface SeedDivision {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  description: string;
  home?: boolean;
}

export interface SeedSkill {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  division: string;
  /** Soft-deleted (state "deleted"), e.g. to prove importers skip such skills. */
  deleted?: boolean;
}

export interface SeedWrapupCode {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  division: string;
  description?: string;
}

export interface SeedLanguage {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
}

export interface SeedBullseyeRing {
  /** Expand to the next ring after this many seconds (the last ring has none). */
  expandAfterSeconds?: number;
  /** Skill names (active seeded skills) the ring drops. */
  removeSkills?: string[];
}

export interface SeedQueue {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  division: string;
  description?: string;
  /** Request fields except bullseye, which refers to skills by name below. */
  settings?: Omit<QueueSettings, "bullseye">;
  bullseyeRings?: SeedBullseyeRing[];
  /** Names of seeded wrap-up codes assigned to the queue. */
  wrapupCodes: string[];
  /** Name of a seeded INQUEUECALL flow: the queue's `queueFlow`. */
  inQueueFlow?: string;
  /** Names of the org's seeded site and edge group: `mediaSettings.callback.site` / `.edgeGroup`. */
  callbackSite?: string;
  callbackEdgeGroup?: string;
  /** `pattern@domain` of a seeded email route: the queue's `outboundEmailAddress`. */
  outboundEmailAddress?: string;
  /** Users added directly, by email, with their ring number (default 1). */
  members?: { email: string; ringNumber?: number }[];
  /** Names of seeded groups whose users are members (`memberGroups`, type GROUP). */
  memberGroups?: string[];
}

/** A user of the org's directory (provisioned per org: genesys-clone never creates one). */
export interface SeedUser {
  id?: string;
  name: string;
  email: string;
  /** Division name (default: home). */
  division?: string;
  state?: "active" | "inactive";
}

/** An integration (e.g. Web Services Data Actions) and its published data actions. */
export interface SeedIntegration {
  id?: string;
  name: string;
  /** SDK `IntegrationType.id` (default `custom-rest-actions`). */
  integrationType?: string;
  /** Data actions by name; `category` defaults to the integration's name, as the Genesys UI sets it. */
  actions: { id?: string; name: string; category?: string; secure?: boolean }[];
}

/** A group of the org's directory; members by email. */
export interface SeedGroup {
  id?: string;
  name: string;
  description?: string;
  members: string[];
}

export interface SeedEdgeGroup {
  name: string;
  description?: string;
}

/** An inbound email domain (its name is its id) and its routes (`pattern@domain`). */
export interface SeedEmailDomain {
  name: string;
  routes: { pattern: string; fromName: string }[];
}

export interface SeedSchedule {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  division: string;
  description?: string;
  /** Local date-time `yyyy-MM-ddTHH:mm:ss.SSS`. */
  start: string;
  end: string;
  rrule?: string;
}

export interface SeedScheduleGroup {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  division: string;
  description?: string;
  timeZone: string;
  /** Schedule names. */
  open: string[];
  closed?: string[];
  holidays?: string[];
}

/** A published Architect flow: its name, type, division and references all come from the Archy YAML. */
export interface SeedFlow {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  yaml: string;
  /** One of the flows every org comes with (SDK `Flow.system`). */
  system?: boolean;
}

export interface SeedSite {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  description?: string;
}

export interface SeedTrunkBase {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  division: string;
  description?: string;
  /** Trunk metabase id, e.g. `external_sip_pcv_byoc_carrier.json`. */
  metabase: string;
  /** Site name; required for BYOC metabases. */
  inboundSite?: string;
  /** Property name -> `value.instance`. */
  properties: Record<string, string | boolean | number | string[]>;
  /** Properties whose instance is a random secret minted per process start (like client secrets). */
  secretProperties?: string[];
}

/** A DID pool the org owns (SDK `DIDPool`): E.164 numbers from start to end. */
export interface SeedDidPool {
  startPhoneNumber: string;
  endPhoneNumber: string;
  description?: string;
  provider?: string;
}

/** An Architect IVR: its DIDs (in the org's pools) and its flows (inbound call flow names) by schedule group name. */
export interface SeedIvr {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  division: string;
  description?: string;
  dnis: string[];
  openHoursFlow?: string;
  closedHoursFlow?: string;
  holidayHoursFlow?: string;
  scheduleGroup?: string;
}

export interface SeedPromptResource {
  /** Language code, e.g. en-us. */
  language: string;
  ttsString?: string;
  text?: string;
  /** Recorded audio (a WAV file), uploaded and transcoded. */
  audio?: Uint8Array;
}

/** A user prompt (`Prompt.<name>` in Archy) with one resource per language. */
export interface SeedPrompt {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  description?: string;
  resources: SeedPromptResource[];
}

/** A data table: columns in display order (`key`, a string, among them) and rows by key. */
export interface SeedDataTable {
  id?: string;
  name: string;
  division: string;
  description?: string;
  columns: {
    name: string;
    type: "string" | "integer" | "number" | "boolean";
    title?: string;
    default?: string | number | boolean;
  }[];
  rows?: Record<string, string | number | boolean>[];
}

/** An emergency group; `flows` names inbound call flows of the same org. */
export interface SeedEmergencyGroup {
  id?: string;
  name: string;
  division: string;
  description?: string;
  enabled?: boolean;
  /** Flow names; `{flow, ivrs}` also names the IVRs the emergency flow applies to. */
  flows?: (string | { flow: string; ivrs: string[] })[];
}

export interface SeedOrg {
  /** The object's id (default: derived from org, type and name), e.g. to copy a real org with its ids. */
  id?: string;
  name: string;
  region: string;
  thirdPartyOrgName: string;
  divisions: SeedDivision[];
  skills: SeedSkill[];
  wrapupcodes: SeedWrapupCode[];
  languages?: SeedLanguage[];
  queues?: SeedQueue[];
  schedules?: SeedSchedule[];
  schedulegroups?: SeedScheduleGroup[];
  flows?: SeedFlow[];
  sites?: SeedSite[];
  trunkbases?: SeedTrunkBase[];
  datatables?: SeedDataTable[];
  emergencygroups?: SeedEmergencyGroup[];
  edgeGroups?: SeedEdgeGroup[];
  emailDomains?: SeedEmailDomain[];
  didPools?: SeedDidPool[];
  ivrs?: SeedIvr[];
  prompts?: SeedPrompt[];
  users?: SeedUser[];
  groups?: SeedGroup[];
  /** Installed integrations with their data actions (credentials are never cloned: seed one in each org). */
  integrations?: SeedIntegration[];
}

export interface SeedData {
  orgs: SeedOrg[];
}
