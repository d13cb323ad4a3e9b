import { z } from "zod";
import { divisionField, nameSchema, onConflictField } from "../common";
import type { Models, SdkBody, SdkRead, Without } from "../../sdk";

export const RESOURCE_TYPE = "genesyscloud:routing:Queue";
export const LABEL = "Queue";

const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: (issue) => `${field} '${String(issue.input)}' is not one of ${values.join(", ")}` });

const MediaSetting = z
  .object({
    // The API's limits, as the Terraform provider's routing_queue schema states them.
    alertingTimeoutSeconds: z
      .number()
      .int()
      .min(7, "alertingTimeoutSeconds must be at least 7 (seconds)")
      .max(86400)
      .optional(),
    serviceLevel: z
      .object({
        percentage: z.number().min(0).max(1, "serviceLevel.percentage is a fraction between 0 and 1 (e.g. 0.8)"),
        durationMs: z.number().int().min(1000, "serviceLevel.durationMs must be at least 1000 (1 s)"),
      })
      .strict()
      .optional(),
    enableAutoAnswer: z.boolean().optional(),
    autoAnswerAlertToneSeconds: z.number().optional(),
    manualAnswerAlertToneSeconds: z.number().optional(),
  })
  // Callback, email and message settings have more fields than the voice ones: keep them as given.
  .catchall(z.unknown());

/** Callback settings add how the callback is placed; validated so a typo fails at preview. */
const CallbackMediaSetting = MediaSetting.extend({
  mode: oneOf("mediaSettings.callback.mode", ["AgentFirst", "CustomerFirst"]).optional(),
});

export const WRAPUP_PROMPTS = [
  "MANDATORY",
  "OPTIONAL",
  "MANDATORY_TIMEOUT",
  "MANDATORY_FORCED_TIMEOUT",
  "AGENT_REQUESTED",
] as const;

export const QueueArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    division: divisionField,
    description: z.string().optional(),
    mediaSettings: z
      .object({
        call: MediaSetting,
        callback: CallbackMediaSetting,
        chat: MediaSetting,
        email: MediaSetting,
        message: MediaSetting,
      })
      .partial()
      .strict()
      .optional(),
    routingRules: z
      .array(
        z
          .object({
            operator: oneOf("routingRules.operator", ["MEETS_THRESHOLD", "ANY"]),
            threshold: z.number().int().optional(),
            waitSeconds: z.number().min(0).optional(),
          })
          .strict(),
      )
      .max(6)
      .optional(),
    bullseye: z
      .object({
        rings: z
          .array(
            z
              .object({
                expansionCriteria: z.array(z.object({ type: z.string(), threshold: z.number() }).strict()).optional(),
                /** Ids of Skill resources removed from the match when the call reaches this ring. */
                skillsToRemove: z.array(z.string()).optional(),
              })
              .strict(),
          )
          .max(6, "bullseye has at most 6 rings"),
      })
      .strict()
      .optional(),
    scoringMethod: oneOf("scoringMethod", ["TimestampAndPriority", "PriorityOnly"]).optional(),
    lastAgentRoutingMode: oneOf("lastAgentRoutingMode", ["Disabled", "QueueMembersOnly", "AnyAgent"]).optional(),
    acwSettings: z
      .object({
        wrapupPrompt: oneOf("acwSettings.wrapupPrompt", WRAPUP_PROMPTS),
        timeoutMs: z
          .number()
          .int()
          .min(1000, "acwSettings.timeoutMs must be at least 1000 (1 s)")
          .max(3_600_000, "acwSettings.timeoutMs must be at most 3600000 (60 min)")
          .optional(),
      })
      .strict()
      .optional(),
    skillEvaluationMethod: oneOf("skillEvaluationMethod", ["NONE", "BEST", "ALL"]).optional(),
    autoAnswerOnly: z.boolean().optional(),
    enableTranscription: z.boolean().optional(),
    enableAudioMonitoring: z.boolean().optional(),
    enableManualAssignment: z.boolean().optional(),
    suppressInQueueCallRecording: z.boolean().optional(),
    callingPartyName: z.string().optional(),
    callingPartyNumber: z.string().optional(),
    /**
     * The callback site by name (`mediaSettings.callback.site`); the transforms file's `sites:` maps it per region.
     */
    callbackSite: z.string().min(1, "callbackSite must not be empty: omit it for none").optional(),
    /**
     * The callback edge group by name (`mediaSettings.callback.edgeGroup`); the transforms file's `edgeGroups:`
     * maps it per region.
     */
    callbackEdgeGroup: z.string().min(1, "callbackEdgeGroup must not be empty: omit it for none").optional(),
    /**
     * The queue's outbound email address as `route@domain` (the route's pattern and the email domain's name),
     * sent as the SDK's QueueEmailAddress `{domain:{id}, route:{id}}`; the transforms file's `emailDomains:` maps
     * the domain per region.
     */
    outboundEmailAddress: z
      .string()
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "outboundEmailAddress is route@domain, e.g. support@example.com")
      .optional(),
    /** Ids of WrapupCode resources assigned to the queue. */
    wrapupCodes: z.array(z.string()).optional(),
    onConflict: onConflictField,
  })
  .strict();
