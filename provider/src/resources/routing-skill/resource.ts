import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface SkillArgs {
  /** The skill's name; a new name replaces the skill (the API cannot rename skills). */
  name: pulumi.Input<string>;
  /** Division name in the target org; omit for the home division. */
  division?: pulumi.Input<string>;
  /** When the name already exists in the target org: "fail" (default: genesys-clone:onConflict) or "adopt". */
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** A routing skill (`/api/v2/routing/skills`). */
export class Skill extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly division: pulumi.Output<string | undefined>;

  constructor(name: string, args: SkillArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "RoutingSkill");
  }
}
