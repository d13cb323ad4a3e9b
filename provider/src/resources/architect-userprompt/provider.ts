import { readFileSync } from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { GenesysError, type GenesysClient } from "../../client";
import { checkInputs, hasUnknown, userInputs, type CheckFailure } from "../common";
import type { Context, Lifecycle } from "../context";
import { conflictAtPreview, createOrAdopt, deleteOrRestore, gone, listedOrGet, permitted } from "../crud";
import { promptsApi, sha256 } from "./api";
import {
  LABEL,
  RESOURCE_TYPE,
  UserPromptArgs,
  type Prompt,
  type PromptAssetBody,
  type PromptBody,
  type PromptResourceArgs,
} from "./schema";

/** What destroy gives back to an adopted prompt: its description and per-language texts (audio cannot be kept in state). */
interface Prior {
  description?: string;
  resources: { language: string; ttsString?: string; text?: string }[];
}
type Outputs = UserPromptArgs & { adoptedPrior?: Prior };

const KEYS = ["name", "description", "resources"] as const;
const owner = (name: unknown) => `${LABEL} '${String(name)}'`;
const restores = "restores its description and texts (not its audio)";

function declared(inputs: Record<string, unknown>): UserPromptArgs {
  const args = userInputs(inputs) as UserPromptArgs;
  delete args.onConflict;
  return { ...args, resources: [...(args.resources ?? [])].sort((a, b) => (a.language < b.language ? -1 : 1)) };
}

/** What a diff compares of a resource: the audio by its hash only (where the file lies is no change to the prompt). */
function comparable(r: PromptResourceArgs) {
  return { language: r.language, ttsString: r.ttsString, text: r.text, audio: r.audio?.sha256 };
}

/** The audio the code declares, read now; a file changed since the program hashed it is refused (run again). */
function readAudio(r: PromptResourceArgs, who: string): Buffer | undefined {
  if (!r.audio) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(r.audio.file);
  } catch (err) {
    throw new GenesysError(
      "Validation",
      `${who}: cannot read the ${r.language} audio ${r.audio.file} (${(err as NodeJS.ErrnoException).code ?? "error"}): import the source again or restore the file.`,
    );
  }
  if (sha256(bytes) !== r.audio.sha256)
    throw new GenesysError(
      "Validation",
      `${who}: ${path.basename(r.audio.file)} (${r.language}) changed since the program read it: run the command again.`,
    );
  return bytes;
}

function assetBody(r: {
  language: string;
  ttsString?: string;
  text?: string;
  audio?: { file: string };
}): PromptAssetBody {
  return {
    language: r.language,
    ...(r.ttsString !== undefined ? { ttsString: r.ttsString } : {}),
    ...(r.text !== undefined ? { text: r.text } : {}),
    tags: r.audio ? { filename: [path.basename(r.audio.file)] } : {},
  };
}

const promptBody = (args: { name: string; description?: string }): PromptBody => ({
  name: args.name,
  ...(args.description !== undefined ? { description: args.description } : {}),
});

/**
 * Brings a prompt's resources to the declared ones, as Terraform's createOrUpdateArchitectUserPromptResources does:
 * PUT the languages that exist, POST the new ones, DELETE the others; upload the audio of `upload`'s languages to
 * each resource's `uploadUri`, then wait for transcoding. Returns the prompt as read last.
 */
async function syncResources(
  c: GenesysClient,
  id: string,
  resources: PromptResourceArgs[],
  upload: (r: PromptResourceArgs) => boolean,
  who: string,
): Promise<Prompt> {
  const current = await promptsApi.get(c, id);
  if (!current) gone(who, id);
  const existing = new Map((current.resources ?? []).map((r) => [r.language, r]));
  const uploaded: string[] = [];
  for (const r of resources) {
    const bytes = upload(r) ? readAudio(r, who) : undefined;
    const asset = existing.has(r.language)
      ? await promptsApi.replaceResource(c, id, assetBody(r))
      : await promptsApi.createResource(c, id, assetBody(r)).catch((err: unknown) => {
          // A create committed whose answer was lost: the retry meets the language; write it in place instead.
          if (err instanceof GenesysError && err.kind === "Conflict")
            return promptsApi.replaceResource(c, id, assetBody(r));
          throw err;
        });
    if (bytes && r.audio) {
      if (!asset.uploadUri) throw new GenesysError("Server", `${who}: the ${r.language} resource has no upload URL.`);
      await promptsApi.upload(c, asset.uploadUri, r.audio.file, bytes, who);
      uploaded.push(r.language);
    }
  }
  for (const language of existing.keys())
    if (!resources.some((r) => r.language === language)) await promptsApi.deleteResource(c, id, language);
  return uploaded.length
    ? promptsApi.transcoded(c, id, uploaded, who)
    : ((await promptsApi.get(c, id)) ?? gone(who, id));
}

