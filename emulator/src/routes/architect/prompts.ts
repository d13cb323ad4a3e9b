import { z } from "zod";
import type { PromptAssetRecord, PromptRecord } from "../../state/architect/prompts";
import { ApiError } from "../../state/errors";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryList, queryValue } from "../http";
import { sortOrderParam } from "../params";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { compact, pagedListing } from "../wire";

export const PROMPTS_PATH = "/api/v2/architect/prompts";

export interface PromptAssetWire {
  id: string;
  name: string;
  promptId: string;
  language: string;
  mediaUri?: string;
  ttsString?: string;
  text?: string;
  uploadStatus: string;
  uploadUri: string;
  languageDefault: boolean;
  tags: Record<string, string[]>;
  durationSeconds?: number;
  selfUri: string;
}
type _PromptAssetWire = SdkResponse<Models.PromptAsset, PromptAssetWire>;

export interface PromptWire {
  id: string;
  name: string;
  description?: string;
  resources?: PromptAssetWire[];
  selfUri: string;
}
type _PromptWire = SdkResponse<Models.Prompt, PromptWire>;

/**
 * The upload URL of a resource (`uploadUri`): the official clients POST the audio file there as multipart form
 * data (field `file`) with the bearer token (Terraform's uploadPromptFileFn). It lives beside the org's API prefix,
 * like the Architect jobs' presigned URLs: `<url>/orgs/<org>/uploads/prompts/<uploadId>`.
 */
export function promptUploadUrl(orgUrl: string, a: PromptAssetRecord): string {
  return `${orgUrl}/uploads/prompts/${a.uploadId}`;
}

/** `mediaUri`: the transcoded audio, a presigned download (no token): `<url>/orgs/<org>/downloads/prompts/<id>.wav?signature=…`. */
export function promptMediaUrl(orgUrl: string, a: PromptAssetRecord): string | undefined {
  if (a.uploadStatus !== "transcoded" || !a.mediaId || !a.mediaSignature) return undefined;
  return `${orgUrl}/downloads/prompts/${a.mediaId}.wav?signature=${a.mediaSignature}`;
}

export function promptAssetToWire(
  orgUrl: string,
  p: PromptRecord,
  a: PromptAssetRecord,
  includeMediaUris = true,
): PromptAssetWire {
  return compact<PromptAssetWire>({
    id: a.language,
    name: a.language,
    promptId: p.id,
    language: a.language,
    mediaUri: includeMediaUris ? promptMediaUrl(orgUrl, a) : undefined,
    ttsString: a.ttsString,
    text: a.text,
    uploadStatus: a.uploadStatus,
    uploadUri: promptUploadUrl(orgUrl, a),
    // The first language a prompt got is its default (unverified: the real rule is not documented).
    languageDefault: p.resources[0] === a,
    tags: structuredClone(a.tags),
    durationSeconds: a.durationSeconds,
    selfUri: `${PROMPTS_PATH}/${p.id}/resources/${a.language}`,
  });
}

export function promptToWire(
  orgUrl: string,
  p: PromptRecord,
  opts: { includeResources?: boolean; includeMediaUris?: boolean; languages?: string[] } = {},
): PromptWire {
  const languages = (opts.languages ?? []).map((l) => l.toLowerCase());
  return compact<PromptWire>({
    id: p.id,
    name: p.name,
    description: p.description,
    resources:
      opts.includeResources === false
        ? undefined
        : p.resources
            .filter((a) => languages.length === 0 || languages.includes(a.language))
            .map((a) => promptAssetToWire(orgUrl, p, a, opts.includeMediaUris !== false)),
    selfUri: `${PROMPTS_PATH}/${p.id}`,
  });
}

/** Prompt (POST, PUT): name and description; resources are their own endpoints and are ignored here. */
const promptRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  description: z.string({ error: "description must be a string" }).nullish(),
});
type _promptRequestSchema = SdkRequest<Models.Prompt, z.input<typeof promptRequestSchema>>;

/** PromptAssetCreate (POST) and PromptAsset (PUT). */
const assetRequestSchema = z.object({
  language: z.string({ error: "language is required and must be a string" }),
  ttsString: z.string({ error: "ttsString must be a string" }).nullish(),
  text: z.string({ error: "text must be a string" }).nullish(),
  tags: z.record(z.string(), z.array(z.string()), { error: "tags must map names to lists of strings" }).nullish(),
});
type _assetRequestSchema = SdkRequest<Models.PromptAssetCreate, z.input<typeof assetRequestSchema>>;

function flag(ctx: ApiContext, name: string): boolean | undefined {
  const raw = queryValue(ctx.query, name);
  if (raw === undefined || raw === "") return undefined;
  if (raw === "true" || raw === "false") return raw === "true";
  throw new ApiError(400, "invalid.query.param.value", `Invalid value for query parameter ${name}: ${raw}`);
}

