import { z } from "zod";

/** Per-org knobs for behaviour the reference marks as unverified [U] or that tests want to steer. */
export const duplicateNameSchema = z.object({
  status: z.number().int().min(400).max(599),
  code: z.string().min(1),
});

export const orgSettingsSchema = z.object({
  /** Requests per 60-second window per token (Genesys default for client credentials: 300). */
  rateLimitPerMinute: z.number().int().min(1),
  /**
   * Length of the rate-limit window. The real API counts per 60 s; shorter windows (budget scaled to
   * rateLimitPerMinute * seconds / 60) model a sustained rate without minute-long bursts (the benchmark uses 1).
   */
  rateWindowSeconds: z.number().int().min(1).max(3600),
  /** `expires_in` of issued tokens (Genesys default 86400 s). */
  tokenLifetimeSeconds: z.number().int().min(1),
  /** true: soft-deleted skills are returned by GET (state "deleted") and listed; false: 404 and omitted. */
  deletedSkillsVisible: z.boolean(),
  /** The same for routing languages. */
  deletedLanguagesVisible: z.boolean(),
  /** Longest accepted name of any object. */
  maxNameLength: z.number().int().min(1),
  /** Response for a second active object with the same name (case-insensitive). */
  duplicateName: duplicateNameSchema,
  /**
   * How long a deleted queue stays readable by GET (not listed) before it is gone (404). The real API takes
   * seconds (Terraform polls for up to 120 s); 0 keeps tests fast.
   */
  queueDeleteDelayMs: z.number().int().min(0),
  /**
   * How long a deleted skill, wrap-up code, queue, schedule or schedule group still counts as being in its
   * division (DELETE of the division: 400 "not empty"). Terraform retries a division delete on 400 because
   * objects deleted a moment before "should detach completely eventually" (auth_division `deleteAuthDivision`,
   * up to 10 attempts over ~27 s); the real delay is unverified.
   */
  divisionDetachDelayMs: z.number().int().min(0),
  /** true: deleting a wrap-up code that a queue uses is 409 `general.conflict`; false: the code is unassigned. */
  wrapupCodeInUseConflict: z.boolean(),
  /** How long an Architect import or export job stays `Started` before it reports Success / Failure (emulator time). */
  flowJobDurationMs: z.number().int().min(0),
  /**
   * A fault knob: the next N Architect import jobs end in `Failure` with an internal-error message, as a
   * job can in production for reasons outside the YAML (counts down to 0).
   */
  flowImportJobFailures: z.number().int().min(0),
  /** How long `POST /flows/actions/publish` keeps its Operation `STARTED` before the version is published. */
  flowPublishDelayMs: z.number().int().min(0),
  /**
   * How long an import job's presigned upload URL stays valid (emulator time); 0: no expiry. Real presigned S3 URLs
   * expire (403 "Request has expired"); the lifetime of the Architect job's URL is not documented.
   */
  presignedUrlTtlMs: z.number().int().min(0),
  /** How long after a BYOC trunk base is created its trunk instance appears in `/telephony/providers/edges/trunks`. */
  trunkInstanceDelayMs: z.number().int().min(0),
  /** true: reads return the SIP digest password of trunk base settings as `********` (and PUT of `********` keeps it). */
  trunkPasswordMasked: z.boolean(),
  /** true: a division POST/PUT without `description` is 400 (the SDK's AuthzDivision requires it; real behaviour unverified). */
  divisionDescriptionRequired: z.boolean(),
  /** The ids `GET /api/v2/authorization/products` lists (real product ids unverified). */
  authorizationProducts: z.array(z.string().min(1)),
  /**
   * The divisions (names, case-insensitive, or ids) the OAuth client's role is granted; null = all divisions.
   * Creating or changing an object in another division is 403 (the body's code and text are unverified).
   */
  grantedDivisions: z.array(z.string().min(1)).nullable(),
  /**
   * Unverified (the SDK only says hidden properties are "meant to be hidden or for internal system usage"): true
   * makes trunk base reads without `ignoreHidden=true` include an internal property, which a POST / PUT must not send
   * back (400). Terraform always reads with ignoreHidden=true (trunkbasesettings proxy).
   */
  trunkHiddenProperties: z.boolean(),
  /** Unverified (undocumented `expand` values): true lists trunk base properties with `expand=properties`; false never lists them (GET by id has them). */
  trunkListingProperties: z.boolean(),
  /**
   * A fault knob: the next N DELETEs of trunk base settings answer 400, as the real API does for a while after a
   * trunk base's last change (Terraform retries 400s for 50 s in its trunkbasesettings delete). Counts down.
   */
  trunkBaseDeleteFailures: z.number().int().min(0),
  /**
   * Unverified error shape: a BYOC `trunk_sip_termination_uri` already used by another active trunk base in the
   * same region (any org) is refused with this status and code.
   */
  duplicateSipTerminationUri: duplicateNameSchema,
  /** A fault knob: the next N export jobs fail as Archy does under load ("... exit code: 107"); Terraform retries those. Counts down. */
  flowExportJobTransientFailures: z.number().int().min(0),
  /**
   * Unverified (the SDK documents no maximum for most listings): a page size above this on any request is 400, as
   * above an endpoint's own maximum; null leaves each endpoint's own maximum (e.g. queues 500, telephony 100).
   */
  maxPageSize: z.number().int().min(1).nullable(),
});

export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const orgSettingsPatchSchema = orgSettingsSchema.partial().strict();
export type OrgSettingsPatch = z.infer<typeof orgSettingsPatchSchema>;

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;

export function defaultSettings(rateLimitPerMinute: number = DEFAULT_RATE_LIMIT_PER_MINUTE): OrgSettings {
  return {
    rateLimitPerMinute,
    rateWindowSeconds: 60,
    tokenLifetimeSeconds: 86400,
    deletedSkillsVisible: true,
    deletedLanguagesVisible: true,
    maxNameLength: 256,
    duplicateName: { status: 409, code: "general.conflict" },
    queueDeleteDelayMs: 0,
    divisionDetachDelayMs: 1000,
    wrapupCodeInUseConflict: true,
    flowJobDurationMs: 150,
    flowImportJobFailures: 0,
    flowPublishDelayMs: 100,
    presignedUrlTtlMs: 0,
    trunkInstanceDelayMs: 200,
    trunkPasswordMasked: true,
    divisionDescriptionRequired: true,
    authorizationProducts: ["emulated-contact-center"],
    grantedDivisions: null,
    trunkHiddenProperties: true,
    trunkListingProperties: true,
    trunkBaseDeleteFailures: 0,
    duplicateSipTerminationUri: { status: 400, code: "invalid.value" },
    flowExportJobTransientFailures: 0,
    maxPageSize: null,
  };
}
