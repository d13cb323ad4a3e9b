import { createHash, randomBytes } from "node:crypto";
import { Collection } from "../collection";
import { ApiError, invalidValue, notFound } from "../errors";
import { newId } from "../ids";
import type { OrgContext } from "../org-context";

/**
 * A user prompt's resource in one language (SDK `PromptAsset`): TTS text and, once a file was uploaded to its
 * `uploadUri`, recorded audio. `uploadStatus` follows the real lifecycle: `created` (no audio), `uploaded` (a file
 * arrived, transcoding runs), `transcoded` (the audio plays; `mediaUri` serves it) or `transcodeFailed`.
 */
export interface PromptAssetRecord {
  language: string;
  ttsString?: string;
  text?: string;
  tags: Record<string, string[]>;
  uploadStatus: "created" | "uploaded" | "transcoded" | "transcodeFailed";
  /** The id in the asset's upload URL: the URL stays valid for re-uploads. */
  uploadId: string;
  /** The recorded audio as uploaded (a WAV file). */
  audio?: Uint8Array;
  /** Key and signature of the media URL: a new upload gets a new URL, as a new S3 object would. */
  mediaId?: string;
  mediaSignature?: string;
  durationSeconds?: number;
}

export interface PromptRecord {
  id: string;
  name: string;
  description?: string;
  resources: PromptAssetRecord[];
  dateCreated: string;
  dateModified: string;
}

export interface PromptInput {
  name: string;
  description?: string;
}

export interface PromptAssetInput {
  language: string;
  ttsString?: string;
  text?: string;
  tags?: Record<string, string[]>;
}

export interface PromptLinks {
  /** Names of the flows whose published version plays this prompt (`Prompt.<name>`). */
  flowsUsingPrompt(name: string): string[];
}

/**
 * Archy names a user prompt `Prompt.<name>` in expressions, so the API allows only identifiers (help center "Add a
 * user prompt": letters, numbers and underscores, starting with a letter; the exact wording is unverified).
 */
const PROMPT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** `RIFF....WAVE`: what the emulator's transcoder accepts; anything else fails transcoding, as a corrupt file does. */
function isWav(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes);
  return b.length >= 44 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WAVE";
}

/** Seconds of audio from the WAV header's byte rate (fmt chunk at the canonical offset), 0 when unknown. */
function wavSeconds(bytes: Uint8Array): number {
  const b = Buffer.from(bytes);
  const byteRate = b.readUInt32LE(28);
  return byteRate > 0 ? Math.round(((b.length - 44) / byteRate) * 1000) / 1000 : 0;
}

export function audioSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** User prompts of one org (`/api/v2/architect/prompts`): hard-deleted, names unique case-insensitively. */
export class PromptStore {
  private readonly prompts: Collection<PromptRecord>;

  constructor(
    private readonly ctx: OrgContext,
    private readonly links: PromptLinks,
    initial: readonly PromptRecord[] = [],
  ) {
    this.prompts = new Collection(ctx, { kind: "prompt" }, initial);
  }

  hasName(name: string): boolean {
    return this.prompts.hasName(name);
  }

  list(filter: { names?: string[]; sortOrder?: "ascending" | "descending" } = {}): PromptRecord[] {
    const patterns = (filter.names ?? []).filter((n) => n !== "").map(wildcard);
    return this.prompts.sorted((p) => patterns.length === 0 || patterns.some((m) => m(p.name)), filter.sortOrder);
  }

  get(id: string): PromptRecord {
    return this.prompts.get(id);
  }

  private fields(input: PromptInput, selfId: string | undefined): Pick<PromptRecord, "name" | "description"> {
    const name = this.prompts.claimName(input.name, selfId);
    if (!PROMPT_NAME.test(name))
      throw invalidValue(
        "name",
        `The prompt name '${name}' is invalid: a prompt name starts with a letter and has only letters, numbers and underscores.`,
      );
    return input.description !== undefined && input.description !== ""
      ? { name, description: input.description }
      : { name };
  }

  create(input: PromptInput): PromptRecord {
    const now = this.ctx.nowIso();
    return this.prompts.put({
      id: newId(),
      ...this.fields(input, undefined),
      resources: [],
      dateCreated: now,
      dateModified: now,
    });
  }

  /** PUT: name and description (resources are their own endpoints). */
  replace(id: string, input: PromptInput): PromptRecord {
    const p = this.prompts.get(id);
    const { name, description } = this.fields(input, id);
    p.name = name;
    if (description === undefined) delete p.description;
    else p.description = description;
    p.dateModified = this.ctx.nowIso();
    return p;
  }

  /** Hard delete; 409 while a published flow plays it, or while it has resources and `allResources` is not set. */
  delete(id: string, allResources: boolean): void {
    const p = this.prompts.get(id);
    const flows = this.links.flowsUsingPrompt(p.name);
    if (flows.length > 0)
      throw new ApiError(409, "general.conflict", `Prompt ${p.name} is in use by flow(s): ${flows.join(", ")}`);
    if (p.resources.length > 0 && !allResources)
      throw new ApiError(
        409,
        "general.conflict",
        `Prompt ${p.name} has resources: delete them first, or set allResources=true to delete them with it.`,
      );
    this.prompts.remove(id);
  }

