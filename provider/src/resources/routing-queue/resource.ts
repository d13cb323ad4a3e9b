import * as pulumi from "@pulumi/pulumi";
import type { QueueArgs as Declared } from "./schema";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** Queue settings as the API names them; `wrapupCodes` and bullseye `skillsToRemove` take resource ids. */
export type QueueArgs = Inputs<Omit<Declared, "wrapupCodes" | "bullseye">> & {
  wrapupCodes?: pulumi.Input<pulumi.Input<string>[]>;
  bullseye?: pulumi.Input<{
    rings: pulumi.Input<{
      expansionCriteria?: { type: string; threshold: number }[];
      skillsToRemove?: pulumi.Input<pulumi.Input<string>[]>;
    }>[];
  }>;
};

/** A routing queue (`/api/v2/routing/queues`) with its wrap-up codes. */
export class Queue extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: QueueArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "RoutingQueue");
  }
}
