import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { queueMembers } from ".";
import type { QueueMembersArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type QueueMembersArgs = Inputs<typeof Schema>;

/** A queue's members (users by email, with ring numbers) and member groups (by name): a link the stack owns. */
export class QueueMembers extends pulumi.dynamic.Resource {
  declare readonly members: pulumi.Output<{ email: string; ringNumber: number }[]>;
  declare readonly memberGroups: pulumi.Output<{ name: string; type: string }[]>;

  constructor(name: string, args: QueueMembersArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(queueMembers), name, args, opts, "genesyscloud", queueMembers.urnType);
  }
}
