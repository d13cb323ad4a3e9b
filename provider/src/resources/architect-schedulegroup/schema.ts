import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { ArchitectWire, divisionField, nameSchema, onConflictField, WireRef } from "../common";

export const RESOURCE_TYPE = "genesyscloud:architect:ScheduleGroup";
export const LABEL = "Schedule group";

/** Whether the runtime knows an IANA time zone (the same database the API validates against). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

const scheduleIds = z.array(z.string().min(1)).optional();

export const ScheduleGroupArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    division: divisionField,
    description: z.string().optional(),
    timeZone: z.string().superRefine((zone, ctx) => {
      if (!isTimeZone(zone)) {
        ctx.addIssue({
          code: "custom",
          message: `timeZone '${zone}' is not an IANA time zone (e.g. Europe/Dublin): fix it, or map it in the stack's transforms file`,
        });
      }
    }),
    /** Ids of Schedule resources (`schedule.id`); the API needs at least one (TF architect_schedulegroups: required). */
    openSchedules: z
      .array(z.string().min(1), {
        error: "openSchedules is required: a schedule group needs at least one open schedule (schedule.id)",
      })
      .min(1, "openSchedules needs at least one schedule: a schedule group needs open hours"),
    closedSchedules: scheduleIds,
    holidaySchedules: scheduleIds,
    onConflict: onConflictField,
  })
  .strict();
export type ScheduleGroupArgs = z.infer<typeof ScheduleGroupArgs>;

export const ScheduleGroup = ArchitectWire.extend({
  timeZone: z.string().nullish(),
  openSchedules: z.array(WireRef).nullish(),
  closedSchedules: z.array(WireRef).nullish(),
  holidaySchedules: z.array(WireRef).nullish(),
});
export type ScheduleGroup = z.infer<typeof ScheduleGroup>;
type _ScheduleGroup = SdkRead<Models.ScheduleGroup, ScheduleGroup>;

export interface ScheduleGroupBody {
  name: string;
  division: { id: string };
  description?: string;
  timeZone: string;
  openSchedules: { id: string }[];
  closedSchedules: { id: string }[];
  holidaySchedules: { id: string }[];
}
type _ScheduleGroupBody = SdkBody<Models.ScheduleGroup, ScheduleGroupBody & { version?: number }>;
