import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { language } from ".";
import type { LanguageArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type LanguageArgs = Inputs<typeof Schema>;

/** A routing language (`/api/v2/routing/languages`). */
export class Language extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: LanguageArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(language), name, args, opts, "genesyscloud", language.urnType);
  }
}