export type QueueArgs = z.infer<typeof QueueArgs>;

/** Configuration fields copied as they are between args, request body, stored queue and generated code. */
export const PLAIN_FIELDS = [
  "description",
  "mediaSettings",
  "routingRules",
  "scoringMethod",
  "lastAgentRoutingMode",
  "acwSettings",
  "skillEvaluationMethod",
  "autoAnswerOnly",
  "enableTranscription",
  "enableAudioMonitoring",
  "enableManualAssignment",
  "suppressInQueueCallRecording",
  "callingPartyName",
  "callingPartyNumber",
] as const;
// Each plain field, as declared, is a QueueRequest field of the same type (sent as it is).
type _PlainFields = SdkBody<Models.QueueRequest, Pick<QueueArgs, (typeof PLAIN_FIELDS)[number]> & { name: string }>;

/**
 * Every field of the SDK's QueueRequest, and how a queue PUT (a full replace) gets it:
 * - `declared`: from the Queue resource's arguments (or the QueueFlows link);
 * - `carried`: not managed here, so resent as the stored queue has it (a PUT without it would clear it);
 * - any other text: never sent, and why.
 * `satisfies` makes a field the SDK adds a tsc error here; test/unit/queue-request-fields compares this table with
 * the SDK's index.d.ts at run time.
 */
export const QUEUE_REQUEST_FIELDS = {
  id: "read-only (in the path)",
  name: "declared",
  division: "declared (create; a PUT does not move a queue: the division objects endpoint does)",
  description: "declared",
  dateCreated: "read-only",
  dateModified: "read-only",
  modifiedBy: "read-only",
  createdBy: "read-only",
  memberCount: "read-only",
  userMemberCount: "read-only",
  joinedMemberCount: "read-only",
  mediaSettings: "declared",
  routingRules: "declared",
  conditionalGroupRouting: "carried",
  conditionalGroupActivation: "carried",
  bullseye: "declared",
  scoringMethod: "declared",
  lastAgentRoutingMode: "declared",
  acwSettings: "declared",
  skillEvaluationMethod: "declared",
  memberGroups: "carried",
  queueFlow: "declared",
  emailInQueueFlow: "declared",
  messageInQueueFlow: "declared",
  whisperPrompt: "carried",
  onHoldPrompt: "carried",
  defaultMediaLanguage: "carried",
  autoAnswerOnly: "declared",
  cannedResponseLibraries: "carried",
  enableTranscription: "declared",
  enableAudioMonitoring: "declared",
  enableManualAssignment: "declared",
  agentOwnedRouting: "carried",
  directRouting: "carried",
  callingPartyName: "declared",
  callingPartyNumber: "declared",
  defaultScripts: "carried",
  outboundMessagingAddresses: "carried",
  outboundEmailAddress: "declared",
  peerId: "read-only (set by the platform for queues of a peer org)",
  suppressInQueueCallRecording: "declared",
  selfUri: "read-only",
} as const satisfies Record<keyof Models.QueueRequest, string>;

/** The QueueRequest fields a PUT sends (declared or carried over). */
export const SENT_FIELDS: readonly string[] = Object.entries(QUEUE_REQUEST_FIELDS)
  .filter(([, rule]) => rule.startsWith("declared") || rule === "carried")
  .map(([k]) => k);

const IdRef = z.object({ id: z.string(), name: z.string().optional() });
export const Queue = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  division: IdRef.optional(),
  bullseye: z
    .looseObject({
      rings: z
        .array(
          z.looseObject({
            expansionCriteria: z.array(z.looseObject({})).nullish(),
            actions: z.looseObject({ skillsToRemove: z.array(IdRef).nullish() }).nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
  /** Added by our API layer from /wrapupcodes: sorted code ids. */
  wrapupCodes: z.array(z.string()).optional(),
});
export type Queue = z.infer<typeof Queue>;
// `wrapupCodes` is ours (from the /wrapupcodes sub-resource), not a Queue field.
type _Queue = SdkRead<Models.Queue, Without<Queue, "wrapupCodes">>;

/** QueueRequest plus the wrap-up code ids our API layer assigns with separate calls. */
export type QueueBody = Record<string, unknown> & { name: string; wrapupCodes: string[] };
