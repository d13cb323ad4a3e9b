/**
 * What the demo and tests compare between orgs: skills and wrap-up codes by name, with division
 * names instead of ids (home divisions compare as "(home)"), from the emulator's state dump.
 */
export interface DumpedDivision {
  id: string;
  name: string;
  homeDivision?: boolean;
}
export interface DumpedObject {
  id: string;
  name: string;
  state?: string;
  description?: string | null;
  division?: { id: string } | null;
}
export interface DumpedOrg {
  name: string;
  region: string;
  divisions: DumpedDivision[];
  skills: DumpedObject[];
  wrapupcodes: DumpedObject[];
}

export async function dumpOrg(emulatorUrl: string, org: string): Promise<DumpedOrg> {
  const res = await fetch(`${emulatorUrl}/__emulator/state?org=${encodeURIComponent(org)}`);
  if (!res.ok) throw new Error(`emulator state dump of ${org}: HTTP ${res.status}`);
  return (await res.json()) as DumpedOrg;
}

export interface ComparableObject {
  name: string;
  division: string;
  description?: string;
}

export function comparable(org: DumpedOrg): { skills: ComparableObject[]; wrapupcodes: ComparableObject[] } {
  const division = (id: string | undefined) => {
    const d = org.divisions.find((x) => x.id === id);
    return !d ? `(unknown ${id})` : d.homeDivision ? "(home)" : d.name;
  };
  const view = (objects: DumpedObject[], withDescription: boolean) =>
    objects
      .filter((o) => o.state !== "deleted")
      .map((o) => ({
        name: o.name,
        division: division(o.division?.id),
        ...(withDescription && o.description ? { description: o.description } : {}),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { skills: view(org.skills, false), wrapupcodes: view(org.wrapupcodes, true) };
}

/** Human-readable differences between two views (empty when equal). */
export function differences(source: ReturnType<typeof comparable>, target: ReturnType<typeof comparable>): string[] {
  const out: string[] = [];
  for (const kind of ["skills", "wrapupcodes"] as const) {
    const t = new Map(target[kind].map((o) => [o.name, o]));
    const s = new Map(source[kind].map((o) => [o.name, o]));
    for (const [name, o] of s) {
      const other = t.get(name);
      if (!other) out.push(`${kind}: '${name}' missing in target`);
      else if (JSON.stringify(o) !== JSON.stringify(other)) out.push(`${kind}: '${name}' differs: ${JSON.stringify(o)} vs ${JSON.stringify(other)}`);
    }
    for (const name of t.keys()) if (!s.has(name)) out.push(`${kind}: '${name}' extra in target`);
  }
  return out;
}
