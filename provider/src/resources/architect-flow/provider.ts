import { createHash } from "crypto";
import { isDeepStrictEqual } from "util";
import { GenesysClient, GenesysError } from "../../client";
import { client, conflictPolicy, journalOf } from "../../process";
import { checkInputs, hasUnknown, removeWhenFree, ResourceImpl, UNKNOWN, userInputs } from "../common";
import { Flow, flowsApi } from "./api";
import { FLOW_TYPES, FlowYamlError, parseFlow, renderTemplate } from "./references";
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
 * A flow deployed from Archy YAML through the Architect jobs API (which also publishes it). State
 * keeps the hash of the published content; refresh exports the published version when it changed.
 */
export const provider: ResourceImpl<FlowArgs, FlowOutputs> = {
  async check(olds, news) {
    const failures = checkInputs(FlowArgs, owner(news), news);
    if (failures.length || hasUnknown(news, ["name", "type", "yaml", "substitutions"]))
      return { inputs: news, failures };
    try {
      renderFlow(news);
    } catch (err) {
      if (!(err instanceof GenesysError || err instanceof FlowYamlError)) throw err;
      // Not on the property "yaml": the engine would print the whole flow before the message.
      failures.push({ property: "", reason: err.message });
    }
    if (
      failures.length === 0 &&
      (olds as Partial<FlowArgs>).name === undefined &&
      (news.onConflict ?? conflictPolicy()) === "fail"
    ) {
      const existing = await flowsApi.find(client(), news.name, news.type);
      if (
        existing &&
        existing.id !== news.shell &&
        news.shell !== UNKNOWN &&
        !flowJournal(news.type).claims(news.name, existing.id)
      ) {
        failures.push({
          property: "name",
          reason: `${owner(news)} already exists in the target org (id ${existing.id}). Choose: adopt it (genesys-clone:onConflict adopt, or onConflict: "adopt"; destroy then republishes its prior version), or rename or delete it in the target org.`,
        });
      }
    }
    return { inputs: news, failures };
  },

  async diff(_id, olds, news) {
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

  async create(inputs) {
    const c = client();
    const args = userInputs(inputs) as FlowArgs;
    const existing = await flowsApi.find(c, args.name, args.type);
    const journal = flowJournal(args.type);
    let adoptedPrior: string | undefined;
    // Our own shell, or made by this stack in a run killed before its state was written: ours.
    if (
      existing &&
      existing.publishedVersion &&
      existing.id !== args.shell &&
      !journal.claims(args.name, existing.id)
    ) {
      if ((args.onConflict ?? conflictPolicy()) !== "adopt") {
        fail(
          `${owner(args)} already exists in the target org (id ${existing.id}): set genesys-clone:onConflict to adopt, or rename or delete it there.`,
        );
      }
      adoptedPrior = await flowsApi.exportYaml(c, existing.id, owner(args), existing.publishedVersion.id);
    }
    if (!existing) journal.record("create", args.name);
    const { id, version } = await publish(c, args, existing);
    if (!adoptedPrior) journal.record("created", args.name, id);
    return {
      id,
      outs: {
        ...args,
        contentHash: contentHash(renderFlow(args)),
        publishedVersion: version,
        ...(adoptedPrior ? { adoptedPrior } : {}),
      },
    };
  },

  async read(id, props) {
    const c = client();
    const flow = await flowsApi.get(c, id);
    if (!flow || !flow.publishedVersion) return {};
    if (flow.publishedVersion.id === props.publishedVersion) return { id, props };
    // Published again outside this stack: hash what is published now.
    const published = await flowsApi.exportYaml(c, id, owner(props), flow.publishedVersion.id);
    return { id, props: { ...props, contentHash: contentHash(published), publishedVersion: flow.publishedVersion.id } };
  },

  async update(id, olds, news) {
    const c = client();
    const args = userInputs(news) as FlowArgs;
    const existing = await flowsApi.get(c, id);
    const { version } = await publish(c, args, existing);
    return {
      outs: {
        ...args,
        contentHash: contentHash(renderFlow(args)),
        publishedVersion: version,
        ...(olds.adoptedPrior ? { adoptedPrior: olds.adoptedPrior } : {}),
      },
    };
  },

  async delete(id, props) {
    const c = client();
    if (props.adoptedPrior) {
      await flowsApi.publishYaml(c, props.adoptedPrior, owner(props));
      return;
    }
    // Flows that reference each other cannot be deleted while published with those references:
    // publish a bare shell first when the flow is in use, then delete once nothing uses it.
    try {
      await removeWhenFree(c, `/api/v2/flows/${encodeURIComponent(id)}`, 5_000);
    } catch {
      await flowsApi.publishYaml(c, shellYaml(props.name, props.type), owner(props));
      await removeWhenFree(c, `/api/v2/flows/${encodeURIComponent(id)}`, 120_000);
    }
    flowJournal(props.type).record("deleted", props.name);
  },
};

/** Flows (full and shells alike) are journalled by name and flow type, as the API keys them. */
const flowJournal = (type: string) => journalOf(`genesyscloud:architect:Flow:${type}`);

/** A minimal flow of the type that references nothing: what cycle breaking and freeing a flow publish (see shell.ts). */
export function shellYaml(name: string, type: string, division?: string): string {
  return minimalFlowYaml(name, type, division);
}

type ShellOutputs = FlowShellArgs & { created: boolean };

/**
 * A flow's first, empty publication. Flows that reference each other (A transfers to B, B to A)
 * are created as shells first, so each full flow can be published while the other's name exists.
 */
export const shellProvider: ResourceImpl<FlowShellArgs, ShellOutputs> = {
  async check(olds, news) {
    const failures = checkInputs(FlowShellArgs, owner(news), news);
    if (
      !failures.length &&
      (olds as Partial<FlowShellArgs>).name === undefined &&
      (news.onConflict ?? conflictPolicy()) === "fail"
    ) {
      const existing = await flowsApi.find(client(), news.name, news.type);
      if (existing && !flowJournal(news.type).claims(news.name, existing.id)) {
        failures.push({
          property: "name",
          reason: `${owner(news)} already exists in the target org (id ${existing.id}). Choose: adopt it (genesys-clone:onConflict adopt), or rename or delete it in the target org.`,
        });
      }
    }
    return { inputs: news, failures };
  },
  async diff(_id, olds, news) {
    const replaces = ["name", "type"].filter((k) => olds[k as keyof FlowShellArgs] !== news[k as keyof FlowShellArgs]);
    return { changes: replaces.length > 0 || !isDeepStrictEqual(olds.division, news.division), replaces };
  },
  async create(inputs) {
    const c = client();
    const args = userInputs(inputs) as FlowShellArgs;
    const existing = await flowsApi.find(c, args.name, args.type);
    // An existing flow already provides the name: nothing to publish (the full flow adopts or fails).
    const journal = flowJournal(args.type);
    if (existing?.publishedVersion)
      return { id: existing.id, outs: { ...args, created: journal.claims(args.name, existing.id) } };
    journal.record("create", args.name);
    const id = await flowsApi.publishYaml(c, shellYaml(args.name, args.type, args.division), owner(args));
    journal.record("created", args.name, id);
    return { id, outs: { ...args, created: true } };
  },
  async read(id, props) {
    return (await flowsApi.get(client(), id)) ? { id, props } : {};
  },
  async update(_id, olds, news) {
    return { outs: { ...(userInputs(news) as FlowShellArgs), created: olds.created } };
  },
  async delete(id, props) {
    // Usually the full flow (deleted first, it depends on its shell) has removed the flow already.
    if (props.created) {
      await removeWhenFree(client(), `/api/v2/flows/${encodeURIComponent(id)}`, 120_000);
      flowJournal(props.type).record("deleted", props.name);
    }
  },
};
