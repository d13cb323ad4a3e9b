import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { readFileSync } from "fs";
import * as path from "path";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { userPrompt } from ".";
import type { UserPromptArgs as Schema } from "./schema";

export type UserPromptArgs = Inputs<typeof Schema>;

/**
 * A recorded prompt next to the stack code, `promptAudio(__dirname, "prompts/Welcome/en-us.wav")`: the file's
 * absolute path (the provider reads and uploads it at deploy time) and its sha256 (what state keeps and diffs).
 */
export function promptAudio(dir: string, file: string): { file: string; sha256: string } {
  const full = path.resolve(dir, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch {
    throw new Error(`The prompt audio ${file} is missing next to the stack code (${dir}): import the source again.`);
  }
  return { file: full, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A user prompt (`/api/v2/architect/prompts`): TTS text and recorded audio per language; flows play it as `Prompt.<name>`. */
export class UserPrompt extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  constructor(name: string, args: UserPromptArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(userPrompt), name, args, opts, "genesyscloud", userPrompt.urnType);
  }
}
