import type {
  Division,
  IdRef,
  Language,
  Queue,
  QueueMediaSetting,
  QueueMediaType,
  RoutingRule,
  Schedule,
  ScheduleGroup,
  ScriptCommunicationType,
  Skill,
  WrapupCode,
} from "../state/entities";
import type { OrgStore } from "../state/org-store";
import type { EdgeGroupRecord, EmailDomainRecord, InboundRouteRecord, SystemPromptRecord } from "../state/org-refs";
import type { Page } from "../state/paging";
import type { Models, SdkResponse } from "./sdk";

/** Wire shapes of the Platform API (relative `/api/v2/...` selfUris, no org prefix). */
export interface DivisionRef {
  id: string;
  name: string;
  selfUri: string;
}
type _DivisionRef = SdkResponse<Models.Division, DivisionRef>;

export interface AuthzDivisionWire {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
  selfUri: string;
}
type _AuthzDivisionWire = SdkResponse<Models.AuthzDivision, AuthzDivisionWire>;

export interface RoutingSkillWire {
  id: string;
  name: string;
  division: DivisionRef;
  dateModified: string;
  state: string;
  version: string;
  selfUri: string;
}
type _RoutingSkillWire = SdkResponse<Models.RoutingSkill, RoutingSkillWire>;

export interface WrapupCodeWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  dateCreated: string;
  dateModified: string;
  selfUri: string;
}
type _WrapupCodeWire = SdkResponse<Models.WrapupCode, WrapupCodeWire>;

export interface LanguageWire {
  id: string;
  name: string;
  dateModified: string;
  state: string;
  version: string;
  selfUri: string;
}
type _LanguageWire = SdkResponse<Models.Language, LanguageWire>;

export interface RefWire {
  id: string;
  name?: string;
  selfUri: string;
}

export interface BullseyeRingWire {
  expansionCriteria?: { type?: string; threshold?: number }[];
  actions?: { skillsToRemove?: RefWire[] };
  memberGroups?: { id: string; type?: string }[];
}
type _BullseyeRingWire = SdkResponse<Models.Ring, BullseyeRingWire>;

/** SDK ConditionalGroupRoutingRule as read: every rule names its queue (the first one its own). */
export interface ConditionalGroupRoutingRuleWire {
  queue?: RefWire;
  metric?: string;
  operator?: string;
  conditionValue?: number;
  groups?: { id: string; type?: string }[];
  waitSeconds?: number;
}

export interface QueueWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  dateCreated: string;
  dateModified: string;
  memberCount: number;
  userMemberCount: number;
  joinedMemberCount: number;
  mediaSettings?: Partial<Record<QueueMediaType, QueueMediaSetting>>;
  routingRules?: RoutingRule[];
  bullseye?: { rings?: BullseyeRingWire[] };
  conditionalGroupRouting?: { rules?: ConditionalGroupRoutingRuleWire[] };
  scoringMethod?: string;
  lastAgentRoutingMode?: string;
  acwSettings?: { wrapupPrompt?: string; timeoutMs?: number };
  skillEvaluationMethod?: string;
  queueFlow?: RefWire;
  emailInQueueFlow?: RefWire;
  messageInQueueFlow?: RefWire;
  whisperPrompt?: RefWire;
  onHoldPrompt?: RefWire;
  autoAnswerOnly?: boolean;
  enableTranscription?: boolean;
  enableAudioMonitoring?: boolean;
  enableManualAssignment?: boolean;
  callingPartyName?: string;
  callingPartyNumber?: string;
  defaultScripts?: Partial<Record<ScriptCommunicationType, RefWire>>;
  outboundEmailAddress?: { domain?: RefWire; route?: InboundRouteWire };
  suppressInQueueCallRecording?: boolean;
  selfUri: string;
}
type _QueueWire = SdkResponse<Models.Queue, QueueWire>;

export interface ScheduleWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  version: number;
  dateCreated: string;
  dateModified: string;
  state: string;
  start: string;
  end: string;
  rrule?: string;
  selfUri: string;
}
type _ScheduleWire = SdkResponse<Models.Schedule, ScheduleWire>;

export interface ScheduleGroupWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  version: number;
  dateCreated: string;
  dateModified: string;
  state: string;
  timeZone?: string;
  openSchedules: RefWire[];
  closedSchedules: RefWire[];
  holidaySchedules: RefWire[];
  selfUri: string;
}
type _ScheduleGroupWire = SdkResponse<Models.ScheduleGroup, ScheduleGroupWire>;

export interface OrganizationWire {
  id: string;
  name: string;
  defaultLanguage: string;
  defaultCountryCode: string;
  thirdPartyOrgName: string;
  domain: string;
  version: number;
  state: string;
  selfUri: string;
}
type _OrganizationWire = SdkResponse<Models.Organization, OrganizationWire>;

