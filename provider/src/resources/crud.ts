import type * as pulumi from "@pulumi/pulumi";
import { isDeepStrictEqual } from "util";
import { z } from "zod";
import { GenesysClient, GenesysError } from "../client";
import { checkInputs, CheckFailure, hasUnknown, nameKey, sameName, UNKNOWN, userInputs } from "./common";
import type { ConflictPolicy, Context, Lifecycle, TypeJournal } from "./context";

export interface Named {
  id: string;
  name: string;
}

/**
 * One resource type, described by its mappings; `crudProvider` turns it into the dynamic provider.
 * Args = what stack code declares (names and ids of other resources), Body = the request body,
 * Wire = what the API returns.
 */
export interface Definition<Args extends { name: string }, Body, Wire extends Named> {
  type: string;
  /** "Skill", "Queue", ... used in every message. */
  label: string;
  schema: z.ZodObject<z.ZodRawShape>;
  /** Properties the API cannot change in place. */
  replaceOn: readonly string[];
  /**
   * The listing returns whole objects, as GET does: refresh of many objects reads pages of the list
   * (one call per 100-500 objects) instead of one GET each.
   */
  listIsComplete?: boolean;
  /** What a listed object lacks that GET has, read separately (a queue's wrap-up codes). */
  completeListed?(c: GenesysClient, listed: Wire): Promise<Wire>;
  /** Array properties whose order means nothing (compared as sets). */
  unordered?: readonly string[];
  /** Puts args in a canonical form before diffing (e.g. sorts nested id lists). */
  normalize?(args: Args): Args;
  /** Every active object, for the by-name index. */
  list(c: GenesysClient): Promise<Wire[]>;
  /** The object, or undefined when it is gone (404 or soft-deleted). */
  get(c: GenesysClient, id: string): Promise<Wire | undefined>;
  create(c: GenesysClient, body: Body): Promise<Wire>;
  /** Full update to `body`; `current` is the stored object (versions, current assignments). */
  update(c: GenesysClient, id: string, body: Body, current: Wire): Promise<Wire>;
  remove(c: GenesysClient, id: string): Promise<void>;
  /** Declared args -> request body (resolves division names, ...). */
  toBody(c: GenesysClient, args: Args, owner: string): Promise<Body>;
  /** Stored object -> request body: what verification compares and what restore sends back. */
  bodyOf(wire: Wire): Body;
  /** Stored object -> what a restore after adoption sends back (default: bodyOf). */
  priorOf?(wire: Wire): Body;
  /** Stored object -> args as stack code would declare them (refresh). */
  toArgs(c: GenesysClient, wire: Wire, previous: Partial<Args>): Promise<Args>;
  /** Extra preview-time checks that need the target org (divisions, references). */
  checkTarget?(c: GenesysClient, args: Args, owner: string): Promise<CheckFailure[]>;
  /**
   * Preview-time checks of plain fields, run even while other inputs are outputs of resources not created yet
   * (an IVR's DIDs while its flows are new); each check must skip a field that is itself unknown.
   */
  checkKnown?(c: GenesysClient, news: Record<string, unknown>, owner: string): Promise<CheckFailure[]>;
}

type Outputs<Args> = Args & { adoptedPrior?: unknown };

function fail(message: string): never {
  throw new GenesysError("Validation", message);
}

/**
 * A write the OAuth client may not make (403) as an error naming the object and the permission to grant;
 * credentials rejected during the write (401) name the object too. `division` names the division of a
 * division-scoped object: a role grants each permission in chosen divisions or in all of them, so a client
 * may create this type in one division and not in another.
 */
export async function permitted<T>(owner: string, write: () => Promise<T>, division?: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof GenesysError && err.kind === "Auth")
      throw new GenesysError("Auth", `${owner}: ${err.message}`, err.details);
    if (!(err instanceof GenesysError) || err.kind !== "Forbidden") throw err;
    const { method, path, code } = err.details;
    const verb = method === "POST" ? "create" : method === "DELETE" ? "delete" : "change";
    // The API's own words (e.g. which division it refused), without the correlation id.
    const apiMessage = / failed: HTTP 403[^:]*: (.*?)(?: \(correlation id [^)]*\))?$/.exec(err.message)?.[1];
    const scope =
      division === undefined ? "" : `, with ${division} (or all divisions) in that permission's division scope`;
    throw new GenesysError(
      "Forbidden",
      `${owner}: the OAuth client is not allowed to ${verb} it${division === undefined ? "" : ` in ${division}`} (HTTP 403${code ? ` ${code}` : ""} on ${method} ${path}). ` +
        `Grant the client's role the permission to ${verb} this type in the target org${scope}, or leave the type out of the import (genesys-clone import --exclude), then run \`pulumi up\` again.` +
        (apiMessage ? ` The API said: ${apiMessage}` : ""),
      err.details,
    );
  }
}

