/** Name and id filters the listing endpoints share. */

export type SortOrder = "ascending" | "descending";

/** Strips a trailing `*` wildcard and matches the rest as a case-insensitive prefix. */
export function startsWithFilter(name: string | undefined): ((n: string) => boolean) | undefined {
  if (name === undefined || name === "") return undefined;
  const prefix = name.replace(/\*+$/, "").toLowerCase();
  return (n) => n.toLowerCase().startsWith(prefix);
}

/** `foo` / `foo*` prefix, `*foo` suffix, `*foo*` substring; case-insensitive. */
export function wildcardFilter(name: string | undefined): ((n: string) => boolean) | undefined {
  if (name === undefined || name === "") return undefined;
  const leading = name.startsWith("*");
  const trailing = name.endsWith("*") && name.replace(/^\*+/, "") !== "";
  const core = name.replace(/^\*+/, "").replace(/\*+$/, "").toLowerCase();
  if (leading && trailing) return (n) => n.toLowerCase().includes(core);
  if (leading) return (n) => n.toLowerCase().endsWith(core);
  return (n) => n.toLowerCase().startsWith(core);
}

/** An empty or absent list filters nothing out. */
export function inList(list: string[] | undefined, value: string): boolean {
  return !list || list.length === 0 || list.includes(value);
}
