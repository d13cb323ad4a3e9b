import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { schedule } from ".";
import type { ScheduleArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type ScheduleArgs = Inputs<typeof Schema>;

/** An Architect schedule (`/api/v2/architect/schedules`). */
export class Schedule extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: ScheduleArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(schedule), name, args, opts, "genesyscloud", schedule.urnType);
  }
}
