/** Records as the emulator stores them. The routes layer turns them into the API's wire shapes. */

export interface Division {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
}

export type SkillState = "active" | "deleted";

export interface Skill {
  id: string;
  name: string;
  divisionId: string;
  dateModified: string;
  state: SkillState;
  /** Genesys exposes the skill version as a string; stored as an integer and bumped on every change. */
  version: number;
}

export interface WrapupCode {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  dateCreated: string;
  dateModified: string;
}

/** A routing language: like a skill (soft delete, no update), but without a division. */
export interface Language {
  id: string;
  name: string;
  dateModified: string;
  state: SkillState;
  version: number;
}

// ---- routing queues ---------------------------------------------------------------------------

export const QUEUE_MEDIA_TYPES = ["call", "callback", "chat", "email", "message"] as const;
export const ROUTING_RULE_OPERATORS = ["MEETS_THRESHOLD", "ANY"] as const;
export const SCORING_METHODS = ["TimestampAndPriority", "PriorityOnly"] as const;
export const LAST_AGENT_ROUTING_MODES = ["Disabled", "QueueMembersOnly", "AnyAgent"] as const;
export const WRAPUP_PROMPTS = [
  "MANDATORY",
  "OPTIONAL",
  "MANDATORY_TIMEOUT",
  "MANDATORY_FORCED_TIMEOUT",
  "AGENT_REQUESTED",
] as const;
export const SKILL_EVALUATION_METHODS = ["NONE", "BEST", "ALL"] as const;
export const EXPANSION_CRITERION_TYPES = ["TIMEOUT_SECONDS"] as const;
export const MEMBER_GROUP_TYPES = ["TEAM", "GROUP", "SKILLGROUP"] as const;
/** Keys of `defaultScripts` (communication types). */
export const SCRIPT_COMMUNICATION_TYPES = [
  "CALL",
  "CALLBACK",
  "CHAT",
  "COBROWSE",
  "EMAIL",
  "MESSAGE",
  "SOCIAL_EXPRESSION",
  "VIDEO",
  "SCREENSHARE",
] as const;
/** Queue fields that reference a flow (must exist, of the matching in-queue type) or a prompt (any UUID) by id. */
export const QUEUE_FLOW_REFS = ["queueFlow", "emailInQueueFlow", "messageInQueueFlow"] as const;
export const QUEUE_PROMPT_REFS = ["whisperPrompt", "onHoldPrompt"] as const;
export const QUEUE_BOOLEAN_FIELDS = [
  "autoAnswerOnly",
  "enableTranscription",
  "enableAudioMonitoring",
  "enableManualAssignment",
  "suppressInQueueCallRecording",
] as const;

export type QueueMediaType = (typeof QUEUE_MEDIA_TYPES)[number];
export type ScriptCommunicationType = (typeof SCRIPT_COMMUNICATION_TYPES)[number];

export interface IdRef {
  id: string;
}

export interface ServiceLevel {
  percentage?: number;
  durationMs?: number;
}

/** One media type's settings; callback / email / message keep their other sub-fields verbatim. */
export interface QueueMediaSetting {
  alertingTimeoutSeconds?: number;
  serviceLevel?: ServiceLevel;
  enableAutoAnswer?: boolean;
  autoAnswerAlertToneSeconds?: number;
  manualAnswerAlertToneSeconds?: number;
  [extra: string]: unknown;
}

export interface RoutingRule {
  operator?: (typeof ROUTING_RULE_OPERATORS)[number];
  threshold?: number;
  waitSeconds?: number;
}

export interface MemberGroupRef {
  id: string;
  type?: (typeof MEMBER_GROUP_TYPES)[number];
}

export interface BullseyeRing {
  expansionCriteria?: { type?: (typeof EXPANSION_CRITERION_TYPES)[number]; threshold?: number }[];
  /** Skills (by id, active when written) the ring drops from the interaction's requirements. */
  actions?: { skillsToRemove?: IdRef[] };
  memberGroups?: MemberGroupRef[];
}

