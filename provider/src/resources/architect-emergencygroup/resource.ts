import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { emergencyGroup, emergencyGroupFlows } from ".";
import type { EmergencyGroupArgs as Schema, EmergencyGroupFlowsArgs as FlowsSchema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type EmergencyGroupArgs = Inputs<typeof Schema>;
export type EmergencyGroupFlowsArgs = Inputs<typeof FlowsSchema>;

/** An Architect emergency group (`/api/v2/architect/emergencygroups`); its flows are set by EmergencyGroupFlows. */
export class EmergencyGroup extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: EmergencyGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(emergencyGroup), name, args, opts, "genesyscloud", emergencyGroup.urnType);
  }
}

/** Connects an emergency group to its emergency call flows once both exist (flows name the group too). */
export class EmergencyGroupFlows extends pulumi.dynamic.Resource {
  constructor(name: string, args: EmergencyGroupFlowsArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(emergencyGroupFlows), name, args, opts, "genesyscloud", emergencyGroupFlows.urnType);
  }
}
