import { z } from "zod";
import {
  CGR_METRICS,
  CGR_OPERATORS,
  EXPANSION_CRITERION_TYPES,
  LAST_AGENT_ROUTING_MODES,
  MEMBER_GROUP_TYPES,
  ROUTING_RULE_OPERATORS,
  SCORING_METHODS,
  SCRIPT_COMMUNICATION_TYPES,
  SKILL_EVALUATION_METHODS,
  WRAPUP_PROMPTS,
  type IdRef,
  type Queue,
  type QueueMediaSetting,
  type QueueMediaType,
  type RoutingRule,
  type ScriptCommunicationType,
} from "../../state/entities";
import { isUuid } from "../../state/ids";
import type { OrgStore } from "../../state/org-store";
import type { QueueInput } from "../../state/routing/store";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryList, queryValue, withoutNulls, type EnumIssueParams } from "../http";
import { addObjectRoutes } from "../objects";
import { booleanParam, sortOrderParam } from "../params";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { compact, divisionRef, pagedListing, ref, type DivisionRef, type RefWire } from "../wire";
import { EMAIL_DOMAINS_PATH, routeToWire, type InboundRouteWire } from "../org-refs";
import { SKILLS_PATH } from "./skills";
import { GROUPS_PATH } from "../directory/groups";
import { wrapupcodeToWire } from "./wrapupcodes";

export const QUEUES_PATH = "/api/v2/routing/queues";
const FLOWS_PATH = "/api/v2/flows";
const PROMPTS_PATH = "/api/v2/architect/prompts";
const SCRIPTS_PATH = "/api/v2/scripts";
const MAX_QUEUE_WRAPUPCODES_PAGE_SIZE = 100;

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
  memberGroups?: MemberGroupWire[];
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

/** SDK MemberGroup as a queue reads it back: id and type (what Terraform's routing_queue reads), with the group's name. */
export interface MemberGroupWire {
  id: string;
  name?: string;
  type: string;
  selfUri: string;
}
type _MemberGroupWire = SdkResponse<Models.MemberGroup, MemberGroupWire>;

/** Distinct users of a queue: direct members and the active users of its member groups. */
export function queueMemberCounts(org: OrgStore, q: Queue): { memberCount: number; userMemberCount: number } {
  const direct = (q.members ?? []).filter((m) => org.directory.findUser(m.userId)?.state === "active");
  const all = new Set(direct.map((m) => m.userId));
  for (const g of q.settings.memberGroups ?? []) for (const u of org.directory.groupMembers(g.id)) all.add(u.id);
  return { memberCount: all.size, userMemberCount: direct.length };
}

/** A queue's flow reference: with the flow's name (flows are emulated, so the id names an existing flow). */
function flowRef(org: OrgStore, r: IdRef | undefined): RefWire | undefined {
  if (r === undefined) return undefined;
  return compact({ id: r.id, name: org.architect.flows.findFlow(r.id)?.name, selfUri: `${FLOWS_PATH}/${r.id}` });
}

function skillRef(org: OrgStore, id: string): RefWire {
  let name: string | undefined;
  try {
    name = org.routing.getSkill(id).name;
  } catch {
    name = undefined;
  }
  return compact({ id, name, selfUri: `${SKILLS_PATH}/${id}` });
}

/** The Queue entity: stored request fields in CreateQueueRequest order, plus the read-only counts (no members yet). */
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
    ...queueMemberCounts(org, q),
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
    memberGroups: s.memberGroups?.map((g) =>
      compact<MemberGroupWire>({
        id: g.id,
        name: org.directory.findGroup(g.id)?.name,
        type: g.type ?? "GROUP",
        selfUri: `${GROUPS_PATH}/${g.id}`,
      }),
    ),
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

/** A reference to an object the emulator does not hold yet (flow, prompt, script): any UUID is accepted. */
const uuidRef = z.object({ id: z.string().refine(isUuid, { message: "must be a UUID" }) });

// Limits of TF routing_queue schema (queueMediaSettingsResource): alerting_timeout_sec "Must be >= 7",
// service_level_duration_ms "Must be >= 1000".
const serviceLevelSchema = z.object({
  percentage: z.number().min(0).max(1).optional(),
  durationMs: z.number().int().min(1000, "must be at least 1000 (ms)").optional(),
});

