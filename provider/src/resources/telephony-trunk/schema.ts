import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { divisionField, nameSchema, onConflictField } from "../common";

export const RESOURCE_TYPE = "genesyscloud:telephony:Trunk";
export const LABEL = "Trunk";

/** Property names that carry the SIP servers and the digest credentials (never exported). */
export const SIP_SERVERS = "trunk_transport_serverProxyList";
export const USERNAME = "trunk_sip_authentication_credentials_username";
export const PASSWORD = "trunk_sip_authentication_credentials_password";
export const MASK = "********";
/** Must be unique within a region (no two BYOC trunks, in any org, may share it). */
export const TERMINATION_URI = "trunk_sip_termination_uri";

export const TrunkArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    description: z.string().optional(),
    division: divisionField,
    trunkMetabaseId: z.string().min(1),
    trunkType: z.enum(["EXTERNAL", "PHONE", "EDGE"]).optional(),
    /** Site (by name) that receives inbound calls: required for BYOC carrier trunks. */
    inboundSite: z.string().min(1).optional(),
    /** Media site (by name; SDK `TrunkBase.site`): the API fills one in when none is sent. Mapped by the transforms file's `sites:`. */
    site: z.string().min(1).optional(),
    /** SDK `TrunkBase.managed` (Terraform's `managed`). */
    managed: z.boolean().optional(),
    /** SIP servers / proxies, host:port (mapped per region by the transforms file). */
    sipServers: z.array(z.string().min(1)).optional(),
    /** Other trunk properties: name -> instance value (credentials and SIP servers have their own arguments). */
    properties: z.record(z.string(), z.unknown()).optional(),
    /** Digest credentials: from secret stack config, never from the source org. */
    credentials: z.object({ username: z.string(), password: z.string() }).strict().optional(),
    /** Wait (up to timeoutSeconds) for the trunk to connect after create/update; `required` fails the deployment if it does not. */
    waitForConnection: z
      .object({ timeoutSeconds: z.number().int().min(1).max(3600).optional(), required: z.boolean().optional() })
      .strict()
      .optional(),
    onConflict: onConflictField,
  })
  .strict();
export type TrunkArgs = z.infer<typeof TrunkArgs>;

const Ref = z.object({ id: z.string(), name: z.string().optional() });
export const TrunkBase = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  division: Ref.nullish(),
  version: z.number().int(),
  state: z.string().nullish(),
  trunkMetabase: Ref,
  trunkType: z.string(),
  inboundSite: Ref.nullish(),
  site: Ref.nullish(),
  managed: z.boolean().nullish(),
  properties: z
    .record(
      z.string(),
      z
        .object({ value: z.object({ default: z.unknown().optional(), instance: z.unknown().optional() }).nullish() })
        .loose(),
    )
    .nullish(),
});
export type TrunkBase = z.infer<typeof TrunkBase>;
type _TrunkBase = SdkRead<Models.TrunkBase, TrunkBase>;

/** TrunkBase as a request: properties carry only `{value: {instance}}` (the API fills in the rest). */
export type TrunkBody = {
  name: string;
  description?: string;
  division: { id: string };
  trunkMetabase: { id: string };
  trunkType: string;
  inboundSite?: { id: string };
  properties: Record<string, { value: { instance: unknown } }>;
};
type _TrunkBody = SdkBody<Models.TrunkBase, TrunkBody>;

export const TrunkInstance = z.object({
  id: z.string(),
  trunkBase: Ref.nullish(),
  connectedStatus: z.object({ connected: z.boolean().nullish() }).nullish(),
});
type _TrunkInstance = SdkRead<Models.Trunk, z.infer<typeof TrunkInstance>>;