/** Per client and type, one promise of a listing-derived map, built once per process; a failure is not kept. */
export type TypeCache = WeakMap<GenesysClient, Map<string, Promise<Map<string, Named>>>>;

export function cached(
  store: TypeCache,
  c: GenesysClient,
  type: string,
  load: () => Promise<Map<string, Named>>,
): Promise<Map<string, Named>> {
  let perType = store.get(c);
  if (!perType) store.set(c, (perType = new Map()));
  let entry = perType.get(type);
  if (!entry) {
    entry = load();
    entry.catch(() => perType!.delete(type));
    perType.set(type, entry);
  }
  return entry;
}

// By-name index of each type in the target org (keyed by nameKey: the API's names are case-insensitive):
// one listing serves the conflict check of every new resource.
const indexes: TypeCache = new WeakMap();

function nameIndex<W extends Named>(
  c: GenesysClient,
  def: Definition<{ name: string }, unknown, W>,
): Promise<Map<string, Named>> {
  return cached(
    indexes,
    c,
    def.type,
    async () => new Map((await def.list(c)).map((o) => [nameKey(o.name), o] as [string, Named])),
  );
}

function comparable(value: unknown, unordered: boolean): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && unordered) return [...value].map((v) => JSON.stringify(v)).sort();
  return value;
}

