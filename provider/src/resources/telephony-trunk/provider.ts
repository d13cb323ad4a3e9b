import { createHash, randomBytes } from "crypto";
import { isDeepStrictEqual } from "util";
import { GenesysClient, GenesysError } from "../../client";
import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { checkInputs, hasUnknown, sameName, userInputs } from "../common";
import type { Lifecycle } from "../context";
import { bodyDifferences, conflictAtPreview, createOrAdopt, deleteOrRestore, gone, permitted } from "../crud";
import { trunksApi } from "./api";
import {
  LABEL,
  MASK,
  RESOURCE_TYPE,
  PASSWORD,
  SIP_SERVERS,
  TERMINATION_URI,
  TrunkArgs,
  TrunkBase,
  type TrunkBody,
  USERNAME,
} from "./schema";

/**
 * Outputs never hold the credentials: only a salted hash, so a rotated secret shows as a change.
 * (The credentials input itself is a secret and Pulumi stores it encrypted.)
 */
type Outputs = Omit<TrunkArgs, "credentials"> & {
  credentialsHash?: string;
  salt: string;
  connected?: boolean;
  adoptedPrior?: TrunkBody;
};

const owner = (a: { name?: unknown }) => `${LABEL} '${String(a.name)}'`;
/** The division a write goes to, as a 403 names it (trunk base settings are division-scoped). */
const divisionOf = (a: TrunkArgs) => (a.division === undefined ? "the home division" : `division '${a.division}'`);
const KEYS = [
  "name",
  "description",
  "division",
  "trunkMetabaseId",
  "trunkType",
  "inboundSite",
  "site",
  "managed",
  "sipServers",
  "properties",
] as const;

function credentialsHash(salt: string, creds: TrunkArgs["credentials"]): string | undefined {
  return creds
    ? createHash("sha256").update(`${salt}\u0000${creds.username}\u0000${creds.password}`).digest("hex")
    : undefined;
}

async function body(c: GenesysClient, args: TrunkArgs, current?: TrunkBase): Promise<TrunkBody> {
  const properties: TrunkBody["properties"] = {};
  // Start from what is stored (a PUT replaces the properties), then set what the code declares.
  for (const [k, v] of Object.entries(current?.properties ?? {}))
    properties[k] = { value: { instance: v.value?.instance } };
  for (const [k, v] of Object.entries(args.properties ?? {})) properties[k] = { value: { instance: v } };
  if (args.sipServers) properties[SIP_SERVERS] = { value: { instance: args.sipServers } };
  if (args.credentials) {
    properties[USERNAME] = { value: { instance: args.credentials.username } };
    properties[PASSWORD] = { value: { instance: args.credentials.password } };
  }
  return {
    name: args.name,
    ...(args.description !== undefined ? { description: args.description } : {}),
    division: { id: (await resolveDivision(c, args.division, owner(args))).id },
    trunkMetabase: { id: args.trunkMetabaseId },
    trunkType: args.trunkType ?? "EXTERNAL",
    ...(args.inboundSite ? { inboundSite: { id: (await trunksApi.site(c, args.inboundSite, owner(args))).id } } : {}),
    // A PUT replaces the whole object: keep the media site and managed flag the org has unless the code declares them.
    ...(args.site
      ? { site: { id: (await trunksApi.site(c, args.site, owner(args))).id } }
      : current?.site
        ? { site: { id: current.site.id } }
        : {}),
    ...(args.managed !== undefined
      ? { managed: args.managed }
      : typeof current?.managed === "boolean"
        ? { managed: current.managed }
        : {}),
    properties,
  };
}

/** Another trunk base of the target already uses this SIP termination URI (it must be unique within a region). */
async function terminationUriClash(
  c: GenesysClient,
  args: TrunkArgs,
  exceptId: string | undefined,
): Promise<string | undefined> {
  const uri = args.properties?.[TERMINATION_URI];
  if (typeof uri !== "string" || uri.trim() === "") return undefined;
  const other = (await trunksApi.listWithProperties(c)).find(
    (t) =>
      t.id !== exceptId &&
      t.name !== args.name &&
      String(t.properties?.[TERMINATION_URI]?.value?.instance ?? "").toLowerCase() === uri.trim().toLowerCase(),
  );
  return other
    ? `${owner(args)}: the SIP termination URI '${uri}' is already used by trunk '${other.name}' in the target org, and it must be unique within a region: ` +
        `map it to a new one in the transforms file (sipTerminationUris: { "${uri}": <new URI> }).`
    : undefined;
}

