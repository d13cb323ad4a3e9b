import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { queueFlows } from ".";
import type { QueueFlowsArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type QueueFlowsArgs = Inputs<typeof Schema>;

/** Connects a queue to its in-queue flows after both exist (breaks the queue <-> flow cycle). */
export class QueueFlows extends pulumi.dynamic.Resource {
  constructor(name: string, args: QueueFlowsArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(queueFlows), name, args, opts, "genesyscloud", queueFlows.urnType);
  }
}