  // ---- resources ------------------------------------------------------------------------------

  asset(id: string, language: string): { prompt: PromptRecord; asset: PromptAssetRecord } {
    const prompt = this.prompts.get(id);
    const asset = prompt.resources.find((r) => r.language === language.toLowerCase());
    if (!asset) throw notFound();
    return { prompt, asset };
  }

  /** A read sees transcoding finish: an upload is `uploaded` until the next read of its resource. */
  observe(asset: PromptAssetRecord): PromptAssetRecord {
    if (asset.uploadStatus === "uploaded" && asset.audio) {
      asset.uploadStatus = isWav(asset.audio) ? "transcoded" : "transcodeFailed";
      if (asset.uploadStatus === "transcoded") asset.durationSeconds = wavSeconds(asset.audio);
    }
    return asset;
  }

  private assetFields(input: PromptAssetInput): Pick<PromptAssetRecord, "ttsString" | "text" | "tags"> {
    const out: Pick<PromptAssetRecord, "ttsString" | "text" | "tags"> = { tags: structuredClone(input.tags ?? {}) };
    if (input.ttsString !== undefined && input.ttsString !== "") out.ttsString = input.ttsString;
    if (input.text !== undefined && input.text !== "") out.text = input.text;
    return out;
  }

  createAsset(id: string, input: PromptAssetInput): { prompt: PromptRecord; asset: PromptAssetRecord } {
    const prompt = this.prompts.get(id);
    const language = input.language.toLowerCase();
    if (!LANGUAGE.test(language))
      throw invalidValue("language", `'${input.language}' is not a language code (e.g. en-us, es-us).`);
    if (prompt.resources.some((r) => r.language === language))
      throw new ApiError(
        409,
        "general.conflict",
        `Prompt ${prompt.name} already has a resource for language ${language}.`,
      );
    const asset: PromptAssetRecord = {
      language,
      ...this.assetFields(input),
      uploadStatus: "created",
      uploadId: randomBytes(12).toString("hex"),
    };
    prompt.resources.push(asset);
    prompt.resources.sort((a, b) => (a.language < b.language ? -1 : 1));
    prompt.dateModified = this.ctx.nowIso();
    return { prompt, asset };
  }

  /** PUT of a resource: TTS, text and tags; the audio stays until a new upload replaces it. */
  replaceAsset(
    id: string,
    language: string,
    input: PromptAssetInput,
  ): { prompt: PromptRecord; asset: PromptAssetRecord } {
    const { prompt, asset } = this.asset(id, language);
    const fields = this.assetFields(input);
    delete asset.ttsString;
    delete asset.text;
    Object.assign(asset, fields);
    prompt.dateModified = this.ctx.nowIso();
    return { prompt, asset };
  }

  deleteAsset(id: string, language: string): void {
    const { prompt, asset } = this.asset(id, language);
    prompt.resources = prompt.resources.filter((r) => r !== asset);
    prompt.dateModified = this.ctx.nowIso();
  }

  /** The multipart POST to an upload URL: the file replaces the resource's audio; transcoding starts. */
  upload(uploadId: string, file: Uint8Array): void {
    for (const prompt of this.prompts.all()) {
      const asset = prompt.resources.find((r) => r.uploadId === uploadId);
      if (!asset) continue;
      if (file.length === 0) throw invalidValue("file", "The uploaded file is empty.");
      asset.audio = new Uint8Array(file);
      asset.uploadStatus = "uploaded";
      asset.mediaId = randomBytes(12).toString("hex");
      asset.mediaSignature = randomBytes(16).toString("hex");
      delete asset.durationSeconds;
      prompt.dateModified = this.ctx.nowIso();
      return;
    }
    throw notFound();
  }

  /** The GET of a media URL: the transcoded audio; 403 for a wrong signature, as S3 answers. */
  download(mediaId: string, signature: string | undefined): Uint8Array {
    for (const prompt of this.prompts.all()) {
      const asset = prompt.resources.find((r) => r.mediaId === mediaId);
      if (!asset) continue;
      if (signature !== asset.mediaSignature)
        throw new ApiError(403, "access.denied", "The request signature does not match the presigned URL.");
      if (asset.uploadStatus !== "transcoded" || !asset.audio) throw notFound();
      return asset.audio;
    }
    throw notFound();
  }

  snapshot(): PromptRecord[] {
    return this.prompts.snapshot();
  }
}

/** Genesys name filters: `*` matches anything, case-insensitive, whole name. */
function wildcard(pattern: string): (name: string) => boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const re = new RegExp(`^${source}$`, "i");
  return (name) => re.test(name);
}
