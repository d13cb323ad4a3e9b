import { byNameThenId } from "./entities";
import { ApiError, invalidValue, notFound } from "./errors";
import { newId } from "./ids";

/** Every stored object has an id and a name. */
export interface Named {
  id: string;
  name: string;
}

/** Objects the API versions (integer, 1 on create, +1 per change) and deletes softly (state "deleted"). */
export interface Versioned extends Named {
  version: number;
  state: "active" | "deleted";
  dateModified: string;
}

/** What a collection needs from its org: the name rules of the org's settings and the clock. */
export interface NameRules {
  /** Trims; 400 when blank or longer than the org's `maxNameLength`. */
  checkName(kind: string, raw: string): string;
  /** The org's duplicate-name error (status and code per the `duplicateName` knob). */
  duplicate(kind: string, name: string): ApiError;
  nowIso(): string;
}

export interface CollectionOptions<T> {
  /** The object's kind as messages name it ("skill", "wrap-up code", ...). */
  kind: string;
  /** Whether the object holds its name (default: every stored object; soft-deleted ones free theirs). */
  holdsName?: (x: T) => boolean;
  /** Names are unique within a scope (default: the whole collection; flows: per flow type). */
  scope?: (x: T) => string;
}

/**
 * The records of one object type in one org, by id, with the rules every type shares: names unique
 * case-insensitively among the objects that hold one (as the real API does), listing in name-then-id order,
 * 404 for unknown ids, and for versioned types the version check of a PUT and the soft delete.
 */
export class Collection<T extends Named> {
  private readonly items = new Map<string, T>();

  constructor(
    private readonly rules: NameRules,
    private readonly options: CollectionOptions<T>,
    initial: readonly T[] = [],
  ) {
    for (const x of initial) this.items.set(x.id, structuredClone(x));
  }

  get kind(): string {
    return this.options.kind;
  }

  /** Every stored object (soft-deleted ones included), in insertion order. */
  all(): T[] {
    return [...this.items.values()];
  }

  /** The objects `keep` selects, in name-then-id order (reversed for `descending`). */
  sorted(keep: (x: T) => boolean = () => true, order?: "ascending" | "descending"): T[] {
    const list = this.all().filter(keep).sort(byNameThenId);
    if (order === "descending") list.reverse();
    return list;
  }

  find(id: string): T | undefined {
    return this.items.get(id);
  }

  /** The object, or 404; `visible` narrows what a GET may see. */
  get(id: string, visible: (x: T) => boolean = () => true): T {
    const x = this.items.get(id);
    if (!x || !visible(x)) throw notFound();
    return x;
  }

  put(x: T): T {
    this.items.set(x.id, x);
    return x;
  }

  /** Hard delete. */
  remove(id: string): void {
    this.items.delete(id);
  }

  private holdsName(x: T): boolean {
    return this.options.holdsName ? this.options.holdsName(x) : true;
  }

  /** 4xx when another object that holds its name has `name` (case-insensitive) in the same scope. */
  assertNameFree(name: string, selfId: string | undefined, scope?: string): void {
    const lower = name.toLowerCase();
    for (const x of this.items.values()) {
      if (x.id === selfId || !this.holdsName(x) || x.name.toLowerCase() !== lower) continue;
      if (scope !== undefined && this.options.scope?.(x) !== scope) continue;
      throw this.rules.duplicate(this.options.kind, name);
    }
  }

  /** The checked name (trimmed, not blank, not too long), free for the object `selfId`. */
  claimName(raw: string, selfId: string | undefined, scope?: string): string {
    const name = this.rules.checkName(this.options.kind, raw);
    this.assertNameFree(name, selfId, scope);
    return name;
  }

  /** Whether an object holding its name has `name` (case-insensitive): Archy references resolve by name. */
  hasName(name: string): boolean {
    const lower = name.toLowerCase();
    return this.all().some((x) => this.holdsName(x) && x.name.toLowerCase() === lower);
  }

  /** Sorted deep copies, for the state dump. */
  snapshot(keep: (x: T) => boolean = () => true): T[] {
    return this.sorted(keep).map((x) => structuredClone(x));
  }
}

/** Active, for versioned collections. */
export function isActive(x: { state: "active" | "deleted" }): boolean {
  return x.state === "active";
}

/** A versioned PUT: the current integer version is required; 409 when stale. */
export function checkVersion(given: number | undefined, current: number): void {
  if (given === undefined)
    throw invalidValue("version", "The field 'version' is required: send the current version of the object");
  if (given !== current) throw new ApiError(409, "general.conflict", "Version does not match current version.");
}

/** Soft delete: state "deleted", version +1; the name becomes free again. */
export function softDelete(x: Versioned, nowIso: string): void {
  x.state = "deleted";
  x.version += 1;
  x.dateModified = nowIso;
}

/** The bookkeeping fields of a versioned object: who it is, which version, and when. */
export interface VersionStamp {
  id: string;
  version: number;
  state: "active";
  dateCreated: string;
  dateModified: string;
}

/** POST of a versioned type: a new id, version 1, active, created now. */
export function firstVersion(nowIso: string): VersionStamp {
  return { id: newId(), version: 1, state: "active", dateCreated: nowIso, dateModified: nowIso };
}

/** PUT of a versioned type: the client must send the current version (else 400 / 409); the next one is +1. */
export function nextVersion(
  existing: Versioned & { dateCreated: string },
  given: number | undefined,
  nowIso: string,
): VersionStamp {
  checkVersion(given, existing.version);
  return {
    id: existing.id,
    version: existing.version + 1,
    state: "active",
    dateCreated: existing.dateCreated,
    dateModified: nowIso,
  };
}
