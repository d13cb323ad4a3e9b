import type { QueueSettings } from "../state/entities";

/** A seed is plain data: orgs with divisions, and objects that refer to divisions and each other by name. */
export interface SeedDivision {
  name: string;
  description: string;
  home?: boolean;
}

export interface SeedSkill {
  name: string;
  division: string;
  /** Soft-deleted (state "deleted"), e.g. to prove importers skip such skills. */
  deleted?: boolean;
}

export interface SeedWrapupCode {
  name: string;
  division: string;
  description?: string;
}

export interface SeedLanguage {
  name: string;
}

export interface SeedBullseyeRing {
  /** Expand to the next ring after this many seconds (the last ring has none). */
  expandAfterSeconds?: number;
  /** Skill names (active seeded skills) the ring drops. */
  removeSkills?: string[];
}

export interface SeedQueue {
  name: string;
  division: string;
  description?: string;
  /** Request fields except bullseye, which refers to skills by name below. */
  settings?: Omit<QueueSettings, "bullseye">;
  bullseyeRings?: SeedBullseyeRing[];
  /** Names of seeded wrap-up codes assigned to the queue. */
  wrapupCodes: string[];
}

export interface SeedSchedule {
  name: string;
  division: string;
  description?: string;
  /** Local date-time `yyyy-MM-ddTHH:mm:ss.SSS`. */
  start: string;
  end: string;
  rrule?: string;
}

export interface SeedScheduleGroup {
  name: string;
  division: string;
  description?: string;
  timeZone: string;
  /** Schedule names. */
  open: string[];
  closed?: string[];
  holidays?: string[];
}

export interface SeedOrg {
  name: string;
  region: string;
  thirdPartyOrgName: string;
  divisions: SeedDivision[];
  skills: SeedSkill[];
  wrapupcodes: SeedWrapupCode[];
  languages?: SeedLanguage[];
  queues?: SeedQueue[];
  schedules?: SeedSchedule[];
  schedulegroups?: SeedScheduleGroup[];
}

export interface SeedData {
  orgs: SeedOrg[];
}