/** The prompt as stack code would declare it; each audio as the hash of what the media URL serves. */
async function argsOf(c: GenesysClient, p: Prompt, previous: Partial<UserPromptArgs>): Promise<UserPromptArgs> {
  const resources: PromptResourceArgs[] = [];
  for (const r of [...(p.resources ?? [])].sort((a, b) => (a.language < b.language ? -1 : 1))) {
    const before = previous.resources?.find((x) => x.language === r.language);
    const out: PromptResourceArgs = { language: r.language };
    if (r.ttsString) out.ttsString = r.ttsString;
    if (r.text) out.text = r.text;
    if (r.uploadStatus === "transcoded" && r.mediaUri) {
      const bytes = await promptsApi.download(c, r.mediaUri, `${owner(p.name)}: downloading the ${r.language} audio`);
      out.audio = { file: before?.audio?.file ?? "", sha256: sha256(bytes) };
    }
    resources.push(out);
  }
  return { name: p.name, ...(p.description ? { description: p.description } : {}), resources };
}

/** Throws when the org holds something other than what was declared (the audio by hash). */
async function verify(c: GenesysClient, stored: Prompt, args: UserPromptArgs): Promise<void> {
  const got = await argsOf(c, stored, args);
  const want = { ...args, resources: args.resources.map(comparable) };
  const have = { name: got.name, description: got.description, resources: got.resources.map(comparable) };
  const diffs = KEYS.filter((k) => !isDeepStrictEqual(want[k], have[k])).map(
    (k) => `${k}: sent ${JSON.stringify(want[k])}, stored ${JSON.stringify(have[k])}`,
  );
  if (diffs.length)
    throw new GenesysError(
      "Validation",
      `${owner(args.name)}: the org did not store what was sent (${diffs.join("; ")}).`,
    );
}

function priorOf(p: Prompt): Prior {
  return {
    ...(p.description ? { description: p.description } : {}),
    resources: (p.resources ?? []).map((r) => ({
      language: r.language,
      ...(r.ttsString ? { ttsString: r.ttsString } : {}),
      ...(r.text ? { text: r.text } : {}),
    })),
  };
}

/**
 * User prompts: the prompt (name, description) and one resource per language with TTS text and recorded audio,
 * uploaded from the stack's `prompts/<prompt>/<language>.wav`. State keeps each audio's sha256; refresh downloads the
 * target's audio and hashes it, so a recording replaced in Architect shows as drift and `up` uploads the file again.
 */
