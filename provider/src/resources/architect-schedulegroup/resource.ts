import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { scheduleGroup } from ".";
import type { ScheduleGroupArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type ScheduleGroupArgs = Inputs<typeof Schema>;

/** An Architect schedule group (`/api/v2/architect/schedulegroups`): schedules by `.id`. */
export class ScheduleGroup extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: ScheduleGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(scheduleGroup), name, args, opts, "genesyscloud", scheduleGroup.urnType);
  }
}