export interface EntityListing<T> extends Page<T> {
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
}
// The envelope of every *EntityListing model (checked on one of them).
type _EntityListing = SdkResponse<Models.WrapupCodeEntityListing, EntityListing<WrapupCodeWire>>;

export const DIVISIONS_PATH = "/api/v2/authorization/divisions";
export const SKILLS_PATH = "/api/v2/routing/skills";
export const WRAPUPCODES_PATH = "/api/v2/routing/wrapupcodes";
export const LANGUAGES_PATH = "/api/v2/routing/languages";
export const QUEUES_PATH = "/api/v2/routing/queues";
export const SCHEDULES_PATH = "/api/v2/architect/schedules";
export const SCHEDULEGROUPS_PATH = "/api/v2/architect/schedulegroups";
const FLOWS_PATH = "/api/v2/flows";
const PROMPTS_PATH = "/api/v2/architect/prompts";
const SCRIPTS_PATH = "/api/v2/scripts";

export function divisionRef(org: OrgStore, id: string): DivisionRef {
  const d = org.findDivision(id);
  return { id, name: d ? d.name : "", selfUri: `${DIVISIONS_PATH}/${id}` };
}

export function divisionToWire(d: Division): AuthzDivisionWire {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    homeDivision: d.homeDivision,
    selfUri: `${DIVISIONS_PATH}/${d.id}`,
  };
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

export function languageToWire(l: Language): LanguageWire {
  return {
    id: l.id,
    name: l.name,
    dateModified: l.dateModified,
    state: l.state,
    version: String(l.version),
    selfUri: `${LANGUAGES_PATH}/${l.id}`,
  };
}

function ref(path: string, r: IdRef | undefined): RefWire | undefined {
  return r === undefined ? undefined : { id: r.id, selfUri: `${path}/${r.id}` };
}

/** A queue's flow reference: with the flow's name (flows are emulated, so the id names an existing flow). */
function flowRef(org: OrgStore, r: IdRef | undefined): RefWire | undefined {
  if (r === undefined) return undefined;
  return compact({ id: r.id, name: org.flows.findFlow(r.id)?.name, selfUri: `${FLOWS_PATH}/${r.id}` });
}

/** Drops keys whose value is undefined, so optional fields are absent rather than null. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function skillRef(org: OrgStore, id: string): RefWire {
  let name: string | undefined;
  try {
    name = org.getSkill(id).name;
  } catch {
    name = undefined;
  }
  return compact({ id, name, selfUri: `${SKILLS_PATH}/${id}` });
}

/** The Queue entity: stored request fields in CreateQueueRequest order, plus the read-only counts (no members yet). */
export const EDGE_GROUPS_PATH = "/api/v2/telephony/providers/edges/edgegroups";
export const EMAIL_DOMAINS_PATH = "/api/v2/routing/email/domains";
export const SYSTEM_PROMPTS_PATH = "/api/v2/architect/systemprompts";

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

function outboundEmailAddressWire(
  org: OrgStore,
  a: { domain?: IdRef; route?: IdRef } | undefined,
): QueueWire["outboundEmailAddress"] {
  if (!a?.domain) return undefined;
  const domain = org.refs.findEmailDomain(a.domain.id);
  const route = domain?.routes.find((r) => r.id === a.route?.id);
  return compact({
    domain: { id: a.domain.id, selfUri: `${EMAIL_DOMAINS_PATH}/${a.domain.id}` },
    route: domain && route ? routeToWire(domain.id, route) : undefined,
  });
}

