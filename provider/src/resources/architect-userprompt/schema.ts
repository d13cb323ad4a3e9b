import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { nameSchema, onConflictField } from "../common";

export const RESOURCE_TYPE = "genesyscloud:architect:UserPrompt";
export const LABEL = "User prompt";
/** Unverified: the API documents no limit; Architect's prompt dialog allows names of this length. */
export const MAX_NAME_LENGTH = 100;

/**
 * Archy plays a user prompt as `Prompt.<name>`, so the API takes only identifiers (letters, digits, underscores,
 * starting with a letter): checked at preview, and name transforms leave prompt names as they are.
 */
export const PROMPT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** A language code as prompt resources name it (`en-us`, `es-us`, `fr-ca`): also a file name. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/**
 * Recorded audio of one language: the WAV file the program read (`promptAudio`) and its sha256. State keeps the
 * hash, never the audio; `file` is where the provider reads it at deploy time (not compared: a moved project
 * does not change a prompt).
 */
export const PromptAudio = z
  .object({
    file: z.string().min(1, "audio.file must name the WAV file"),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "audio.sha256 must be the file's sha256 in hex: use gc.promptAudio(...)"),
  })
  .strict();
export type PromptAudio = z.infer<typeof PromptAudio>;

export const PromptResourceArgs = z
  .object({
    language: z.string().regex(LANGUAGE_CODE, "language must be a lowercase language code such as en-us"),
    /** What text-to-speech says when no audio plays. */
    ttsString: z.string().optional(),
    /** The prompt's text as shown in Architect. */
    text: z.string().optional(),
    audio: PromptAudio.optional(),
  })
  .strict();
export type PromptResourceArgs = z.infer<typeof PromptResourceArgs>;

export const UserPromptArgs = z
  .object({
    name: nameSchema(LABEL, MAX_NAME_LENGTH).refine((s) => PROMPT_NAME.test(s), {
      message:
        "User prompt names are Archy identifiers (Prompt.<name>): letters, digits and underscores, starting with a letter",
    }),
    description: z.string().max(1024, "description is longer than 1024 characters: shorten it").optional(),
    resources: z
      .array(PromptResourceArgs)
      .default([])
      .refine((rs) => new Set(rs.map((r) => r.language)).size === rs.length, {
        message: "resources name a language twice: one resource per language",
      }),
    onConflict: onConflictField,
  })
  .strict();
export type UserPromptArgs = z.infer<typeof UserPromptArgs>;

/** The wire shape of a resource (PromptAsset). */
export const PromptAsset = z.object({
  language: z.string(),
  ttsString: z.string().nullish(),
  text: z.string().nullish(),
  uploadStatus: z.string().nullish(),
  uploadUri: z.string().nullish(),
  mediaUri: z.string().nullish(),
  tags: z.record(z.string(), z.array(z.string())).nullish(),
});
export type PromptAsset = z.infer<typeof PromptAsset>;
type _PromptAsset = SdkRead<Models.PromptAsset, PromptAsset>;

/** The wire shape of a prompt (Prompt), read with its resources. */
export const Prompt = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  resources: z.array(PromptAsset).nullish(),
});
export type Prompt = z.infer<typeof Prompt>;
type _Prompt = SdkRead<Models.Prompt, Prompt>;

/** Prompt (POST, PUT): name and description; resources have their own endpoints. */
export interface PromptBody {
  name: string;
  description?: string;
}
type _PromptBody = SdkBody<Models.Prompt, PromptBody>;

/** PromptAssetCreate (POST) and PromptAsset (PUT): the `filename` tag names the uploaded file, as Terraform sets it. */
export interface PromptAssetBody {
  language: string;
  ttsString?: string;
  text?: string;
  tags: Record<string, string[]>;
}
type _PromptAssetBody = SdkBody<Models.PromptAssetCreate, PromptAssetBody>;
