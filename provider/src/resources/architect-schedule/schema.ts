import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { ArchitectWire, divisionField, nameSchema, onConflictField } from "../common";
import { rruleProblem } from "./rrule";

export const RESOURCE_TYPE = "genesyscloud:architect:Schedule";
export const LABEL = "Schedule";

/**
 * Schedules hold local times: the schedule group that uses them carries the time zone. Any fraction
 * precision is a valid spelling (Terraform writes `.000000`, the API answers `.SSS`: Python SDK Schedule.md,
 * TF architect_schedules), so values are compared as times, never as strings.
 */
export const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?$/;

/** A local date-time in the API's millisecond form `yyyy-MM-ddTHH:mm:ss.SSS` (finer digits dropped, as the API stores ms). */
export function localTimeMs(value: string): string {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return value;
  return `${m[1]}.${(m[2] ?? "").padEnd(3, "0").slice(0, 3)}`;
}

/** Whether two local date-times name the same instant (at the API's millisecond precision). */
export function sameLocalTime(a: string, b: string): boolean {
  return localTimeMs(a) === localTimeMs(b);
}
const localTime = (field: string) =>
  z
    .string()
    .regex(
      LOCAL_DATE_TIME,
      `${field} must be a local date-time without time zone, yyyy-MM-ddTHH:mm:ss.SSS (e.g. 2027-01-04T08:00:00.000)`,
    );

export const ScheduleArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    division: divisionField,
    description: z.string().optional(),
    start: localTime("start"),
    end: localTime("end"),
    rrule: z
      .string()
      .superRefine((rule, ctx) => {
        const problem = rruleProblem(rule);
        if (problem)
          ctx.addIssue({ code: "custom", message: `rrule '${rule}' is not a valid iCalendar RRULE: ${problem}` });
      })
      .optional(),
    onConflict: onConflictField,
  })
  .strict();
export type ScheduleArgs = z.infer<typeof ScheduleArgs>;

export const Schedule = ArchitectWire.extend({
  start: z.string(),
  end: z.string(),
  rrule: z.string().nullish(),
});
export type Schedule = z.infer<typeof Schedule>;
type _Schedule = SdkRead<Models.Schedule, Schedule>;

export interface ScheduleBody {
  name: string;
  division: { id: string };
  description?: string;
  start: string;
  end: string;
  rrule?: string;
}
type _ScheduleBody = SdkBody<Models.Schedule, ScheduleBody & { version?: number }>;
