import * as pulumi from "@pulumi/pulumi";
import { refusePlaintext } from "../../program/secret-config";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface TrunkArgs {
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  division?: pulumi.Input<string>;
  /** e.g. external_sip_pcv_byoc_carrier.json (BYOC carrier) */
  trunkMetabaseId: pulumi.Input<string>;
  trunkType?: pulumi.Input<"EXTERNAL" | "PHONE" | "EDGE">;
  /** Site name for inbound calls (BYOC carrier trunks); mapped per region by the transforms file. */
  inboundSite?: pulumi.Input<string>;
  /** Media site name (the API fills one in when unset); mapped per region by the transforms file's `sites:`. */
  site?: pulumi.Input<string>;
  managed?: pulumi.Input<boolean>;
  /** SIP servers, host:port; mapped per region by the transforms file. */
  sipServers?: pulumi.Input<pulumi.Input<string>[]>;
  /** Other properties by name: instance values. */
  properties?: pulumi.Input<Record<string, unknown>>;
  /** Digest credentials: use trunkCredentials(), which reads them from secret stack config. */
  credentials?: pulumi.Input<{ username: pulumi.Input<string>; password: pulumi.Input<string> }>;
  waitForConnection?: pulumi.Input<{ timeoutSeconds?: number; required?: boolean }>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

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
    super(shimFor(RESOURCE_TYPE), name, { connected: undefined, ...args }, opts, "genesyscloud", "TelephonyTrunk");
  }
}
