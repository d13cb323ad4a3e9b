import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { division } from ".";
import type { DivisionArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type DivisionArgs = Inputs<typeof Schema>;

/** A named authorization division (`/api/v2/authorization/divisions`). Others reference it by `.name`. */
export class Division extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  constructor(name: string, args: DivisionArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(division), name, args, opts, "genesyscloud", division.urnType);
  }
}