const mediaFields = {
  alertingTimeoutSeconds: z.number().int().min(7, "must be at least 7 (seconds)").optional(),
  serviceLevel: serviceLevelSchema.optional(),
  enableAutoAnswer: z.boolean().optional(),
  autoAnswerAlertToneSeconds: z.number().min(0).optional(),
  manualAnswerAlertToneSeconds: z.number().min(0).optional(),
};
const mediaSchema = z.object(mediaFields);
/** callback / email / message have more sub-fields (mode, addresses, sub-type settings…): kept verbatim. */
const mediaWithExtrasSchema = z.looseObject(mediaFields);

function isScriptType(key: string): key is ScriptCommunicationType {
  return (SCRIPT_COMMUNICATION_TYPES as readonly string[]).includes(key);
}

/** `defaultScripts`: communication type -> script ref; an unknown type is an enum error naming `defaultScripts`. */
const defaultScriptsSchema = z
  .record(z.string(), uuidRef)
  .superRefine((scripts, ctx) => {
    for (const key of Object.keys(scripts)) {
      if (!isScriptType(key)) {
        const params: EnumIssueParams = { value: key, allowed: SCRIPT_COMMUNICATION_TYPES };
        ctx.addIssue({ code: "custom", message: `unknown communication type ${key}`, params });
      }
    }
  })
  .transform((scripts) => {
    const out: Partial<Record<ScriptCommunicationType, { id: string }>> = {};
    for (const [key, ref] of Object.entries(scripts)) if (isScriptType(key)) out[key] = ref;
    return out;
  });

/**
 * CreateQueueRequest / QueueRequest (identical but for the ignored create-only `sourceQueueId`). Read-only
 * fields (id, dates, member counts, selfUri) and fields not emulated (canned responses,
 * outbound addresses, peerId, …) are ignored.
 */
const queueRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
  description: z.string().optional(),
  mediaSettings: z
    .object({
      call: mediaSchema.optional(),
      callback: mediaWithExtrasSchema.optional(),
      chat: mediaSchema.optional(),
      email: mediaWithExtrasSchema.optional(),
      message: mediaWithExtrasSchema.optional(),
    })
    .optional(),
  routingRules: z
    .array(
      z.object({
        operator: z.enum(ROUTING_RULE_OPERATORS).optional(),
        threshold: z.number().int().optional(),
        waitSeconds: z.number().min(0).optional(),
      }),
    )
    .optional(),
  bullseye: z
    .object({
      rings: z
        .array(
          z.object({
            expansionCriteria: z
              .array(z.object({ type: z.enum(EXPANSION_CRITERION_TYPES).optional(), threshold: z.number().optional() }))
              .optional(),
            actions: z.object({ skillsToRemove: z.array(z.object({ id: z.string() })).optional() }).optional(),
            memberGroups: z.array(z.object({ id: z.string(), type: z.enum(MEMBER_GROUP_TYPES).optional() })).optional(),
          }),
        )
        // TF routing_queue schema `bullseye_rings`: MaxItems 6.
        .max(6, "at most 6 bullseye rings")
        .optional(),
    })
    .optional(),
  // SDK ConditionalGroupRouting; at most 5 rules, enums and bounds of TF routing_queue `conditional_group_routing_rules`.
  conditionalGroupRouting: z
    .object({
      rules: z
        .array(
          z.object({
            queue: z.object({ id: z.string() }).optional(),
            metric: z.enum(CGR_METRICS).optional(),
            operator: z.enum(CGR_OPERATORS).optional(),
            conditionValue: z.number().min(0).max(259200).optional(),
            groups: z
              .array(
                z.object({
                  id: z.string().refine(isUuid, { message: "must be a UUID" }),
                  type: z.enum(MEMBER_GROUP_TYPES).optional(),
                }),
              )
              .optional(),
            waitSeconds: z.number().int().min(0).max(259200).optional(),
          }),
        )
        .max(5)
        .optional(),
    })
    .optional(),
  scoringMethod: z.enum(SCORING_METHODS).optional(),
  lastAgentRoutingMode: z.enum(LAST_AGENT_ROUTING_MODES).optional(),
  acwSettings: z
    .object({
      wrapupPrompt: z.enum(WRAPUP_PROMPTS).optional(),
      timeoutMs: z.number().int().min(1000).max(3_600_000).optional(),
    })
    .optional(),
  skillEvaluationMethod: z.enum(SKILL_EVALUATION_METHODS).optional(),
  // SDK MemberGroup: Terraform's routing_queue sends {id, type} (`member_groups` of bullseye rings and CGR alike).
  memberGroups: z
    .array(z.object({ id: z.string().refine(isUuid, { message: "must be a UUID" }), type: z.enum(MEMBER_GROUP_TYPES) }))
    .optional(),
  queueFlow: uuidRef.optional(),
  emailInQueueFlow: uuidRef.optional(),
  messageInQueueFlow: uuidRef.optional(),
  whisperPrompt: uuidRef.optional(),
  onHoldPrompt: uuidRef.optional(),
  autoAnswerOnly: z.boolean().optional(),
  enableTranscription: z.boolean().optional(),
  enableAudioMonitoring: z.boolean().optional(),
  enableManualAssignment: z.boolean().optional(),
  suppressInQueueCallRecording: z.boolean().optional(),
  callingPartyName: z.string().optional(),
  callingPartyNumber: z.string().optional(),
  defaultScripts: defaultScriptsSchema.optional(),
  // SDK QueueEmailAddress; Terraform sends both by id only (routing_queue `buildSdkQueueEmailAddress`), although
  // the SDK's InboundRoute requires `pattern` and `fromName`: those are read-only here.
  outboundEmailAddress: z
    .object({
      domain: z.object({ id: z.string({ error: "outboundEmailAddress.domain.id is required" }) }).optional(),
      route: z.object({ id: z.string({ error: "outboundEmailAddress.route.id is required" }) }).optional(),
    })
    .optional(),
});
type _queueRequestSchema = SdkRequest<
  Models.QueueRequest & Models.CreateQueueRequest,
  z.input<typeof queueRequestSchema>
