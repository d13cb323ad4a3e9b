import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { ArchitectWire, divisionField, nameSchema, onConflictField, WireRef } from "../common";

export const RESOURCE_TYPE = "genesyscloud:architect:EmergencyGroup";
export const FLOWS_RESOURCE_TYPE = "genesyscloud:architect:EmergencyGroupFlows";
export const LABEL = "Emergency group";
export const FLOWS_LABEL = "Emergency group flows";

/**
 * The group itself. Its emergency call flows are a separate link (EmergencyGroupFlows): flows name the group
 * (so they follow it) and the group names flows, so the link is set once both exist, as for queues' in-queue flows.
 */
export const EmergencyGroupArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    division: divisionField,
    description: z.string().optional(),
    /** TF architect_emergencygroup: defaults to false (inactive). */
    enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
    onConflict: onConflictField,
  })
  .strict();
export type EmergencyGroupArgs = z.infer<typeof EmergencyGroupArgs>;

export const EmergencyGroupFlowsArgs = z
  .object({
    /** Id of the EmergencyGroup resource. */
    emergencyGroup: z.string().min(1),
    /** `flow.id`s of inbound call flows, in order. */
    emergencyFlows: z.array(z.string().min(1)),
  })
  .strict();
export type EmergencyGroupFlowsArgs = z.infer<typeof EmergencyGroupFlowsArgs>;

const CallFlow = z.object({ emergencyFlow: WireRef.nullish(), ivrs: z.array(WireRef).nullish() });

export const EmergencyGroup = ArchitectWire.extend({
  enabled: z.boolean().nullish(),
  emergencyCallFlows: z.array(CallFlow).nullish(),
});
export type EmergencyGroup = z.infer<typeof EmergencyGroup>;
type _EmergencyGroup = SdkRead<Models.EmergencyGroup, EmergencyGroup>;

export interface CallFlowBody {
  emergencyFlow: { id: string };
  ivrs: { id: string }[];
}

export interface EmergencyGroupBody {
  name: string;
  division: { id: string };
  description?: string;
  enabled: boolean;
  /** Absent: keep what the group has (the link sets them). */
  emergencyCallFlows?: CallFlowBody[];
}
type _EmergencyGroupBody = SdkBody<Models.EmergencyGroup, EmergencyGroupBody & { version?: number }>;

/** The flow ids of a stored group's call flows, in order. */
export const flowIdsOf = (g: EmergencyGroup): string[] =>
  (g.emergencyCallFlows ?? []).map((c) => c.emergencyFlow?.id).filter((id): id is string => !!id);