/** Field-level differences between what was sent and what the org stored. */
export function bodyDifferences(sent: unknown, stored: unknown, at = ""): string[] {
  if (isDeepStrictEqual(sent, stored)) return [];
  if (sent && stored && typeof sent === "object" && typeof stored === "object" && !Array.isArray(sent)) {
    const out: string[] = [];
    for (const [k, v] of Object.entries(sent as Record<string, unknown>)) {
      if (v === undefined) continue;
      out.push(...bodyDifferences(v, (stored as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
    }
    return out;
  }
  return [`${at || "body"}: sent ${JSON.stringify(sent)}, stored ${JSON.stringify(stored)}`];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `value` limited to the keys `template` has (recursively for objects); `name` is always kept. */
export function projectLike(
  value: Record<string, unknown>,
  template: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, t] of Object.entries(template)) {
    const v = value[k];
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(t) ? projectLike(v, t) : v;
  }
  if (value.name !== undefined) out.name = value.name;
  return out;
}

// Whole listings for refresh, by id: refresh of many objects reads pages instead of one GET each.
const listings: TypeCache = new WeakMap();

function listing<W extends Named>(
  c: GenesysClient,
  def: Pick<Definition<{ name: string }, unknown, W>, "type" | "list">,
): Promise<Map<string, Named>> {
  return cached(
    listings,
    c,
    def.type,
    async () => new Map((await def.list(c)).map((o) => [o.id, o] as [string, Named])),
  );
}

/**
 * One object of a type from that type's whole listing, the one refresh reads pages of (read once per process and
 * shared with the type's own reads), else one GET: how links that live on an object (a queue's flows and members)
 * refresh without a GET each.
 */
export async function listedOrGet<W extends Named>(
  c: GenesysClient,
  def: Pick<Definition<{ name: string }, unknown, W>, "type" | "list" | "get">,
  id: string,
): Promise<W | undefined> {
  return ((await listing(c, def)).get(id) as W | undefined) ?? def.get(c, id);
}

/** A write outside the type's own lifecycle (a link's PUT of its queue): the listing read before it is stale. */
export function forgetListing(c: GenesysClient, type: string): void {
  listings.get(c)?.delete(type);
}

/** " as 'sales'" when the target spells the colliding name differently (names are unique case-insensitively). */
function spelled(existing: Named, declared: string): string {
  return existing.name === declared ? "" : ` as '${existing.name}'`;
}

/**
 * The one wording of a name that already exists in the target org, at preview and at create alike.
 * `restores` says what destroy does to an adopted object ("restores its prior configuration").
 */
export function conflictMessage(owner: string, existing: Named, declared: string, restores: string): string {
  return (
    `${owner} already exists in the target org${spelled(existing, declared)} (id ${existing.id}). Choose: adopt it ` +
    '(`pulumi config set genesys-clone:onConflict adopt` for the stack, or `onConflict: "adopt"` on this resource; ' +
    `destroy then ${restores}), or rename or delete it in the target org.`
  );
}

/** The policy of one resource: its own onConflict, else the stack's. */
export function policyOf(ctx: Context, inputs: { onConflict?: unknown }): ConflictPolicy {
  return inputs.onConflict === "adopt" || inputs.onConflict === "fail" ? inputs.onConflict : ctx.onConflict;
}

/**
 * The preview-time conflict check of a new resource: a failure when its name is taken in the target by an
 * object this stack did not create (journal) and that is not its own (`ours`, e.g. a flow's shell).
 */
export async function conflictAtPreview<W extends Named>(
  ctx: Context,
  o: {
    owner: string;
    name: string;
    inputs: { onConflict?: unknown };
    journal: TypeJournal;
    restores: string;
    find(): Promise<W | undefined>;
    ours?(existing: W): boolean;
  },
): Promise<CheckFailure[]> {
  if (policyOf(ctx, o.inputs) !== "fail") return [];
  const existing = await o.find();
  if (!existing || o.ours?.(existing) || o.journal.claims(o.name, existing.id)) return [];
  return [{ property: "name", reason: conflictMessage(o.owner, existing, o.name, o.restores) }];
}

/** How one type creates, takes over and verifies an object: what `createOrAdopt` runs. */
/** F: an object as found by name; W: what a write returns. */
export interface CreateSteps<F extends Named, W extends { id: string }, P> {
  owner: string;
  name: string;
  inputs: { onConflict?: unknown };
  journal: TypeJournal;
  /** What destroy does to an adopted object, as the conflict message says it. */
  restores: string;
  /** The division a division-scoped object is written to, as a 403 names it. */
  division?: string;
  /** The object of this name in the target, if any (asked again after a lost create response). */
  find(): Promise<F | undefined>;
  /** An existing object that is this resource's own without the journal (a flow's shell, a draft). */
  ours?(existing: F): boolean;
  /** Sends the create. */
  create(): Promise<W>;
  /** Writes the declared configuration over an existing object (ours, adopted, or made by a lost create). */
  update(existing: F): Promise<W>;
  /** What destroy gives back to an adopted object. */
  prior(existing: F): Promise<P> | P;
  /** Throws when the org did not store what was sent. */
  verify?(stored: W): void;
}

/**
 * The create of every type: adopt or fail on a name that exists, take over what the journal says this stack
 * made, journal the create, look the name up when the create's response was lost (so nothing is made twice),
 * name the object and the permission on 403/401, and verify what the org stored (a failed verification of an
 * object this stack made still reports the id, so the engine keeps the object in state).
 */
export async function createOrAdopt<F extends Named, W extends { id: string }, P>(
  ctx: Context,
  s: CreateSteps<F, W, P>,
): Promise<{ stored: W; adoptedPrior?: P }> {
  const write = (f: () => Promise<W>) => permitted(s.owner, f, s.division);
  const existing = await s.find();
  let stored: W;
  let adoptedPrior: P | undefined;
  if (existing && (s.ours?.(existing) || s.journal.claims(s.name, existing.id))) {
    // Made by this stack (in a run killed before its state was written, or as a shell): ours, not adopted.
    stored = await write(() => s.update(existing));
    s.journal.record("created", s.name, stored.id);
  } else if (existing) {
    if (policyOf(ctx, s.inputs) !== "adopt") fail(conflictMessage(s.owner, existing, s.name, s.restores));
    adoptedPrior = await s.prior(existing);
    stored = await write(() => s.update(existing));
  } else {
    try {
      stored = await write(() => s.journal.creating(s.name, s.create));
    } catch (err) {
      // The create may have been committed although its response was lost (the client's retry then meets
      // the name, or its retries ran out): take that one over rather than fail or make a second.
      if (!(err instanceof GenesysError) || !["Conflict", "Network", "Server"].includes(err.kind)) throw err;
      const made = await s.find();
      if (!made) throw err;
      s.journal.record("created", s.name, made.id);
      stored = await write(() => s.update(made));
    }
  }
  try {
    s.verify?.(stored);
  } catch (err) {
    // Ours: state keeps it, so destroy removes it. Never an adopted object: state would forget its prior.
    throw adoptedPrior === undefined ? Object.assign(err as Error, { id: stored.id }) : err;
  }
  return { stored, ...(adoptedPrior !== undefined ? { adoptedPrior } : {}) };
}

/**
 * The delete of every type: an adopted object gets its prior configuration back (when it still exists);
 * one this stack made is removed (403/401 name the object) and the journal forgets it.
 */
export async function deleteOrRestore<P>(o: {
  owner: string;
  name: string;
  journal: TypeJournal;
  adoptedPrior: P | undefined;
  restore(prior: P): Promise<unknown>;
  remove(): Promise<unknown>;
}): Promise<void> {
  if (o.adoptedPrior !== undefined && o.adoptedPrior !== null) {
    await permitted(o.owner, () => o.restore(o.adoptedPrior as P));
    return;
  }
  await permitted(o.owner, o.remove);
  o.journal.record("deleted", o.name);
}

export function crudProvider<Args extends { name: string; onConflict?: ConflictPolicy }, Body, Wire extends Named>(
  def: Definition<Args, Body, Wire>,
): Lifecycle<Args, Outputs<Args>> {
  const keys = Object.keys(def.schema.shape).filter((k) => k !== "onConflict");
  const owner = (name: unknown) => `${def.label} '${String(name)}'`;
  const declared = (inputs: Record<string, unknown>): Args => {
    const args = userInputs(inputs) as Args;
    delete args.onConflict;
    return args;
  };
  const restores = "restores its prior configuration";

  /** The division a division-scoped object is written to, as messages name it. */
  const divisionOf = (args: Args): string | undefined => {
    if (!keys.includes("division")) return undefined;
    const name = (args as { division?: unknown }).division;
    return typeof name === "string" ? `division '${name}'` : "the home division";
  };

  /** The object of this name in the target: from the by-name index, read whole. */
  async function find(c: GenesysClient, name: string): Promise<Wire | undefined> {
    const known = (await nameIndex(c, def)).get(nameKey(name));
    return known ? def.get(c, known.id) : undefined;
  }

  /** Throws when the org did not store what was sent. */
  function verify(name: string, body: Body, stored: Wire): void {
    const diffs = bodyDifferences(body, def.bodyOf(stored));
    if (diffs.length)
      fail(
        `${owner(name)}: the org did not store what was sent (${diffs.join("; ")}). Check the value against what the API accepts.`,
      );
  }

  /** A write: a listing read before it is stale after it. */
  function writing(c: GenesysClient, write: () => Promise<Wire>): Promise<Wire> {
    listings.get(c)?.delete(def.type);
    return write();
  }

  return {
    async check(ctx, olds, news) {
      const failures = checkInputs(def.schema, owner(news.name), news);
      if (failures.length) return { inputs: news, failures };
      if (hasUnknown(news, keys)) {
        if (def.checkKnown) {
          await ctx.client.tokens.token();
          failures.push(...(await def.checkKnown(ctx.client, news, owner(news.name))));
        }
        return { inputs: news, failures };
      }
      const args = declared(news);
      const isNew = (olds as Partial<Args>).name === undefined;
      // Unchanged inputs were checked when they were deployed: a no-change preview calls no API.
      if (!isNew && isDeepStrictEqual(declared(olds as Record<string, unknown>), args))
        return { inputs: news, failures };
      const c = ctx.client;
      // New and changed resources meet bad credentials or an unreachable API here, at preview.
      await c.tokens.token();
      if (def.checkTarget) failures.push(...(await def.checkTarget(c, args, owner(args.name))));
      if (def.checkKnown) failures.push(...(await def.checkKnown(c, news, owner(args.name))));
      if (isNew)
        failures.push(
          ...(await conflictAtPreview(ctx, {
            owner: owner(args.name),
            name: args.name,
            inputs: news,
            journal: ctx.journal(def.type),
            restores,
            find: async () => (await nameIndex(c, def)).get(nameKey(args.name)),
          })),
        );
      return { inputs: news, failures };
    },

    async diff(_ctx, _id, olds, news) {
      if (hasUnknown(news, keys))
        return { changes: true, replaces: def.replaceOn.filter((k) => news[k as keyof Args] === UNKNOWN) };
      const canonical = (a: Args) => (def.normalize ? def.normalize(a) : a) as Record<string, unknown>;
      const before = canonical(olds);
      const after = canonical(news);
      const changed = keys.filter(
        (k) =>
          !isDeepStrictEqual(
            comparable(before[k], def.unordered?.includes(k) ?? false),
            comparable(after[k], def.unordered?.includes(k) ?? false),
          ),
      );
      return { changes: changed.length > 0, replaces: changed.filter((k) => def.replaceOn.includes(k)) };
    },

    async create(ctx, inputs) {
      const c = ctx.client;
      const args = declared(inputs);
      const body = await def.toBody(c, args, owner(args.name));
      let lostLookup = false;
      const { stored, adoptedPrior } = await createOrAdopt<Wire, Wire, Body>(ctx, {
        owner: owner(args.name),
        name: args.name,
        inputs,
        journal: ctx.journal(def.type),
        restores,
        division: divisionOf(args),
        find: async () => {
          // The first lookup uses the by-name index; after a lost create response, a fresh listing.
          if (!lostLookup) {
            lostLookup = true;
            return find(c, args.name);
          }
          const found = (await def.list(c)).find((o) => sameName(o.name, args.name));
          return found ? def.get(c, found.id) : undefined;
        },
        create: () => writing(c, () => def.create(c, body)),
        update: (existing) => writing(c, () => def.update(c, existing.id, body, existing)),
        prior: (existing) => (def.priorOf ? def.priorOf(existing) : def.bodyOf(existing)),
        verify: (stored) => verify(args.name, body, stored),
      });
      (await nameIndex(c, def)).set(nameKey(stored.name), stored);
      const outs = { ...args, ...(adoptedPrior !== undefined ? { adoptedPrior } : {}) } as Outputs<Args>;
      if (inputs.onConflict) outs.onConflict = inputs.onConflict;
      return { id: stored.id, outs };
    },

    async read(ctx, id, props) {
      const c = ctx.client;
      const listed = def.listIsComplete ? ((await listing(c, def)).get(id) as Wire | undefined) : undefined;
      const wire = listed ? (def.completeListed ? await def.completeListed(c, listed) : listed) : await def.get(c, id);
      if (!wire) return {};
      // Only what the code declares is compared: API defaults for undeclared fields are not drift.
      const args = projectLike(await def.toArgs(c, wire, props), declared(props as Record<string, unknown>)) as Args;
      const outs = { ...args } as Outputs<Args>;
      if (props.onConflict) outs.onConflict = props.onConflict;
      if (props.adoptedPrior !== undefined) outs.adoptedPrior = props.adoptedPrior;
      return { id, props: outs };
    },

    async update(ctx, id, olds, news) {
      const c = ctx.client;
      const args = declared(news);
      const current = await def.get(c, id);
      if (!current) gone(owner(args.name), id);
      const body = await def.toBody(c, args, owner(args.name));
      verify(
        args.name,
        body,
        await permitted(owner(args.name), () => writing(c, () => def.update(c, id, body, current)), divisionOf(args)),
      );
      const outs = { ...args } as Outputs<Args>;
      if (news.onConflict) outs.onConflict = news.onConflict;
      if (olds.adoptedPrior !== undefined) outs.adoptedPrior = olds.adoptedPrior;
      return { outs };
    },

    async delete(ctx, id, props) {
      const c = ctx.client;
      await deleteOrRestore({
        owner: owner(props.name),
        name: props.name,
        journal: ctx.journal(def.type),
        adoptedPrior: props.adoptedPrior as Body | undefined,
        // Adopted, not created: give the object back as it was.
        restore: async (prior) => {
          const current = await def.get(c, id);
          if (current) await def.update(c, id, prior, current);
        },
        remove: async () => {
          listings.get(c)?.delete(def.type);
          await def.remove(c, id);
          (await nameIndex(c, def)).delete(nameKey(props.name));
        },
      });
    },
  };
}

/** An update of an object deleted outside the stack: what to run. */
export function gone(owner: string, id: string): never {
  throw new GenesysError(
    "NotFound",
    `${owner} (id ${id}) no longer exists in the target org: run \`pulumi refresh\`, then \`pulumi up\` to create it again.`,
  );
}

export type { pulumi };
