import type { Division, OAuthClient, Skill, WrapupCode } from "../state/entities";
import { uuidFromSeed } from "../state/ids";
import type { OrgInit } from "../state/org-store";
import type { OrgSettings } from "../state/settings";
import { EMPTY_SEED } from "./empty";
import { SAMPLE_SEED } from "./sample";
import type { SeedData, SeedOrg } from "./types";

export type { SeedData, SeedOrg } from "./types";

export const SEED_NAMES = ["sample", "empty"] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export const SEEDS: Record<SeedName, SeedData> = {
  sample: SAMPLE_SEED,
  empty: EMPTY_SEED,
};

export function isSeedName(value: string): value is SeedName {
  return (SEED_NAMES as readonly string[]).includes(value);
}

/** Seed timestamps are fixed so that a freshly seeded state dump is identical on every run. */
const SEED_EPOCH_MS = Date.UTC(2024, 2, 1, 9, 0, 0);

function seedTime(index: number): string {
  return new Date(SEED_EPOCH_MS + index * 60_000).toISOString();
}

/** Turns one seed org into the store's initial records, with ids derived from (org, kind, name). */
export function buildOrgInit(org: SeedOrg, client: OAuthClient, settings: OrgSettings): OrgInit {
  const divisions: Division[] = org.divisions.map((d) => ({
    id: uuidFromSeed(`${org.name}/division/${d.name}`),
    name: d.name,
    description: d.description,
    homeDivision: d.home === true,
  }));
  const divisionId = (name: string): string => {
    const d = divisions.find((x) => x.name === name);
    if (!d) throw new Error(`seed org ${org.name}: unknown division ${name}`);
    return d.id;
  };
  const skills: Skill[] = org.skills.map((s, i) => ({
    id: uuidFromSeed(`${org.name}/skill/${s.name}`),
    name: s.name,
    divisionId: divisionId(s.division),
    dateModified: seedTime(i),
    state: s.deleted ? "deleted" : "active",
    version: s.deleted ? 2 : 1,
  }));
  const wrapupcodes: WrapupCode[] = org.wrapupcodes.map((w, i) => {
    const code: WrapupCode = {
      id: uuidFromSeed(`${org.name}/wrapupcode/${w.name}`),
      name: w.name,
      divisionId: divisionId(w.division),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (w.description !== undefined) code.description = w.description;
    return code;
  });
  return {
    id: uuidFromSeed(`${org.name}/organization`),
    name: org.name,
    region: org.region,
    thirdPartyOrgName: org.thirdPartyOrgName,
    domain: org.name,
    divisions,
    skills,
    wrapupcodes,
    clients: [client],
    settings,
  };
}
