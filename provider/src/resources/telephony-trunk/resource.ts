import * as pulumi from "@pulumi/pulumi";
import { refusePlaintext } from "../../program/secret-config";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { trunk } from ".";
import type { TrunkArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type TrunkArgs = Inputs<typeof Schema>;

/**
 * Digest credentials of a trunk from the stack's secret config:
 * `genesys-clone:trunk.<key>.username` and `genesys-clone:trunk.<key>.password`.
 */
export function trunkCredentials(key: string): pulumi.Output<{ username: string; password: string }> {
  refusePlaintext(`genesys-clone:trunk.${key}.username`, "username");
  refusePlaintext(`genesys-clone:trunk.${key}.password`, "password");
  const config = new pulumi.Config("genesys-clone");
  return pulumi.secret(
    pulumi
      .all([config.requireSecret(`trunk.${key}.username`), config.requireSecret(`trunk.${key}.password`)])
      .apply(([username, password]) => ({ username, password })),
  );
}

/** A trunk base setting (`/api/v2/telephony/providers/edges/trunkbasesettings`), e.g. a BYOC carrier trunk. */
export class Trunk extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly connected: pulumi.Output<boolean | undefined>;
  constructor(name: string, args: TrunkArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(trunk), name, { connected: undefined, ...args }, opts, "genesyscloud", trunk.urnType);
  }
}
