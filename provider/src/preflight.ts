import * as pulumi from "@pulumi/pulumi";
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { z } from "zod";
import type { Models, SdkRead } from "./sdk";
import { clientFor, GenesysClient, GenesysError } from "./client";
import { deployConfig, resolveSettings, SETTINGS, STACK_SETTINGS } from "./config";
import { logDeclared } from "./client/call-log";
import { LookupRequest, prefetchLookups } from "./program/lookup";
import { queueMembers } from "./resources/routing-queue-members";
import { emailKey } from "./resources/routing-queue-members/api";
import { GROUPS, USERS } from "./resources/routing-queue-members/export";
import { RESOURCES } from "./resources/registry";
import { refusePlaintext } from "./program/secret-config";
import { cacheTranspiledFiles } from "./program/transpile-cache";
import {
  loadTransforms,
  mapReferenceName,
  NO_TRANSFORMS,
  transformProps,
  Transforms,
  TransformsError,
  UnmappedDidsError,
} from "./program/transforms";

const Organization = z.object({ id: z.string(), name: z.string() });
type _Organization = SdkRead<Models.Organization, z.infer<typeof Organization>>;

export interface Target {
  /** The target org's name; only looked up when `network` is set. */
  orgName?: string;
  client: GenesysClient;
}

/**
 * Run by the stack program before it declares any resource: checks the provider configuration and
 * that the secret is stored as a secret; with `network` (in `up`), also that the credentials get a
 * token and that the API answers. `preview` leaves the network to the provider, whose checks call the
 * API only for new or changed resources: a no-change preview makes no API call, while a preview with
 * changes meets bad credentials or an unreachable API at its first check, with the same message.
 * Any problem becomes one RunError that names the fix.
 */
export async function preflight(opts: { network: boolean }): Promise<Target> {
  const get = (key: string) => pulumi.runtime.getConfig(key);
  try {
    refusePlaintext(SETTINGS.clientSecret.key, "secret");
    const policy = get(STACK_SETTINGS.onConflict.key);
    if (policy !== undefined && policy !== "fail" && policy !== "adopt") {
      throw new GenesysError(
        "Config",
        `${STACK_SETTINGS.onConflict.key} is '${policy}': set it to fail (the default) or adopt.`,
      );
    }
    const client = clientFor(resolveSettings(deployConfig(get)));
    if (!opts.network) return { client };
    return { orgName: await orgNameOf(client), client };
  } catch (err) {
    throw asRunError(err);
  }
}

/**
 * Has the engine start the dynamic-provider process now. The engine starts it for the first resource, which the
 * program registers only after its checks, its lookups and loading the generated code; the process then needs about
 * a second of its own (Node.js, @pulumi/pulumi with the TypeScript compiler, this package) before its first create.
 * An invoke makes the engine load (and configure) the same default `pulumi-nodejs` provider at once, so both
 * start-ups overlap; the dynamic provider answers any invoke "unknown function", which is dropped here. The state
 * gains no resource: the default provider is the one every resource of the stack uses anyway.
 */
function startProviderProcess(): void {
  pulumi.runtime.invoke("pulumi-nodejs:dynamic:startUp", {}).catch(() => undefined);
}

async function orgNameOf(client: GenesysClient): Promise<string> {
  return (await client.request({ method: "GET", path: "/api/v2/organizations/me", schema: Organization })).name;
}

/**
 * Genesys Cloud names are unique per type, ignoring case (flows per name and flow type): two resources of
 * one program that claim the same name would fight over one object, so the program stops naming both.
 */
export function nameClaims(): (
  kind: string,
  resource: string,
  declared: Record<string, unknown>,
  props: Record<string, unknown>,
) => void {
  const claimed = new Map<string, { resource: string; declared: unknown; name: string }>();
  return (kind, resource, declared, props) => {
    if (typeof props.name !== "string") return; // an output of another resource: not known yet
    const flowType = typeof props.type === "string" ? props.type.toLowerCase() : "";
    const key = [kind, flowType, props.name.toLowerCase()].join("\u0000");
    const other = claimed.get(key);
    if (!other) {
      claimed.set(key, { resource, declared: declared.name, name: props.name });
      return;
    }
    const detail =
      other.declared !== other.name || declared.name !== props.name
        ? ` (declared as '${String(other.declared)}' and '${String(declared.name)}': the transforms file maps both to this name)`
        : other.name !== props.name
          ? ` (as '${other.name}' and '${props.name}', which differ only in case)`
          : "";
    throw new pulumi.RunError(
      `Two resources in the stack code declare ${RESOURCES.all.find((d) => d.kind === kind)?.label ?? kind} '${other.name}'${flowType ? ` (${flowType})` : ""}: ` +
        `'${other.resource}' and '${resource}'${detail}. Names are unique per type in Genesys Cloud (ignoring case): rename or remove one of them.`,
    );
  };
}

