import type { GenesysClient } from "../../client";
import { Code, type ExportedObject, type ExporterSpec, type Value } from "../../importer/types";
import { promptsApi } from "./api";
import { LANGUAGE_CODE, Prompt, PROMPT_NAME } from "./schema";

/** Where the importer writes a prompt's recording, relative to the stack directory. */
export const audioFile = (prompt: string, language: string) => `prompts/${prompt}/${language}.wav`;

/**
 * User prompts with each language's TTS text and recorded audio: the audio is downloaded from the resource's
 * `mediaUri` into `prompts/<prompt>/<language>.wav` (the bytes as the org serves them, so the same on every run)
 * and the code reads it with `gc.promptAudio`. System prompts are never imported: every org has its own.
 */
export const exporter: ExporterSpec = {
  key: "prompts",
  variablePrefix: "prompt",
  file: "architect-userprompts.ts",
  title: "user prompts",
  async list(c: GenesysClient, progress, scope) {
    const prompts = (
      await c.listAll("/api/v2/architect/prompts", Prompt, {
        pageSize: 100,
        query: { includeResources: "true", includeMediaUris: "true" },
      })
    ).filter((p) => !scope?.wants || scope.wants(p.name));
    // The name is a directory and the language a file name: only what the API allows reaches the disk.
    const named = prompts.filter((p) => {
      if (PROMPT_NAME.test(p.name)) return true;
      scope?.leaveOut?.(p.name, "its name is not a prompt identifier (letters, digits, underscores)", false);
      return false;
    });
    let done = 0;
    // Every prompt's recordings download at once (the client keeps within the rate limit), in the listing's order.
    return Promise.all(
      named.map(async (p): Promise<ExportedObject> => {
        const resources = [...(p.resources ?? [])]
          .filter((r) => LANGUAGE_CODE.test(r.language))
          .sort((a, b) => (a.language < b.language ? -1 : 1));
        const read = await Promise.all(
          resources.map(async (r) => {
            const res: Record<string, Value | undefined> = {
              language: r.language,
              ttsString: r.ttsString || undefined,
              text: r.text || undefined,
            };
            if (r.uploadStatus !== "transcoded" || !r.mediaUri) return { res };
            const file = audioFile(p.name, r.language);
            const bytes = await promptsApi.download(
              c,
              r.mediaUri,
              `User prompt '${p.name}': downloading the ${r.language} audio`,
            );
            res.audio = new Code(`gc.promptAudio(__dirname, ${JSON.stringify(file)})`);
            return { res, file, bytes };
          }),
        );
        // Files in the languages' order, whatever order their downloads finished in.
        const files: Record<string, Uint8Array> = {};
        for (const { file, bytes } of read) if (file && bytes) files[file] = bytes;
        progress?.(++done, named.length);
        return {
          id: p.id,
          name: p.name,
          args: { name: p.name, description: p.description || undefined, resources: read.map((r) => r.res) },
          files,
        };
      }),
    );
  },
};
