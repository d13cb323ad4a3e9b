/**
 * What the demo and tests compare between orgs, from the emulator's state dump: every active object
 * of every type, by name, with ids of other objects replaced by their names, home divisions as
 * "(home)", system flows (every org's defaults) left out, and the fields the API computes (ids, dates, versions, counters) left out.
 */
import { RESOURCES } from "@genesys-clone/provider/dist/resources/registry";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type DumpedOrg = { name: string; region: string } & Record<string, Json>;

/** The collections the clone covers (each registered type's API collection), in the order reports list them. */
export const COLLECTIONS: readonly string[] = RESOURCES.all.flatMap((d) => (d.collection ? [d.collection] : []));

const VOLATILE = new Set([
  "id",
  "selfUri",
  "dateCreated",
  "dateModified",
  "modifiedBy",
  "createdBy",
  "version",
  "state",
  "memberCount",
  "userMemberCount",
  "joinedMemberCount",
  "homeDivision",
  "publishedVersion",
  "checkedInVersion",
  "savedVersion",
  "currentOperation",
  "publishedBy",
  "active",
  "versions",
]);

export async function dumpOrg(emulatorUrl: string, org: string): Promise<DumpedOrg> {
  const res = await fetch(`${emulatorUrl}/__emulator/state?org=${encodeURIComponent(org)}`);
  if (!res.ok) throw new Error(`emulator state dump of ${org}: HTTP ${res.status}`);
  return (await res.json()) as DumpedOrg;
}

type Obj = { [key: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const active = (list: Json | undefined): Obj[] =>
  Array.isArray(list) ? list.filter(isObj).filter((o) => o.state !== "deleted") : [];

export type OrgView = Record<string, Record<string, Json>>;

/** The comparable view of a dumped org: collection -> object name -> normalised object. */
export function viewOf(org: DumpedOrg): OrgView {
  const names = new Map<string, string>();
  for (const c of COLLECTIONS) {
    for (const o of active(org[c])) {
      if (typeof o.id === "string" && typeof o.name === "string")
        names.set(o.id, c === "divisions" && o.homeDivision ? "(home)" : o.name);
    }
  }
  const normalise = (v: Json): Json => {
    if (typeof v === "string") return names.get(v) ?? v;
    if (Array.isArray(v)) {
      const items = v.map(normalise);
      return items.every((i) => typeof i === "string") ? [...items].sort() : items;
    }
    if (!isObj(v)) return v;
    if (typeof v.id === "string" && names.has(v.id)) return names.get(v.id)!;
    const out: Obj = {};
    for (const k of Object.keys(v).sort()) if (!VOLATILE.has(k) && v[k] !== null) out[k] = normalise(v[k]!);
    return out;
  };
  const view: OrgView = {};
  for (const c of COLLECTIONS) {
    view[c] = {};
    for (const o of active(org[c])) {
      if (c === "divisions" && o.homeDivision) continue;
      if (c === "flows" && o.system) continue; // the default flows every org has: never cloned, never counted
      view[c][String(o.name)] = normalise(o);
    }
  }
  return view;
}

/** Human-readable differences between two views (empty when equal). */
export function differences(expected: OrgView, actual: OrgView): string[] {
  const out: string[] = [];
  for (const c of COLLECTIONS) {
    const e = expected[c] ?? {};
    const a = actual[c] ?? {};
    for (const name of Object.keys(e)) {
      if (!(name in a)) out.push(`${c}: '${name}' missing in target`);
      else if (JSON.stringify(e[name]) !== JSON.stringify(a[name]))
        out.push(`${c}: '${name}' differs: ${JSON.stringify(e[name])} vs ${JSON.stringify(a[name])}`);
    }
    for (const name of Object.keys(a)) if (!(name in e)) out.push(`${c}: '${name}' extra in target`);
  }
  return out;
}

/** Counts per collection, for summaries. */
export function counts(view: OrgView): string {
  return COLLECTIONS.map((c) => `${Object.keys(view[c] ?? {}).length} ${c}`).join(", ");
}
