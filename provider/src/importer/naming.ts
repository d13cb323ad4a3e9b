/** Stable, collision-free names for generated code: Pulumi logical names (slugs) and TypeScript identifiers. */
import { createHash } from "crypto";

export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "object";
}

export function identifier(prefix: string, name: string): string {
  const words = slug(name).split("-").filter(Boolean);
  return prefix + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

export interface Named {
  id: string;
  name: string;
}

/**
 * The suffix that tells an object apart from others whose names look alike, from its id alone: level 1 is
 * the id's first 8 letters and digits (short, and what a reader recognises), level 2 a hash of the whole id
 * (for ids alike in their first 8 characters, or ids without letters).
 */
function idSuffix(id: string, level: number): string {
  if (level === 0) return "";
  const short = id
    .replace(/[^a-zA-Z0-9]/g, "")
    .slice(0, 8)
    .toLowerCase();
  if (level === 1 && short) return short;
  return createHash("sha256")
    .update(id)
    .digest("hex")
    .slice(0, level >= 3 ? 64 : 16);
}

/**
 * Names for each object: the slug of its name, and where two objects would get the same resource name or
 * variable, all of them get a suffix derived from their id (longer ones when short suffixes still clash), so
 * the result depends only on the set of objects, not on listing order, and never names two objects alike.
 */
export function assignNames<T extends Named>(
  objects: readonly T[],
  prefix: string,
): Map<T, { resourceName: string; variable: string }> {
  const level = new Map<T, number>(objects.map((o) => [o, 0]));
  const names = (o: T) => {
    const suffix = idSuffix(o.id, level.get(o)!);
    return {
      resourceName: suffix ? `${slug(o.name)}-${suffix}` : slug(o.name),
      variable: identifier(prefix, o.name) + (suffix ? `_${suffix}` : ""),
    };
  };
  for (;;) {
    const holders = new Map<string, T[]>();
    for (const o of objects) {
      const n = names(o);
      for (const key of [`r\u0000${n.resourceName}`, `v\u0000${n.variable}`])
        holders.set(key, [...(holders.get(key) ?? []), o]);
    }
    const clashing = new Set([...holders.values()].filter((g) => g.length > 1).flat());
    // Identical ids (never in one org) cannot be told apart: stop rather than loop.
    if (clashing.size === 0 || [...clashing].every((o) => level.get(o)! >= 3)) break;
    for (const o of clashing) level.set(o, Math.min(3, level.get(o)! + 1));
  }
  return new Map(objects.map((o) => [o, names(o)]));
}

/** Sort by name, then id: the order of generated code. */
export function byNameThenId(a: Named, b: Named): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
