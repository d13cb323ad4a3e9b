import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface ScheduleGroupArgs {
  name: pulumi.Input<string>;
  division?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** IANA time zone, e.g. Europe/Dublin (the stack's transforms can map it per region). */
  timeZone: pulumi.Input<string>;
  /** `schedule.id`s of the open hours: at least one (the API requires them). */
  openSchedules: pulumi.Input<pulumi.Input<string>[]>;
  closedSchedules?: pulumi.Input<pulumi.Input<string>[]>;
  holidaySchedules?: pulumi.Input<pulumi.Input<string>[]>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** An Architect schedule group (`/api/v2/architect/schedulegroups`): schedules by `.id`. */
export class ScheduleGroup extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: ScheduleGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "ArchitectScheduleGroup");
  }
}
