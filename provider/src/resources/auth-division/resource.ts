import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface DivisionArgs {
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Divisions often exist in the target already: the importer writes "adopt". */
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** A named authorization division (`/api/v2/authorization/divisions`). Others reference it by `.name`. */
export class Division extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  constructor(name: string, args: DivisionArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "AuthDivision");
  }
}