>;

/** `[{"id": codeId}, …]` (WrapUpCodeReference[]). */
const wrapupCodeReferencesSchema = z.array(
  z.object({ id: z.string({ error: "id is required and must be a string" }) }),
);
type _wrapupCodeReferencesSchema = SdkRequest<Models.WrapUpCodeReference[], z.input<typeof wrapupCodeReferencesSchema>>;

function queueInput(ctx: ApiContext): QueueInput {
  const { division, ...rest } = parseBody(queueRequestSchema, withoutNulls(ctx.json()));
  return { ...rest, divisionId: division?.id };
}

export function registerQueueRoutes(router: ApiRouter): void {
  addObjectRoutes(router, {
    path: QUEUES_PATH,
    idParam: "queueId",
    toWire: queueToWire,
    list: {
      maxPageSize: 500,
      items: (ctx) =>
        ctx.org.routing.listQueues({
          name: queryValue(ctx.query, "name"),
          ids: queryList(ctx.query, "id"),
          divisionIds: queryList(ctx.query, "divisionId"),
          sortOrder: sortOrderParam(ctx.query),
        }),
    },
    create: (ctx) => ctx.org.routing.createQueue(queueInput(ctx)),
    get: (org, id) => org.routing.getQueue(id),
    update: { method: "PUT", apply: (ctx, id) => ctx.org.routing.replaceQueue(id, queueInput(ctx)) },
    // forceDelete is validated but changes nothing: queues have no members and no flows use them yet.
    remove: (ctx, id) => {
      booleanParam(ctx.query, "forceDelete");
      ctx.org.routing.deleteQueue(id);
    },
  });

  router.add("GET", `${QUEUES_PATH}/{queueId}/wrapupcodes`, (ctx) => {
    const queueId = param(ctx, "queueId");
    const codes = ctx.org.routing.listQueueWrapupcodes(queueId, { name: queryValue(ctx.query, "name") });
    return {
      status: 200,
      body: pagedListing(ctx, `${QUEUES_PATH}/${queueId}/wrapupcodes`, MAX_QUEUE_WRAPUPCODES_PAGE_SIZE, codes, (w) =>
        wrapupcodeToWire(ctx.org, w),
      ),
    };
  });

  router.add("POST", `${QUEUES_PATH}/{queueId}/wrapupcodes`, (ctx) => {
    const queueId = param(ctx, "queueId");
    ctx.org.routing.getQueue(queueId);
    const refs = parseBody(wrapupCodeReferencesSchema, ctx.json());
    const codes = ctx.org.routing.addQueueWrapupcodes(
      queueId,
      refs.map((r) => r.id),
    );
    return { status: 200, body: codes.map((w) => wrapupcodeToWire(ctx.org, w)) };
  });

  router.add("DELETE", `${QUEUES_PATH}/{queueId}/wrapupcodes/{codeId}`, (ctx) => {
    ctx.org.routing.removeQueueWrapupcode(param(ctx, "queueId"), param(ctx, "codeId"));
    return { status: 204 };
  });
}