function assetInput(ctx: ApiContext, language?: string) {
  const body = parseBody(assetRequestSchema, ctx.json());
  return {
    language: language ?? body.language,
    ttsString: body.ttsString ?? undefined,
    text: body.text ?? undefined,
    tags: body.tags ?? undefined,
  };
}

export function registerPromptRoutes(router: ApiRouter): void {
  const item = `${PROMPTS_PATH}/{promptId}`;
  const resources = `${item}/resources`;
  const store = (ctx: ApiContext) => ctx.org.architect.prompts;
  const observed = (ctx: ApiContext, p: PromptRecord) => {
    for (const a of p.resources) store(ctx).observe(a);
    return p;
  };

  router.add("GET", PROMPTS_PATH, (ctx) => {
    const opts = { includeResources: flag(ctx, "includeResources"), includeMediaUris: flag(ctx, "includeMediaUris") };
    const items = store(ctx).list({ names: queryList(ctx.query, "name"), sortOrder: sortOrderParam(ctx.query) });
    return {
      status: 200,
      body: pagedListing(ctx, PROMPTS_PATH, 100, items, (p) => promptToWire(ctx.orgUrl, observed(ctx, p), opts)),
    };
  });
  router.add("POST", PROMPTS_PATH, (ctx) => {
    const body = parseBody(promptRequestSchema, ctx.json());
    const p = store(ctx).create({ name: body.name, description: body.description ?? undefined });
    return { status: 200, body: promptToWire(ctx.orgUrl, p) };
  });
  router.add("GET", item, (ctx) => {
    const p = observed(ctx, store(ctx).get(param(ctx, "promptId")));
    const opts = {
      includeResources: flag(ctx, "includeResources"),
      includeMediaUris: flag(ctx, "includeMediaUris"),
      languages: queryList(ctx.query, "language"),
    };
    return { status: 200, body: promptToWire(ctx.orgUrl, p, opts) };
  });
  router.add("PUT", item, (ctx) => {
    const id = param(ctx, "promptId");
    store(ctx).get(id);
    const body = parseBody(promptRequestSchema, ctx.json());
    const p = store(ctx).replace(id, { name: body.name, description: body.description ?? undefined });
    return { status: 200, body: promptToWire(ctx.orgUrl, observed(ctx, p)) };
  });
  router.add("DELETE", item, (ctx) => {
    store(ctx).delete(param(ctx, "promptId"), flag(ctx, "allResources") === true);
    return { status: 204 };
  });

  router.add("GET", resources, (ctx) => {
    const p = observed(ctx, store(ctx).get(param(ctx, "promptId")));
    return {
      status: 200,
      body: pagedListing(ctx, `${PROMPTS_PATH}/${p.id}/resources`, 100, p.resources, (a) =>
        promptAssetToWire(ctx.orgUrl, p, a),
      ),
    };
  });
  router.add("POST", resources, (ctx) => {
    const { prompt, asset } = store(ctx).createAsset(param(ctx, "promptId"), assetInput(ctx));
    return { status: 200, body: promptAssetToWire(ctx.orgUrl, prompt, asset) };
  });
  router.add("GET", `${resources}/{languageCode}`, (ctx) => {
    const { prompt, asset } = store(ctx).asset(param(ctx, "promptId"), param(ctx, "languageCode"));
    return { status: 200, body: promptAssetToWire(ctx.orgUrl, prompt, store(ctx).observe(asset)) };
  });
  router.add("PUT", `${resources}/{languageCode}`, (ctx) => {
    const id = param(ctx, "promptId");
    const language = param(ctx, "languageCode");
    store(ctx).asset(id, language);
    const { prompt, asset } = store(ctx).replaceAsset(id, language, assetInput(ctx, language));
    return { status: 200, body: promptAssetToWire(ctx.orgUrl, prompt, store(ctx).observe(asset)) };
  });
  router.add("DELETE", `${resources}/{languageCode}`, (ctx) => {
    store(ctx).deleteAsset(param(ctx, "promptId"), param(ctx, "languageCode"));
    return { status: 204 };
  });
}

/**
 * The file of a `multipart/form-data` body (RFC 7578): the bytes of the part named `name`, or undefined. Enough
 * for what the official clients send: one part per field, CRLF line breaks.
 */
export function multipartFile(body: Buffer, contentType: string | undefined, name: string): Buffer | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  if (!/^multipart\/form-data/i.test(contentType ?? "") || !m) return undefined;
  const delimiter = Buffer.from(`--${(m[1] ?? m[2])!.trim()}`, "latin1");
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const headerStart = at + delimiter.length + 2;
    const headerEnd = body.indexOf("\r\n\r\n", headerStart, "latin1");
    if (headerEnd < 0) return undefined;
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return undefined;
    const headers = body.toString("latin1", headerStart, headerEnd);
    const field = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(headers)?.[1];
    if (field === name) return body.subarray(headerEnd + 4, next - 2);
    at = next;
  }
  return undefined;
}
