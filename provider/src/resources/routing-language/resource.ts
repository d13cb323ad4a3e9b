import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface LanguageArgs {
  /** A new name replaces the language (the API has no update). */
  name: pulumi.Input<string>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** A routing language (`/api/v2/routing/languages`). */
export class Language extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: LanguageArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "RoutingLanguage");
  }
}
