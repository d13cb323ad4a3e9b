/** Stable, collision-free names for generated code: Pulumi logical names (slugs) and TypeScript identifiers. */

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
 * Names for each object: the slug of its name, and where two objects share a slug, all of them get a
 * suffix from their id, so the result does not depend on listing order.
 */
export function assignNames<T extends Named>(objects: readonly T[], prefix: string): Map<T, { resourceName: string; variable: string }> {
  const bySlug = new Map<string, T[]>();
  for (const o of objects) {
    const key = slug(o.name);
    bySlug.set(key, [...(bySlug.get(key) ?? []), o]);
  }
  const out = new Map<T, { resourceName: string; variable: string }>();
  for (const [key, group] of bySlug) {
    for (const o of group) {
      const suffix = group.length > 1 ? o.id.replace(/[^a-zA-Z0-9]/g, "").slice(0, 8).toLowerCase() : "";
      out.set(o, {
        resourceName: suffix ? `${key}-${suffix}` : key,
        variable: identifier(prefix, o.name) + (suffix ? `_${suffix}` : ""),
      });
    }
  }
  return out;
}

/** Sort by name, then id: the order of generated code. */
export function byNameThenId(a: Named, b: Named): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
