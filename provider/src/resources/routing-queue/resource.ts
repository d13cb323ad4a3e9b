import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { queue } from ".";
import type { QueueArgs as Schema } from "./schema";

/** Queue settings as the API names them; `wrapupCodes` and bullseye `skillsToRemove` take resource ids. */
export type QueueArgs = Inputs<typeof Schema>;

/** A routing queue (`/api/v2/routing/queues`) with its wrap-up codes. */
export class Queue extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: QueueArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(queue), name, args, opts, "genesyscloud", queue.urnType);
  }
}
