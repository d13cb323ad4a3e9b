import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface WrapupCodeArgs {
  name: pulumi.Input<string>;
  /** Division name in the target org; omit for the home division. */
  division?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
}

/** A wrap-up code (`/api/v2/routing/wrapupcodes`). Renames update in place. */
export class WrapupCode extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly division: pulumi.Output<string | undefined>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly divisionId: pulumi.Output<string>;

  constructor(name: string, args: WrapupCodeArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, { divisionId: undefined, ...args }, opts, "genesyscloud", "RoutingWrapupCode");
  }
}