/** What a verification compares: everything sent but the password, which reads back masked. */
function verify(sent: Record<string, unknown>, stored: TrunkBase, name: string): void {
  const props = { ...(sent.properties as Record<string, unknown>) };
  delete props[PASSWORD];
  const storedProps: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored.properties ?? {}))
    storedProps[k] = { value: { instance: v.value?.instance } };
  const diffs = bodyDifferences({ ...sent, properties: props }, { ...stored, properties: storedProps });
  if (diffs.length)
    throw new GenesysError(
      "Validation",
      `${owner({ name })}: the org did not store what was sent (${diffs.join("; ")}).`,
    );
}

function declared(inputs: Record<string, unknown>): TrunkArgs {
  const a = userInputs(inputs) as TrunkArgs;
  delete a.onConflict;
  return a;
}

function outputs(args: TrunkArgs, salt: string, connected: boolean | undefined, extra: Partial<Outputs> = {}): Outputs {
  const { credentials, ...rest } = args;
  return {
    ...rest,
    salt,
    ...(credentials ? { credentialsHash: credentialsHash(salt, credentials) } : {}),
    ...(connected !== undefined ? { connected } : {}),
    ...extra,
  };
}

async function settle(c: GenesysClient, id: string, args: TrunkArgs): Promise<boolean | undefined> {
  if (!args.waitForConnection) return undefined;
  const connected = await trunksApi.waitConnected(
    c,
    id,
    (args.waitForConnection.timeoutSeconds ?? 60) * 1000,
    owner(args),
  );
  if (!connected && args.waitForConnection.required) {
    throw Object.assign(
      new Error(
        `${owner(args)} was saved but did not connect within ${args.waitForConnection.timeoutSeconds ?? 60} s: check its SIP servers, credentials and the carrier's ACL.`,
      ),
      { id },
    );
  }
  return connected;
}

/** What destroy does to an adopted trunk, as the conflict message says it. */
const RESTORES = "restores its prior configuration";

