import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { ArchitectWire, divisionField, nameSchema, onConflictField } from "../common";
import { rruleProblem } from "./rrule";

export const RESOURCE_TYPE = "genesyscloud:architect:Schedule";
export const LABEL = "Schedule";

/** Schedules hold local times: the schedule group that uses them carries the time zone. */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const localTime = (field: string) =>
  z.string().regex(LOCAL_DATE_TIME, `${field} must be a local date-time without time zone, yyyy-MM-ddTHH:mm:ss.SSS (e.g. 2027-01-04T08:00:00.000)`);

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
        if (problem) ctx.addIssue({ code: "custom", message: `rrule '${rule}' is not a valid iCalendar RRULE: ${problem}` });
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
