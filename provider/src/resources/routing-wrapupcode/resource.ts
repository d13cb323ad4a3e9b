import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface WrapupCodeArgs {
  name: pulumi.Input<string>;
  /** Division name in the target org; omit for the home division. */
  division?: pulumi.Input<string>;
  /** When the name already exists in the target org: "fail" (default: genesys-clone:onConflict) or "adopt". */
  onConflict?: pulumi.Input<"fail" | "adopt">;
  description?: pulumi.Input<string>;
}

/** A wrap-up code (`/api/v2/routing/wrapupcodes`). Renames update in place. */
export class WrapupCode extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly division: pulumi.Output<string | undefined>;
  declare readonly description: pulumi.Output<string | undefined>;

  constructor(name: string, args: WrapupCodeArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "RoutingWrapupCode");
  }
}
