import { createHash } from "crypto";
import { isDeepStrictEqual } from "util";
import { GenesysClient, GenesysError } from "../../client";
import { checkInputs, hasUnknown, removeWhenFree, UNKNOWN, userInputs } from "../common";
import type { Context, Lifecycle } from "../context";
import { conflictAtPreview, createOrAdopt, deleteOrRestore, permitted } from "../crud";
import { Flow, flowsApi } from "./api";
import { unresolvedLiterals } from "./literals";
import { FLOW_TYPES, FlowYamlError, literalReferences, parseFlow, renderTemplate } from "./references";
import { FlowArgs, FlowShellArgs, LABEL } from "./schema";
import { minimalFlowYaml } from "./shell";

type FlowOutputs = FlowArgs & { contentHash: string; publishedVersion: string; adoptedPrior?: string };

const owner = (args: { name?: unknown; type?: unknown }) => `${LABEL} '${String(args.name)}' (${String(args.type)})`;

function fail(message: string): never {
  throw new GenesysError("Validation", message);
}

/** Line endings and trailing spaces do not count as content. */
export function contentHash(yaml: string): string {
  const normal = yaml
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+$/, ""))
    .join("\n")
    .trim();
  return createHash("sha256").update(normal).digest("hex");
}

/** The YAML to publish: placeholders substituted, the flow's name set to the declared (transformed) name. */
export function renderFlow(args: Pick<FlowArgs, "name" | "type" | "yaml" | "substitutions">): string {
  let text: string;
  try {
    text = renderTemplate(args.yaml, { name: args.name, ...args.substitutions }, owner(args));
  } catch (err) {
    // A message for the user (reported without stack frames), as before substitution moved onto the parsed YAML.
    if (err instanceof FlowYamlError) fail(err.message);
    throw err;
  }
  const { doc, typeKey, body } = parseFlow(text, owner(args));
  if (FLOW_TYPES[typeKey] !== args.type)
    fail(`${owner(args)}: the YAML is a ${typeKey} flow, not ${args.type}: fix type or the file.`);
  body.set("name", args.name);
  return doc.toString();
}

/**
 * Who holds the flow's lock: an OAuth client (`lockedClient`) or a person editing it in Architect (`lockedUser`,
 * SDK `Flow`); either blocks publishing until it is checked in or force-unlocked (`/flows/actions/unlock`).
 */
export function lockHolder(f: Pick<Flow, "lockedClient" | "lockedUser"> | undefined): string | undefined {
  if (f?.lockedUser) return `user ${f.lockedUser.name ?? f.lockedUser.id} (in Architect)`;
  if (f?.lockedClient) return `another client (${f.lockedClient.name ?? f.lockedClient.id})`;
  return undefined;
}

async function publish(
  c: GenesysClient,
  args: FlowArgs,
  existing: Flow | undefined,
): Promise<{ id: string; version: string }> {
  const holder = lockHolder(existing);
  if (holder && args.forceUnlock) await flowsApi.unlock(c, existing!.id);
  else if (holder)
    fail(
      `${owner(args)} is locked by ${holder}: check it in in Architect, or set forceUnlock: true on the resource to unlock it first.`,
    );
  const id = await flowsApi.publishYaml(c, renderFlow(args), owner(args));
  const after = await flowsApi.get(c, id);
  if (!after?.publishedVersion) fail(`${owner(args)}: the job succeeded but the flow has no published version.`);
  if (existing?.publishedVersion && after.publishedVersion.id === existing.publishedVersion.id) {
    fail(`${owner(args)}: the job succeeded but the published version is still ${after.publishedVersion.id}.`);
  }
  const left = lockHolder(after);
  if (left) fail(`${owner(args)}: published, but left locked by ${left}; unlock it in Architect.`);
  return { id, version: after.publishedVersion.id };
}

/**
 * The names a flow's template writes as they are (not through substitutions, whose values are declared resources
 * or lookups the program has resolved): each must exist in the target, or the publish job fails mid-`up`. Checked
 * for a new flow or a changed template only, before any job starts (at preview too): a flow with no literal
 * reference, and a flow whose template is unchanged since it was deployed, cost no API call.
 */