export const provider: Lifecycle<TrunkArgs, Outputs> = {
  async check(ctx, olds, news) {
    const failures = checkInputs(TrunkArgs, owner(news), news).map((f) =>
      // Never print a credentials value back: report on the resource, not the property.
      f.property === "credentials"
        ? {
            property: "",
            reason: `${owner(news)}: credentials must be {username, password} strings (from secret config)`,
          }
        : f,
    );
    if (failures.length || hasUnknown(news, [...KEYS])) return { inputs: news, failures };
    // An unchanged trunk was checked when it was deployed: a no-change preview makes no call for it (as
    // crud.ts's types); drift in its site or a clashing URI shows at refresh.
    if ((olds as Partial<TrunkArgs>).name !== undefined && isDeepStrictEqual(declared(olds), declared(news)))
      return { inputs: news, failures };
    const c = ctx.client;
    failures.push(...(await checkDivision(c, news.division, owner(news))));
    for (const key of ["inboundSite", "site"] as const) {
      const site = news[key];
      if (!site) continue;
      try {
        await trunksApi.site(c, site, owner(news));
      } catch (err) {
        failures.push({ property: key, reason: (err as Error).message });
      }
    }
    const clash = await terminationUriClash(c, news, undefined);
    if (clash) failures.push({ property: "properties", reason: clash });
    if ((olds as Partial<TrunkArgs>).name === undefined)
      failures.push(
        ...(await conflictAtPreview(ctx, {
          owner: owner(news),
          name: news.name,
          inputs: news,
          journal: ctx.journal(RESOURCE_TYPE),
          restores: RESTORES,
          find: async () => (await trunksApi.list(c)).find((t) => sameName(t.name, news.name)),
        })),
      );
    return { inputs: news, failures };
  },

  async diff(_ctx, _id, olds, news) {
    if (hasUnknown(news, [...KEYS, "credentials"])) return { changes: true };
    const args = declared(news);
    const changed =
      KEYS.some((k) => !isDeepStrictEqual(olds[k] ?? undefined, args[k] ?? undefined)) ||
      credentialsHash(olds.salt, args.credentials) !== olds.credentialsHash ||
      !isDeepStrictEqual(olds.waitForConnection, args.waitForConnection);
    return { changes: changed, replaces: olds.trunkMetabaseId !== args.trunkMetabaseId ? ["trunkMetabaseId"] : [] };
  },

  async create(ctx, inputs) {
    const c = ctx.client;
    const args = declared(inputs);
    const salt = randomBytes(16).toString("hex");
    // What the last write sent (a PUT is built over the object it replaces): what verification compares.
    let sent: TrunkBody | undefined;
    const { stored, adoptedPrior } = await createOrAdopt(ctx, {
      owner: owner(args),
      name: args.name,
      inputs,
      journal: ctx.journal(RESOURCE_TYPE),
      restores: RESTORES,
      division: divisionOf(args),
      find: async () => (await trunksApi.list(c)).find((t) => sameName(t.name, args.name)),
      create: async () => trunksApi.create(c, (sent = await body(c, args))),
      update: async (existing) => trunksApi.update(c, existing.id, (sent = await body(c, args, existing)), existing),
      prior: (existing) => body(c, { name: existing.name, trunkMetabaseId: existing.trunkMetabase.id }, existing),
      verify: (stored) => verify(sent!, stored, args.name),
    });
    const connected = await settle(c, stored.id, args);
    return { id: stored.id, outs: outputs(args, salt, connected, adoptedPrior ? { adoptedPrior } : {}) };
  },

  async read(ctx, id, props) {
    const c = ctx.client;
    const t = await trunksApi.get(c, id);
    if (!t) return {};
    const division = await divisionArg(c, t.division?.id, props.division);
    const properties: Record<string, unknown> = {};
    for (const k of Object.keys(props.properties ?? {})) properties[k] = t.properties?.[k]?.value?.instance;
    const outs: Outputs = {
      ...props,
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      ...(division !== undefined ? { division } : {}),
      trunkMetabaseId: t.trunkMetabase.id,
      ...(props.properties ? { properties } : {}),
      ...(props.site !== undefined && t.site
        ? { site: (await trunksApi.sites(c)).find((s) => s.id === t.site!.id)?.name ?? t.site.id }
        : {}),
      ...(props.managed !== undefined ? { managed: t.managed ?? false } : {}),
      ...(props.sipServers
        ? { sipServers: (t.properties?.[SIP_SERVERS]?.value?.instance as string[] | undefined) ?? [] }
        : {}),
    };
    if (!t.description) delete outs.description;
    return { id, props: outs };
  },

  async update(ctx, id, olds, news) {
    const c = ctx.client;
    const args = declared(news);
    const current = await trunksApi.get(c, id);
    if (!current) gone(owner(args), id);
    const sent = await body(c, args, current);
    verify(
      sent,
      await permitted(owner(args), () => trunksApi.update(c, id, sent, current), divisionOf(args)),
      args.name,
    );
    const connected = await settle(c, id, args);
    return { outs: outputs(args, olds.salt, connected, olds.adoptedPrior ? { adoptedPrior: olds.adoptedPrior } : {}) };
  },

  async delete(ctx, id, props) {
    const c = ctx.client;
    await deleteOrRestore({
      owner: owner(props),
      name: props.name,
      journal: ctx.journal(RESOURCE_TYPE),
      adoptedPrior: props.adoptedPrior,
      // The prior password reads back masked; sending the mask keeps the stored one.
      restore: async (prior) => {
        const current = await trunksApi.get(c, id);
        if (current) await trunksApi.update(c, id, prior, current);
      },
      remove: () => trunksApi.remove(c, id, owner(props)),
    });
  },
};

export { MASK };
