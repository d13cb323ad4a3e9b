import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { skill } from ".";
import type { SkillArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type SkillArgs = Inputs<typeof Schema>;

/** A routing skill (`/api/v2/routing/skills`). */
export class Skill extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly division: pulumi.Output<string | undefined>;

  constructor(name: string, args: SkillArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(skill), name, args, opts, "genesyscloud", skill.urnType);
  }
}
