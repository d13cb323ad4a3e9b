import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { FLOWS_RESOURCE_TYPE, RESOURCE_TYPE } from "./schema";

export interface EmergencyGroupArgs {
  name: pulumi.Input<string>;
  /** Division name in the target org; omit for the home division. */
  division?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Whether the group is active (default false, as in Terraform). */
  enabled?: pulumi.Input<boolean>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** An Architect emergency group (`/api/v2/architect/emergencygroups`); its flows are set by EmergencyGroupFlows. */
export class EmergencyGroup extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: EmergencyGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "ArchitectEmergencyGroup");
  }
}

export interface EmergencyGroupFlowsArgs {
  /** `emergencyGroup.id` */
  emergencyGroup: pulumi.Input<string>;
  /** `flow.id`s of the inbound call flows the group runs when active. */
  emergencyFlows: pulumi.Input<pulumi.Input<string>[]>;
}

/** Connects an emergency group to its emergency call flows once both exist (flows name the group too). */
export class EmergencyGroupFlows extends pulumi.dynamic.Resource {
  constructor(name: string, args: EmergencyGroupFlowsArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(FLOWS_RESOURCE_TYPE), name, args, opts, "genesyscloud", "ArchitectEmergencyGroupFlows");
  }
}
