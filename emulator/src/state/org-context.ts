import type { Clock } from "../clock";
import type { NameRules } from "./collection";
import { ApiError, invalidValue } from "./errors";
import type { OrgSettings } from "./settings";

/** What every area store of an org (auth, routing, architect, telephony) needs from the org. */
export interface OrgContext extends NameRules {
  readonly clock: Clock;
  settings(): OrgSettings;
  /** The division an object is created in or written to (default home): it must exist and be granted; else 4xx. */
  requireDivisionId(id: string | undefined): string;
  /** An object left its division at `at` (default now); it still counts there for `divisionDetachDelayMs`. */
  detach(divisionId: string, kind: string, at?: number): void;
}

/** The org's name rules, read from its settings at the time of each call. */
export function nameRules(settings: () => OrgSettings, clock: Clock): NameRules {
  return {
    nowIso: () => new Date(clock.now()).toISOString(),
    checkName(kind, raw) {
      const name = raw.trim();
      if (name === "") throw invalidValue("name", `The ${kind} field 'name' is required and must not be blank`);
      const max = settings().maxNameLength;
      if (name.length > max) {
        throw invalidValue("name", `The ${kind} field 'name' must be at most ${max} characters (got ${name.length})`);
      }
      return name;
    },
    duplicate(kind, name) {
      const { status, code } = settings().duplicateName;
      return new ApiError(
        status,
        code,
        `A ${kind} with name '${name}' already exists`,
        { name },
        `A ${kind} with name '{name}' already exists`,
      );
    },
  };
}

/** `3 skills`, `1 queue`. */
export function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

/** Objects of one kind in a division, for the division's not-empty check. */
export type DivisionCount = [count: number, kind: string];