async function literalFailures(
  ctx: Context,
  olds: Partial<FlowArgs>,
  news: FlowArgs,
): Promise<{ property: string; reason: string }[]> {
  if (olds.yaml === news.yaml) return [];
  const unresolved = await unresolvedLiterals(ctx.client, literalReferences(news.yaml));
  if (!unresolved.length) return [];
  return [
    {
      property: "",
      reason:
        `${owner(news)} names ${unresolved.length} object(s) the target org does not have: ${unresolved.join(", ")}. ` +
        "Its YAML writes these names as they are, not through substitutions: create them in the target org, or make " +
        "each a {{placeholder}} whose value in substitutions is a declared resource's name or a gc.lookup (genesys-clone " +
        "import writes every reference it finds that way), so the flow follows what it names.",
    },
  ];
}

/** What destroy does to an adopted flow, as the conflict message says it. */
const RESTORES = "republishes its prior version";

/**
 * A flow deployed from Archy YAML through the Architect jobs API (which also publishes it). State
 * keeps the hash of the published content; refresh exports the published version when it changed.
 */
export const provider: Lifecycle<FlowArgs, FlowOutputs> = {
  async check(ctx, olds, news) {
    const failures = checkInputs(FlowArgs, owner(news), news);
    if (!failures.length && !hasUnknown(news, ["name", "type", "yaml"]))
      failures.push(...(await literalFailures(ctx, olds as Partial<FlowArgs>, news)));
    if (failures.length || hasUnknown(news, ["name", "type", "yaml", "substitutions"]))
      return { inputs: news, failures };
    try {
      renderFlow(news);
    } catch (err) {
      if (!(err instanceof GenesysError || err instanceof FlowYamlError)) throw err;
      // Not on the property "yaml": the engine would print the whole flow before the message.
      failures.push({ property: "", reason: err.message });
    }
    if (failures.length === 0 && (olds as Partial<FlowArgs>).name === undefined)
      failures.push(
        ...(await conflictAtPreview(ctx, {
          owner: owner(news),
          name: news.name,
          inputs: news,
          journal: flowJournal(ctx, news.type),
          restores: RESTORES,
          find: () => flowsApi.known(ctx.client, news.name, news.type),
          // This flow's own shell (or one not known yet at preview) is no conflict.
          ours: (existing) => existing.id === news.shell || news.shell === UNKNOWN,
        })),
      );
    return { inputs: news, failures };
  },

  async diff(_ctx, _id, olds, news) {
    if (hasUnknown(news, ["name", "type", "yaml", "substitutions"])) return { changes: true };
    const replaces = ["name", "type", "shell"].filter((k) => olds[k as keyof FlowArgs] !== news[k as keyof FlowArgs]);
    let contentChanged: boolean;
    try {
      contentChanged = contentHash(renderFlow(news)) !== olds.contentHash;
    } catch {
      contentChanged = true;
    }
    const changes = replaces.length > 0 || contentChanged || olds.forceUnlock !== news.forceUnlock;
    return { changes, replaces };
  },

  async create(ctx, inputs) {
    const c = ctx.client;
    const args = userInputs(inputs) as FlowArgs;
    // Creating a flow is publishing it: over nothing, or over the flow of this name that is ours or adopted.
    const publishOver = async (existing: Flow | undefined) => ({
      name: args.name,
      ...(await publish(c, args, existing)),
    });
    const { stored, adoptedPrior } = await createOrAdopt(ctx, {
      owner: owner(args),
      name: args.name,
      inputs,
      journal: flowJournal(ctx, args.type),
      restores: RESTORES,
      find: () => flowsApi.find(c, args.name, args.type),
      // Our own shell, or a flow never published (nothing to give back): ours, not adopted.
      ours: (existing) => !existing.publishedVersion || existing.id === args.shell,
      create: () => publishOver(undefined),
      update: async (existing) => publishOver(await flowsApi.get(c, existing.id)),
      prior: (existing) => flowsApi.exportYaml(c, existing.id, owner(args), existing.publishedVersion!.id),
    });
    return {
      id: stored.id,
      outs: {
        ...args,
        contentHash: contentHash(renderFlow(args)),
        publishedVersion: stored.version,
        ...(adoptedPrior ? { adoptedPrior } : {}),
      },
    };
  },

  async read(ctx, id, props) {
    const c = ctx.client;
    const flow = await flowsApi.get(c, id);
    if (!flow || !flow.publishedVersion) return {};
    if (flow.publishedVersion.id === props.publishedVersion) return { id, props };
    // Published again outside this stack: hash what is published now.
    const published = await flowsApi.exportYaml(c, id, owner(props), flow.publishedVersion.id);
    return { id, props: { ...props, contentHash: contentHash(published), publishedVersion: flow.publishedVersion.id } };
  },

  async update(ctx, id, olds, news) {
    const c = ctx.client;
    const args = userInputs(news) as FlowArgs;
    const existing = await flowsApi.get(c, id);
    const { version } = await permitted(owner(args), () => publish(c, args, existing));
    return {
      outs: {
        ...args,
        contentHash: contentHash(renderFlow(args)),
        publishedVersion: version,
        ...(olds.adoptedPrior ? { adoptedPrior: olds.adoptedPrior } : {}),
      },
    };
  },

  async delete(ctx, id, props) {
    const c = ctx.client;
    await deleteOrRestore({
      owner: owner(props),
      name: props.name,
      journal: flowJournal(ctx, props.type),
      adoptedPrior: props.adoptedPrior || undefined,
      restore: (prior) => flowsApi.publishYaml(c, prior, owner(props)),
      // Flows that reference each other cannot be deleted while published with those references:
      // publish a bare shell first when the flow is in use, then delete once nothing uses it.
      remove: async () => {
        try {
          await removeWhenFree(c, `/api/v2/flows/${encodeURIComponent(id)}`, 5_000);
        } catch {
          await flowsApi.publishYaml(c, shellYaml(props.name, props.type), owner(props));
          await removeWhenFree(c, `/api/v2/flows/${encodeURIComponent(id)}`, 120_000);
        }
      },
    });
  },
};

