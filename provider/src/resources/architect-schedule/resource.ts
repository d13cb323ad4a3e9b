import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface ScheduleArgs {
  name: pulumi.Input<string>;
  division?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Local date-time without time zone, yyyy-MM-ddTHH:mm:ss.SSS; the schedule group has the zone. */
  start: pulumi.Input<string>;
  end: pulumi.Input<string>;
  /** iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR */
  rrule?: pulumi.Input<string>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** An Architect schedule (`/api/v2/architect/schedules`). */
export class Schedule extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: ScheduleArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "ArchitectSchedule");
  }
}