/**
 * The stack's transforms file: genesys-clone:transforms (relative to the project), else
 * transforms.<stack>.yaml beside Pulumi.yaml when it exists, else none.
 */
export function stackTransforms(projectDir: string): { file?: string; transforms: Transforms } {
  const configured = pulumi.runtime.getConfig("genesys-clone:transforms");
  const file = configured
    ? path.resolve(projectDir, configured)
    : path.join(projectDir, `transforms.${pulumi.getStack()}.yaml`);
  if (!configured && !existsSync(file)) return { transforms: NO_TRANSFORMS };
  if (!existsSync(file))
    throw new pulumi.RunError(
      `genesys-clone:transforms is '${configured}', but ${file} does not exist: create it or unset the key.`,
    );
  try {
    return { file, transforms: loadTransforms(file) };
  } catch (err) {
    if (err instanceof TransformsError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

/** Loads and runs an imported directory: transforms registered, lookups resolved, then the resources declared. */
export async function deployImported(
  dir: string,
  projectDir: string,
): Promise<{ targetOrg?: string; resources: number; transforms?: string }> {
  if (!existsSync(path.join(dir, "index.ts"))) {
    const rel = path.relative(path.join(projectDir, "stacks"), dir);
    throw new pulumi.RunError(
      `genesys-clone:source is '${rel}', but ${dir} holds no generated stack code: ` +
        `run \`genesys-clone import --out stacks/${rel}\` first, or set genesys-clone:source to an imported directory.`,
    );
  }
  // The configuration is checked first; in `up`, the org check and the lookups' listings then go out together
  // (one round trip before the first resource instead of two), the org check's error reported first.
  const target = await preflight({ network: false });
  const orgName = pulumi.runtime.isDryRun() ? undefined : orgNameOf(target.client);
  orgName?.catch(() => undefined); // observed below, after the lookups settle
  // `up` writes the default provider's inputs (the stack's config) to state: start it only once the credentials
  // work, so a failed preflight leaves the provider in state as it was (a later refresh uses those inputs).
  if (!orgName) startProviderProcess();
  const { file, transforms } = stackTransforms(projectDir);
  const claim = nameClaims();
  let resources = 0;
  const memberLinks: pulumi.Resource[] = [];
  pulumi.runtime.registerStackTransformation((args) => {
    if (args.type.startsWith("pulumi-nodejs:dynamic/")) resources++; // every object, links (QueueFlows) too
    // Every registered type (by its type token) gets the transforms and the duplicate-name check.
    const kind = RESOURCES.byToken(args.type)?.kind;
    if (!kind) return undefined;
    if (kind === queueMembers.kind) memberLinks.push(args.resource);
    let props: Record<string, unknown>;
    try {
      props = transformProps(kind, args.props, transforms);
    } catch (err) {
      if (err instanceof UnmappedDidsError)
        throw new pulumi.RunError(err.explain(file ? path.relative(projectDir, file) : undefined));
      throw err;
    }
    claim(kind, args.name, args.props, props);
    return { props, opts: args.opts };
  });
  if (!keepStackTraces()) cacheTranspiledFiles(dir, projectDir); // traces map only what ts-node transpiled itself
  const lookupsFile = path.join(dir, "lookups.ts");
  const requests: LookupRequest[] = existsSync(lookupsFile)
    ? (require(lookupsFile) as { LOOKUPS: LookupRequest[] }).LOOKUPS
    : [];
  // A preview checks the users and groups only queue members name once it knows which member links would change
  // (see changedMembers); `up` checks every one before it creates anything.
  const deferred = pulumi.runtime.isDryRun() ? requests.filter(membersOnly) : [];
  let targetOrg: string | undefined;
  try {
    const lookups = prefetchLookups(
      target.client,
      requests.filter((r) => !deferred.includes(r)),
      transforms,
    );
    lookups.catch(() => undefined); // awaited below, after the org check
    targetOrg = await orgName;
    if (orgName) startProviderProcess();
    await lookups;
  } catch (err) {
    throw asRunError(err);
  }
  await declareInOrder(dir);
  const declared = require(dir) as Record<string, pulumi.Resource>;
  logDeclared(resources); // every resource's constructor has run (and been transformed) by now
  if (deferred.length) {
    const changed = await changedMembers(memberLinks);
    const named = deferred.filter((r) =>
      r.type === USERS
        ? changed.users.has(emailKey(mapReferenceName(transforms, r.type, r.name)))
        : changed.groups.has(mapReferenceName(transforms, r.type, r.name).toLowerCase()),
    );
    try {
      if (named.length) await prefetchLookups(target.client, named, transforms);
    } catch (err) {
      throw asRunError(err);
    }
  }
  return {
    ...(targetOrg !== undefined ? { targetOrg } : {}),
    resources: Object.keys(declared).length,
    ...(file ? { transforms: path.relative(projectDir, file) } : {}),
  };
}

/** The program reports the client's errors (bad settings, credentials, missing objects) as RunErrors: their message alone. */
const asRunError = (err: unknown) => (err instanceof GenesysError ? new pulumi.RunError(err.message) : err);

/** A user or group only queue members name (no flow does): needed by the provider alone, never by `gc.lookup`. */
const membersOnly = (r: LookupRequest) => (r.type === USERS || r.type === GROUPS) && !r.flows?.length;

/**
 * The users (by email) and groups (by name, lower case) of the member links a preview would create or update.
 * The engine keeps each registered resource's new state, read back with its built-in `getResource` invoke (no
 * API call): a link the preview leaves as it is keeps its state from the last `up`, which holds the provider's undo
 * record (`added`); a link it would create or update gets its inputs as its state (dynamic providers do not preview),
 * which do not. A no-change preview so checks no member and calls no API, while any link that changes is checked,
 * every missing user and group of all of them still in one message.
 */
async function changedMembers(links: pulumi.Resource[]): Promise<{ users: Set<string>; groups: Set<string> }> {
  const users = new Set<string>();
  const groups = new Set<string>();
  await Promise.all(
    links.map(async (link) => {
      const urn = await new Promise<string>((resolve) => link.urn.apply(resolve));
      const { state } = (await pulumi.runtime.invoke("pulumi:pulumi:getResource", { urn })) as {
        state?: { added?: unknown; members?: { email?: unknown }[]; memberGroups?: { name?: unknown }[] };
      };
      if (!state || Array.isArray(state.added)) return;
      for (const m of state.members ?? []) if (typeof m.email === "string") users.add(emailKey(m.email));
      for (const g of state.memberGroups ?? []) if (typeof g.name === "string") groups.add(g.name.toLowerCase());
    }),
  );
  return { users, groups };
}

/**
 * Loads the generated files one at a time in the order the index lists them (dependencies first), letting the
 * event loop run between files: the registrations of the first types go out to the engine, which checks and
 * creates them while the program still declares the rest. Required all at once, no registration left before
 * every file had run (at 1000 objects the first create waited for seconds of declaring).
 */
async function declareInOrder(dir: string): Promise<void> {
  const index = readFileSync(path.join(dir, "index.ts"), "utf8");
  for (const [, file] of index.matchAll(/^export \* from "\.\/([^"]+)";$/gm)) {
    require(path.join(dir, file!));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const keepStackTraces = () => process.env.GENESYS_CLONE_STACK_TRACES === "1";

/**
 * @pulumi/pulumi captures a stack trace for every promise it makes (`debuggablePromise`, a handful per resource),
 * and the ts-node it runs the program under formats each through source maps: at 1000 objects that was a quarter
 * of a no-change preview (17 s; 12 s without). The program's errors are messages (RunError), never stacks, so it
 * runs without them; GENESYS_CLONE_STACK_TRACES=1 keeps them, source-mapped, to debug the program itself.
 */
function withoutStackTraces(): void {
  if (keepStackTraces()) return;
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  Error.stackTraceLimit = 0;
}

/**
 * Wraps the stack program: a RunError (bad settings, missing import) is reported once as an error
 * diagnostic and the program ends with @pulumi/pulumi's "error already reported" exit code (32), so
 * the engine stops the update without touching any resource. (Letting the rejection escape works
 * too, but the SDK then spends many seconds formatting it.)
 */
export function program<T>(body: () => Promise<T>): () => Promise<T | undefined> {
  return async () => {
    withoutStackTraces();
    try {
      return await body();
    } catch (err) {
      if (!(err instanceof pulumi.RunError)) throw err;
      await pulumi.log.error(err.message);
      process.exitCode = 32;
      return undefined;
    }
  };
}