/** Flows (full and shells alike) are journalled by name and flow type, as the API keys them. */
const flowJournal = (ctx: Context, type: string) => ctx.journal(`genesyscloud:architect:Flow:${type}`);

/** A minimal flow of the type that references nothing: what cycle breaking and freeing a flow publish (see shell.ts). */
export function shellYaml(name: string, type: string, division?: string): string {
  return minimalFlowYaml(name, type, division);
}

type ShellOutputs = FlowShellArgs & { created: boolean };

/**
 * A flow's first, empty publication. Flows that reference each other (A transfers to B, B to A)
 * are created as shells first, so each full flow can be published while the other's name exists.
 */
export const shellProvider: Lifecycle<FlowShellArgs, ShellOutputs> = {
  async check(ctx, olds, news) {
    const failures = checkInputs(FlowShellArgs, owner(news), news);
    if (!failures.length && (olds as Partial<FlowShellArgs>).name === undefined)
      failures.push(
        ...(await conflictAtPreview(ctx, {
          owner: owner(news),
          name: news.name,
          inputs: news,
          journal: flowJournal(ctx, news.type),
          restores: RESTORES,
          find: () => flowsApi.known(ctx.client, news.name, news.type),
        })),
      );
    return { inputs: news, failures };
  },
  async diff(_ctx, _id, olds, news) {
    const replaces = ["name", "type"].filter((k) => olds[k as keyof FlowShellArgs] !== news[k as keyof FlowShellArgs]);
    return { changes: replaces.length > 0 || !isDeepStrictEqual(olds.division, news.division), replaces };
  },
  async create(ctx, inputs) {
    const c = ctx.client;
    const args = userInputs(inputs) as FlowShellArgs;
    const existing = await flowsApi.find(c, args.name, args.type);
    // An existing flow already provides the name: nothing to publish (the full flow adopts or fails).
    const journal = flowJournal(ctx, args.type);
    if (existing?.publishedVersion)
      return { id: existing.id, outs: { ...args, created: journal.claims(args.name, existing.id) } };
    const { id } = await permitted(owner(args), () =>
      journal.creating(args.name, async () => ({
        id: await flowsApi.publishYaml(c, shellYaml(args.name, args.type, args.division), owner(args)),
      })),
    );
    return { id, outs: { ...args, created: true } };
  },
  async read(ctx, id, props) {
    return (await flowsApi.get(ctx.client, id)) ? { id, props } : {};
  },
  async update(_ctx, _id, olds, news) {
    return { outs: { ...(userInputs(news) as FlowShellArgs), created: olds.created } };
  },
  async delete(ctx, id, props) {
    // Usually the full flow (deleted first, it depends on its shell) has removed the flow already.
    if (!props.created) return;
    await deleteOrRestore({
      owner: owner(props),
      name: props.name,
      journal: flowJournal(ctx, props.type),
      adoptedPrior: undefined,
      restore: async () => undefined,
      remove: () => removeWhenFree(ctx.client, `/api/v2/flows/${encodeURIComponent(id)}`, 120_000),
    });
  },
};
