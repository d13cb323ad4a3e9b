import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { ivr } from ".";
import type { IvrArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type IvrArgs = Inputs<typeof Schema>;

/**
 * An Architect IVR configuration (`/api/v2/architect/ivrs`): DIDs (mapped per region by the transforms file's
 * `dids:`) routed to inbound call flows by `.id`, by a schedule group's `.id`.
 */
export class Ivr extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: IvrArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(ivr), name, args, opts, "genesyscloud", ivr.urnType);
  }
}
