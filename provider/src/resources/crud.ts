import type * as pulumi from "@pulumi/pulumi";
import { isDeepStrictEqual } from "util";
import { z } from "zod";
import { GenesysClient, GenesysError } from "../client";
import { client, conflictPolicy, journalOf } from "../process";
import { checkInputs, CheckFailure, hasUnknown, nameKey, ResourceImpl, sameName, UNKNOWN, userInputs } from "./common";

/** What to do when a new resource's name already exists in the target org. */
export const ConflictPolicy = z.enum(["fail", "adopt"]);
export type ConflictPolicy = z.infer<typeof ConflictPolicy>;

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
type TypeCache = WeakMap<GenesysClient, Map<string, Promise<Map<string, Named>>>>;

function cached(
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

/** " as 'sales'" when the target spells the colliding name differently (names are unique case-insensitively). */
function spelled(existing: Named, declared: string): string {
  return existing.name === declared ? "" : ` as '${existing.name}'`;
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
  def: Definition<{ name: string }, unknown, W>,
): Promise<Map<string, Named>> {
  return cached(
    listings,
    c,
    def.type,
    async () => new Map((await def.list(c)).map((o) => [o.id, o] as [string, Named])),
  );
}

export function crudProvider<Args extends { name: string; onConflict?: ConflictPolicy }, Body, Wire extends Named>(
  def: Definition<Args, Body, Wire>,
): ResourceImpl<Args, Outputs<Args>> {
  const keys = Object.keys(def.schema.shape).filter((k) => k !== "onConflict");
  const owner = (name: unknown) => `${def.label} '${String(name)}'`;
  const declared = (inputs: Record<string, unknown>): Args => {
    const args = userInputs(inputs) as Args;
    delete args.onConflict;
    return args;
  };
  const policyOf = (args: { onConflict?: ConflictPolicy }) => args.onConflict ?? conflictPolicy();
  const journal = journalOf(def.type);

  /** The division a division-scoped object is written to, as messages name it. */
  const divisionOf = (args: Args): string | undefined => {
    if (!keys.includes("division")) return undefined;
    const name = (args as { division?: unknown }).division;
    return typeof name === "string" ? `division '${name}'` : "the home division";
  };

  async function writeAndVerify(
    c: GenesysClient,
    name: string,
    body: Body,
    write: () => Promise<Wire>,
    division?: string,
  ): Promise<Wire> {
    listings.get(c)?.delete(def.type); // a listing read before this write is stale now
    const stored = await permitted(owner(name), write, division);
    const diffs = bodyDifferences(body, def.bodyOf(stored));
    if (diffs.length)
      fail(
        `${owner(name)}: the org did not store what was sent (${diffs.join("; ")}). Check the value against what the API accepts.`,
      );
    return stored;
  }

  return {
    async check(olds, news) {
      const failures = checkInputs(def.schema, owner(news.name), news);
      if (failures.length || hasUnknown(news, keys)) return { inputs: news, failures };
      const args = declared(news);
      const isNew = (olds as Partial<Args>).name === undefined;
      // Unchanged inputs were checked when they were deployed: a no-change preview calls no API.
      if (!isNew && isDeepStrictEqual(declared(olds as Record<string, unknown>), args))
        return { inputs: news, failures };
      const c = client();
      // New and changed resources meet bad credentials or an unreachable API here, at preview.
      await c.tokens.token();
      if (def.checkTarget) failures.push(...(await def.checkTarget(c, args, owner(args.name))));
      if (isNew && policyOf(news) === "fail") {
        const existing = (await nameIndex(c, def)).get(nameKey(args.name));
        if (existing && !journal.claims(args.name, existing.id)) {
          failures.push({
            property: "name",
            reason:
              `${owner(args.name)} already exists in the target org${spelled(existing, args.name)} (id ${existing.id}). Choose: adopt it ` +
              '(`pulumi config set genesys-clone:onConflict adopt` for the stack, or `onConflict: "adopt"` on this resource; ' +
              "destroy then restores its prior configuration), or rename or delete it in the target org.",
          });
        }
      }
      return { inputs: news, failures };
    },

    async diff(_id, olds, news) {
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

    async create(inputs) {
      const c = client();
      const args = declared(inputs);
      const body = await def.toBody(c, args, owner(args.name));
      // Look up by name first: it finds objects to adopt, and a create whose response was lost.
      const known = (await nameIndex(c, def)).get(nameKey(args.name));
      const existing = known ? await def.get(c, known.id) : undefined;
      let stored: Wire;
      let adoptedPrior: unknown;
      // Made by this stack in a run that was killed before its state was written: ours, not adopted.
      const ours = existing !== undefined && journal.claims(args.name, existing.id);
      if (existing && ours) {
        stored = await writeAndVerify(
          c,
          args.name,
          body,
          () => def.update(c, existing.id, body, existing),
          divisionOf(args),
        );
        journal.record("created", args.name, existing.id);
      } else if (existing) {
        if (policyOf(inputs) !== "adopt") {
          fail(
            `${owner(args.name)} already exists in the target org${spelled(existing, args.name)} (id ${existing.id}): set genesys-clone:onConflict to adopt ` +
              '(or onConflict: "adopt" on the resource), or rename or delete it in the target org.',
          );
        }
        adoptedPrior = def.priorOf ? def.priorOf(existing) : def.bodyOf(existing);
        stored = await writeAndVerify(
          c,
          args.name,
          body,
          () => def.update(c, existing.id, body, existing),
          divisionOf(args),
        );
      } else {
        try {
          stored = await writeAndVerify(
            c,
            args.name,
            body,
            () => journal.creating(args.name, () => def.create(c, body)),
            divisionOf(args),
          );
        } catch (err) {
          // The create may have been committed although its response was lost (the client's retry then
          // meets the name, or the retries ran out): look the name up before failing, so nothing is made twice.
          if (!(err instanceof GenesysError) || !["Conflict", "Network", "Server"].includes(err.kind)) throw err;
          const found = (await def.list(c)).find((o) => sameName(o.name, args.name));
          const wire = found ? await def.get(c, found.id) : undefined;
          if (!wire) throw err;
          stored = await writeAndVerify(c, args.name, body, () => def.update(c, wire.id, body, wire), divisionOf(args));
          journal.record("created", args.name, wire.id);
        }
      }
      (await nameIndex(c, def)).set(nameKey(stored.name), stored);
      const outs = { ...args, ...(adoptedPrior !== undefined ? { adoptedPrior } : {}) } as Outputs<Args>;
      if (inputs.onConflict) outs.onConflict = inputs.onConflict;
      return { id: stored.id, outs };
    },

    async read(id, props) {
      const c = client();
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

    async update(id, olds, news) {
      const c = client();
      const args = declared(news);
      const current = await def.get(c, id);
      if (!current)
        fail(
          `${owner(args.name)} (id ${id}) no longer exists in the target org: run \`pulumi refresh\`, then \`pulumi up\` to create it again.`,
        );
      const body = await def.toBody(c, args, owner(args.name));
      await writeAndVerify(c, args.name, body, () => def.update(c, id, body, current), divisionOf(args));
      const outs = { ...args } as Outputs<Args>;
      if (news.onConflict) outs.onConflict = news.onConflict;
      if (olds.adoptedPrior !== undefined) outs.adoptedPrior = olds.adoptedPrior;
      return { outs };
    },

    async delete(id, props) {
      const c = client();
      if (props.adoptedPrior !== undefined) {
        // Adopted, not created: give the object back as it was.
        const current = await def.get(c, id);
        if (current) await def.update(c, id, props.adoptedPrior as Body, current);
        return;
      }
      listings.get(c)?.delete(def.type);
      await permitted(owner(props.name), () => def.remove(c, id));
      (await nameIndex(c, def)).delete(nameKey(props.name));
      journal.record("deleted", props.name);
    },
  } satisfies ResourceImpl<Args, Outputs<Args>> as ResourceImpl<Args, Outputs<Args>>;
}

export type { pulumi };