export const provider: Lifecycle<UserPromptArgs, Outputs> = {
  async check(ctx: Context, olds, news) {
    const failures: CheckFailure[] = checkInputs(UserPromptArgs, owner(news.name), news);
    if (failures.length || hasUnknown(news, [...KEYS])) return { inputs: news, failures };
    const args = declared(news);
    const isNew = (olds as Partial<UserPromptArgs>).name === undefined;
    if (!isNew) return { inputs: news, failures };
    await ctx.client.tokens.token();
    failures.push(
      ...(await conflictAtPreview(ctx, {
        owner: owner(args.name),
        name: args.name,
        inputs: news,
        journal: ctx.journal(RESOURCE_TYPE),
        restores,
        find: () => promptsApi.findByName(ctx.client, args.name),
      })),
    );
    return { inputs: news, failures };
  },

  async diff(_ctx, _id, olds, news) {
    if (hasUnknown(news, [...KEYS])) return { changes: true };
    const a = declared(olds as Record<string, unknown>);
    const b = declared(news);
    const changed =
      a.name !== b.name ||
      a.description !== b.description ||
      !isDeepStrictEqual(a.resources.map(comparable), b.resources.map(comparable));
    return { changes: changed, replaces: [] };
  },

  async create(ctx, inputs) {
    const c = ctx.client;
    const args = declared(inputs);
    const who = owner(args.name);
    const { stored, adoptedPrior } = await createOrAdopt<Prompt, Prompt, Prior>(ctx, {
      owner: who,
      name: args.name,
      inputs,
      journal: ctx.journal(RESOURCE_TYPE),
      restores,
      find: () => promptsApi.findByName(c, args.name),
      create: async () => {
        const made = await promptsApi.create(c, promptBody(args));
        return syncResources(c, made.id, args.resources, (r) => r.audio !== undefined, who);
      },
      update: async (existing) => {
        await promptsApi.replace(c, existing.id, promptBody(args));
        return syncResources(c, existing.id, args.resources, (r) => r.audio !== undefined, who);
      },
      prior: priorOf,
    });
    try {
      await verify(c, stored, args);
    } catch (err) {
      throw adoptedPrior === undefined ? Object.assign(err as Error, { id: stored.id }) : err;
    }
    const outs: Outputs = { ...args, ...(adoptedPrior !== undefined ? { adoptedPrior } : {}) };
    if (inputs.onConflict) outs.onConflict = inputs.onConflict;
    return { id: stored.id, outs };
  },

  async read(ctx, id, props) {
    // From the listing with resources, read once per refresh (its own cache key: other listings leave them out).
    const withResources = { type: `${RESOURCE_TYPE} with resources`, list: promptsApi.listWithResources };
    const p = await listedOrGet(ctx.client, { ...withResources, get: promptsApi.get }, id);
    if (!p) return {};
    // A listed media URL can be gone by the time it is fetched (audio re-recorded since, a presigned URL expired):
    // then the prompt itself is read again, once.
    const outs: Outputs | undefined = await argsOf(ctx.client, p, props).catch(async () => {
      const again = await promptsApi.get(ctx.client, id);
      return again && argsOf(ctx.client, again, props);
    });
    if (!outs) return {};
    if (props.description === undefined && outs.description === undefined) delete outs.description;
    if (props.onConflict) outs.onConflict = props.onConflict;
    if (props.adoptedPrior !== undefined) outs.adoptedPrior = props.adoptedPrior;
    return { id, props: outs };
  },

  async update(ctx, id, olds, news) {
    const c = ctx.client;
    const args = declared(news);
    const before = declared(olds as Record<string, unknown>);
    const who = owner(args.name);
    // Upload where the declared recording differs from what the stack last saw in the org (a new file, or drift).
    const changedAudio = (r: PromptResourceArgs) =>
      r.audio !== undefined &&
      before.resources.find((x) => x.language === r.language)?.audio?.sha256 !== r.audio.sha256;
    const stored = await permitted(who, async () => {
      if (before.name !== args.name || before.description !== args.description)
        await promptsApi.replace(c, id, promptBody(args));
      return syncResources(c, id, args.resources, changedAudio, who);
    });
    await verify(c, stored, args);
    const outs: Outputs = { ...args };
    if (news.onConflict) outs.onConflict = news.onConflict;
    if (olds.adoptedPrior !== undefined) outs.adoptedPrior = olds.adoptedPrior;
    return { outs };
  },

  async delete(ctx, id, props) {
    const c = ctx.client;
    await deleteOrRestore<Prior>({
      owner: owner(props.name),
      name: props.name,
      journal: ctx.journal(RESOURCE_TYPE),
      adoptedPrior: props.adoptedPrior,
      restore: async (prior) => {
        const current = await promptsApi.get(c, id);
        if (!current) return;
        await promptsApi.replace(c, id, promptBody({ name: current.name, description: prior.description }));
        await syncResources(c, id, prior.resources, () => false, owner(props.name));
      },
      remove: () => promptsApi.delete(c, id),
    });
  },
};
