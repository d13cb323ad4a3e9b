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
  type ScriptCommunicationType,
} from "../state/entities";
import { isUuid } from "../state/ids";
import type { QueueInput } from "../state/org-store";
import { pageRequest, paginate } from "../state/paging";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { parseBody, queryList, queryValue, withoutNulls, type EnumIssueParams } from "./http";
import { booleanParam, sortOrderParam } from "./params";
import { listing, QUEUES_PATH, queueToWire, wrapupcodeToWire } from "./serialize";
import type { Models, SdkRequest } from "./sdk";

const MAX_PAGE_SIZE = 500;
const MAX_QUEUE_WRAPUPCODES_PAGE_SIZE = 100;

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
 * fields (id, dates, member counts, selfUri) and fields not emulated (memberGroups, canned responses,
 * outbound messaging addresses, peerId, …) are ignored.
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
  router.add("GET", QUEUES_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    const all = ctx.org.listQueues({
      name: queryValue(ctx.query, "name"),
      ids: queryList(ctx.query, "id"),
      divisionIds: queryList(ctx.query, "divisionId"),
      sortOrder: sortOrderParam(ctx.query),
    });
    return {
      status: 200,
      body: listing(
        QUEUES_PATH,
        ctx.query,
        paginate(
          all.map((q) => queueToWire(ctx.org, q)),
          page,
        ),
      ),
    };
  });

  router.add("POST", QUEUES_PATH, (ctx) => ({
    status: 200,
    body: queueToWire(ctx.org, ctx.org.createQueue(queueInput(ctx))),
  }));

  router.add("GET", `${QUEUES_PATH}/{queueId}`, (ctx) => ({
    status: 200,
    body: queueToWire(ctx.org, ctx.org.getQueue(param(ctx, "queueId"))),
  }));

  router.add("PUT", `${QUEUES_PATH}/{queueId}`, (ctx) => {
    const id = param(ctx, "queueId");
    ctx.org.getQueue(id); // 404 before validating the body
    return { status: 200, body: queueToWire(ctx.org, ctx.org.replaceQueue(id, queueInput(ctx))) };
  });

  // forceDelete is validated but changes nothing: queues have no members and no flows use them yet.
  router.add("DELETE", `${QUEUES_PATH}/{queueId}`, (ctx) => {
    booleanParam(ctx.query, "forceDelete");
    ctx.org.deleteQueue(param(ctx, "queueId"));
    return { status: 204 };
  });

  router.add("GET", `${QUEUES_PATH}/{queueId}/wrapupcodes`, (ctx) => {
    const queueId = param(ctx, "queueId");
    const page = pageRequest(
      queryValue(ctx.query, "pageSize"),
      queryValue(ctx.query, "pageNumber"),
      MAX_QUEUE_WRAPUPCODES_PAGE_SIZE,
    );
    const codes = ctx.org.listQueueWrapupcodes(queueId, { name: queryValue(ctx.query, "name") });
    return {
      status: 200,
      body: listing(
        `${QUEUES_PATH}/${queueId}/wrapupcodes`,
        ctx.query,
        paginate(
          codes.map((w) => wrapupcodeToWire(ctx.org, w)),
          page,
        ),
      ),
    };
  });

  router.add("POST", `${QUEUES_PATH}/{queueId}/wrapupcodes`, (ctx) => {
    const queueId = param(ctx, "queueId");
    ctx.org.getQueue(queueId);
    const refs = parseBody(wrapupCodeReferencesSchema, ctx.json());
    const codes = ctx.org.addQueueWrapupcodes(
      queueId,
      refs.map((r) => r.id),
    );
    return { status: 200, body: codes.map((w) => wrapupcodeToWire(ctx.org, w)) };
  });

  router.add("DELETE", `${QUEUES_PATH}/{queueId}/wrapupcodes/{codeId}`, (ctx) => {
    ctx.org.removeQueueWrapupcode(param(ctx, "queueId"), param(ctx, "codeId"));
    return { status: 204 };
  });
}