export function queueToWire(org: OrgStore, q: Queue): QueueWire {
  const s = q.settings;
  const scripts = s.defaultScripts;
  return compact<QueueWire>({
    id: q.id,
    name: q.name,
    division: divisionRef(org, q.divisionId),
    description: q.description,
    dateCreated: q.dateCreated,
    dateModified: q.dateModified,
    memberCount: 0,
    userMemberCount: 0,
    joinedMemberCount: 0,
    mediaSettings: s.mediaSettings === undefined ? undefined : structuredClone(s.mediaSettings),
    routingRules: s.routingRules?.map((r) => ({ ...r })),
    bullseye:
      s.bullseye === undefined
        ? undefined
        : compact({
            rings: s.bullseye.rings?.map((ring) =>
              compact<BullseyeRingWire>({
                expansionCriteria: ring.expansionCriteria?.map((c) => ({ ...c })),
                actions:
                  ring.actions === undefined
                    ? undefined
                    : compact({ skillsToRemove: ring.actions.skillsToRemove?.map((r) => skillRef(org, r.id)) }),
                memberGroups: ring.memberGroups?.map((g) => ({ ...g })),
              }),
            ),
          }),
    conditionalGroupRouting:
      s.conditionalGroupRouting === undefined
        ? undefined
        : compact({
            rules: s.conditionalGroupRouting.rules?.map((rule, i) =>
              compact<ConditionalGroupRoutingRuleWire>({
                ...rule,
                queue: ref(QUEUES_PATH, i === 0 ? { id: q.id } : rule.queue),
                groups: rule.groups?.map((g) => ({ ...g })),
              }),
            ),
          }),
    scoringMethod: s.scoringMethod,
    lastAgentRoutingMode: s.lastAgentRoutingMode,
    acwSettings: s.acwSettings === undefined ? undefined : { ...s.acwSettings },
    skillEvaluationMethod: s.skillEvaluationMethod,
    queueFlow: flowRef(org, s.queueFlow),
    emailInQueueFlow: flowRef(org, s.emailInQueueFlow),
    messageInQueueFlow: flowRef(org, s.messageInQueueFlow),
    whisperPrompt: ref(PROMPTS_PATH, s.whisperPrompt),
    onHoldPrompt: ref(PROMPTS_PATH, s.onHoldPrompt),
    autoAnswerOnly: s.autoAnswerOnly,
    enableTranscription: s.enableTranscription,
    enableAudioMonitoring: s.enableAudioMonitoring,
    enableManualAssignment: s.enableManualAssignment,
    callingPartyName: s.callingPartyName,
    callingPartyNumber: s.callingPartyNumber,
    defaultScripts:
      scripts === undefined
        ? undefined
        : Object.fromEntries(Object.entries(scripts).map(([k, v]) => [k, ref(SCRIPTS_PATH, v)])),
    outboundEmailAddress: outboundEmailAddressWire(org, s.outboundEmailAddress),
    suppressInQueueCallRecording: s.suppressInQueueCallRecording,
    selfUri: `${QUEUES_PATH}/${q.id}`,
  });
}

export function scheduleToWire(org: OrgStore, x: Schedule): ScheduleWire {
  return compact<ScheduleWire>({
    id: x.id,
    name: x.name,
    division: divisionRef(org, x.divisionId),
    description: x.description,
    version: x.version,
    dateCreated: x.dateCreated,
    dateModified: x.dateModified,
    state: x.state,
    start: x.start,
    end: x.end,
    rrule: x.rrule,
    selfUri: `${SCHEDULES_PATH}/${x.id}`,
  });
}

function scheduleRef(org: OrgStore, id: string): RefWire {
  let name: string | undefined;
  try {
    name = org.getSchedule(id).name;
  } catch {
    name = undefined;
  }
  return compact({ id, name, selfUri: `${SCHEDULES_PATH}/${id}` });
}

export function scheduleGroupToWire(org: OrgStore, g: ScheduleGroup): ScheduleGroupWire {
  return compact<ScheduleGroupWire>({
    id: g.id,
    name: g.name,
    division: divisionRef(org, g.divisionId),
    description: g.description,
    version: g.version,
    dateCreated: g.dateCreated,
    dateModified: g.dateModified,
    state: g.state,
    timeZone: g.timeZone,
    openSchedules: g.openScheduleIds.map((id) => scheduleRef(org, id)),
    closedSchedules: g.closedScheduleIds.map((id) => scheduleRef(org, id)),
    holidaySchedules: g.holidayScheduleIds.map((id) => scheduleRef(org, id)),
    selfUri: `${SCHEDULEGROUPS_PATH}/${g.id}`,
  });
}

/**
 * Every real org has a default country code (Terraform's provider configure dereferences
 * `organizations/me` `defaultCountryCode` unchecked): the emulator derives one from the org's region.
 */
const COUNTRY_OF_REGION: Record<string, string> = {
  "us-east-1": "US",
  "us-east-2": "US",
  "us-west-2": "US",
  "ca-central-1": "CA",
  "sa-east-1": "BR",
  "mx-central-1": "MX",
  "eu-west-1": "IE",
  "eu-west-2": "GB",
  "eu-central-1": "DE",
  "eu-central-2": "CH",
  "me-central-1": "AE",
  "af-south-1": "ZA",
  "ap-south-1": "IN",
  "ap-southeast-1": "SG",
  "ap-southeast-2": "AU",
  "ap-northeast-1": "JP",
  "ap-northeast-2": "KR",
  "ap-northeast-3": "JP",
};

export function organizationToWire(org: OrgStore): OrganizationWire {
  return {
    id: org.id,
    name: org.name,
    defaultLanguage: "en-us",
    defaultCountryCode: COUNTRY_OF_REGION[org.region] ?? "US",
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
  const uri = (n: number): string =>
    `${basePath}?pageSize=${page.pageSize}&pageNumber=${n}${tail === "" ? "" : `&${tail}`}`;
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
