import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { wrapupCode } from ".";
import type { WrapupCodeArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type WrapupCodeArgs = Inputs<typeof Schema>;

/** A wrap-up code (`/api/v2/routing/wrapupcodes`). Renames update in place. */
export class WrapupCode extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly division: pulumi.Output<string | undefined>;
  declare readonly description: pulumi.Output<string | undefined>;

  constructor(name: string, args: WrapupCodeArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(wrapupCode), name, args, opts, "genesyscloud", wrapupCode.urnType);
  }
}
