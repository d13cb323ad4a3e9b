import type { BullseyeRing, Division, Language, OAuthClient, Queue, Schedule, ScheduleGroup, Skill, WrapupCode } from "../state/entities";
import { uuidFromSeed } from "../state/ids";
import type { OrgInit } from "../state/org-store";
import { checkRrule, checkTimeZone, normalizeLocalDateTime } from "../state/schedule-rules";
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
  const idOf = (kind: string, list: { id: string; name: string }[], name: string): string => {
    const hit = list.find((x) => x.name === name);
    if (!hit) throw new Error(`seed org ${org.name}: unknown ${kind} ${name}`);
    return hit.id;
  };
  const languages: Language[] = (org.languages ?? []).map((l, i) => ({
    id: uuidFromSeed(`${org.name}/language/${l.name}`),
    name: l.name,
    dateModified: seedTime(i),
    state: "active",
    version: 1,
  }));
  const queues: Queue[] = (org.queues ?? []).map((q, i) => {
    const rings: BullseyeRing[] | undefined = q.bullseyeRings?.map((r) => {
      const ring: BullseyeRing = {};
      if (r.expandAfterSeconds !== undefined) ring.expansionCriteria = [{ type: "TIMEOUT_SECONDS", threshold: r.expandAfterSeconds }];
      if (r.removeSkills !== undefined) ring.actions = { skillsToRemove: r.removeSkills.map((name) => ({ id: idOf("skill", skills.filter((s) => s.state === "active"), name) })) };
      return ring;
    });
    const settings = structuredClone(q.settings ?? {});
    const queue: Queue = {
      id: uuidFromSeed(`${org.name}/queue/${q.name}`),
      name: q.name,
      divisionId: divisionId(q.division),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
      settings: { ...settings, ...(rings ? { bullseye: { rings } } : {}), skillEvaluationMethod: settings.skillEvaluationMethod ?? "ALL" },
      wrapupCodeIds: q.wrapupCodes.map((name) => idOf("wrap-up code", wrapupcodes, name)),
    };
    if (q.description !== undefined) queue.description = q.description;
    return queue;
  });
  const schedules: Schedule[] = (org.schedules ?? []).map((x, i) => {
    const schedule: Schedule = {
      id: uuidFromSeed(`${org.name}/schedule/${x.name}`),
      name: x.name,
      divisionId: divisionId(x.division),
      version: 1,
      state: "active",
      // seeds obey the API's formats too
      start: normalizeLocalDateTime("start", x.start),
      end: normalizeLocalDateTime("end", x.end),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (x.description !== undefined) schedule.description = x.description;
    if (x.rrule !== undefined) schedule.rrule = checkRrule(x.rrule);
    return schedule;
  });
  const scheduleIds = (names: string[] | undefined): string[] => (names ?? []).map((name) => idOf("schedule", schedules, name));
  const schedulegroups: ScheduleGroup[] = (org.schedulegroups ?? []).map((g, i) => {
    const group: ScheduleGroup = {
      id: uuidFromSeed(`${org.name}/schedulegroup/${g.name}`),
      name: g.name,
      divisionId: divisionId(g.division),
      version: 1,
      state: "active",
      timeZone: checkTimeZone(g.timeZone),
      openScheduleIds: scheduleIds(g.open),
      closedScheduleIds: scheduleIds(g.closed),
      holidayScheduleIds: scheduleIds(g.holidays),
      dateCreated: seedTime(i),
      dateModified: seedTime(i),
    };
    if (g.description !== undefined) group.description = g.description;
    return group;
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
    languages,
    queues,
    schedules,
    schedulegroups,
    clients: [client],
    settings,
  };
}