/** Everything of a CreateQueueRequest / QueueRequest except name, division and description. */
/** SDK `ConditionalGroupRoutingRule` operators and metrics (TF routing_queue schema `conditional_group_routing_rules`). */
export const CGR_OPERATORS = ["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"] as const;
export const CGR_METRICS = ["EstimatedWaitTime", "ServiceLevel"] as const;

/**
 * One conditional group routing rule. The first rule always evaluates the queue itself: it is stored
 * without a queue and read back naming its own queue (TF routing_queue `flattenConditionalGroupRoutingRules`).
 */
export interface ConditionalGroupRoutingRule {
  queue?: IdRef;
  metric?: (typeof CGR_METRICS)[number];
  operator?: (typeof CGR_OPERATORS)[number];
  conditionValue?: number;
  groups?: { id: string; type?: (typeof MEMBER_GROUP_TYPES)[number] }[];
  waitSeconds?: number;
}

export interface QueueSettings {
  mediaSettings?: Partial<Record<QueueMediaType, QueueMediaSetting>>;
  routingRules?: RoutingRule[];
  bullseye?: { rings?: BullseyeRing[] };
  conditionalGroupRouting?: { rules?: ConditionalGroupRoutingRule[] };
  scoringMethod?: (typeof SCORING_METHODS)[number];
  lastAgentRoutingMode?: (typeof LAST_AGENT_ROUTING_MODES)[number];
  acwSettings?: { wrapupPrompt?: (typeof WRAPUP_PROMPTS)[number]; timeoutMs?: number };
  skillEvaluationMethod?: (typeof SKILL_EVALUATION_METHODS)[number];
  queueFlow?: IdRef;
  emailInQueueFlow?: IdRef;
  messageInQueueFlow?: IdRef;
  whisperPrompt?: IdRef;
  onHoldPrompt?: IdRef;
  autoAnswerOnly?: boolean;
  enableTranscription?: boolean;
  enableAudioMonitoring?: boolean;
  enableManualAssignment?: boolean;
  suppressInQueueCallRecording?: boolean;
  callingPartyName?: string;
  callingPartyNumber?: string;
  defaultScripts?: Partial<Record<ScriptCommunicationType, IdRef>>;
  /** SDK QueueEmailAddress: an inbound email domain (its name) and one of its routes. */
  outboundEmailAddress?: { domain?: IdRef; route?: IdRef };
  /** SDK MemberGroup: groups whose users are members of the queue (`memberBy: group`). */
  memberGroups?: MemberGroupRef[];
}

/** A user added to a queue directly (`memberBy: user`), with its bullseye ring number (1-6). */
export interface QueueMembership {
  userId: string;
  ringNumber: number;
}

export interface Queue {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  dateCreated: string;
  dateModified: string;
  settings: QueueSettings;
  /** Assigned wrap-up codes, in assignment order. */
  wrapupCodeIds: string[];
  /** Users added directly (`POST /routing/queues/{id}/members`), in the order added. */
  members?: QueueMembership[];
  /**
   * Set by DELETE: emulator time (ms) from which the queue is gone (GET 404). Until then GET still returns it,
   * it keeps its name, division and wrap-up codes busy, but listings, the dump and writes no longer see it.
   */
  goneAt?: number;
}

// ---- architect schedules ----------------------------------------------------------------------

export type ArchitectState = "active" | "deleted";

export interface Schedule {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  /** Integer version, 1 on create, +1 on every change. */
  version: number;
  state: ArchitectState;
  /** Local date-time without zone, normalised to `yyyy-MM-ddTHH:mm:ss.SSS`. */
  start: string;
  end: string;
  rrule?: string;
  dateCreated: string;
  dateModified: string;
}

export interface ScheduleGroup {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  version: number;
  state: ArchitectState;
  /** IANA time zone the schedules are evaluated in. */
  timeZone?: string;
  openScheduleIds: string[];
  closedScheduleIds: string[];
  holidayScheduleIds: string[];
  dateCreated: string;
  dateModified: string;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
}

export interface IssuedToken {
  token: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

/** Case-insensitive name order, then id: the deterministic order of every listing and dump. */
export function byNameThenId<T extends { name: string; id: string }>(a: T, b: T): number {
  const an = a.name.toLowerCase();
  const bn = b.name.toLowerCase();
  if (an !== bn) return an < bn ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
