import { z } from "zod";
import { nameSchema, onConflictField } from "../common";
import { FLOW_TYPES } from "./references";

export const RESOURCE_TYPE = "genesyscloud:architect:Flow";
export const SHELL_RESOURCE_TYPE = "genesyscloud:architect:FlowShell";
export const LABEL = "Flow";
export const SHELL_LABEL = "Flow shell";

const flowType = z.enum(Object.values(FLOW_TYPES) as [string, ...string[]], {
  error: (i) => `type '${String(i.input)}' is not an Archy flow type (${Object.values(FLOW_TYPES).join(", ")})`,
});

export const FlowArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    type: flowType,
    /** The Archy YAML, with {{key}} placeholders. */
    yaml: z.string().min(1, "yaml is empty: point it at the exported flow file"),
    substitutions: z.record(z.string(), z.string()).optional(),
    /** Id of this flow's FlowShell when the flow is part of a reference cycle: that flow is ours, not a conflict. */
    shell: z.string().optional(),
    /** Unlock the flow first when another client holds its lock (an admin's force unlock). */
    forceUnlock: z.boolean().optional(),
    onConflict: onConflictField,
  })
  .strict();
export type FlowArgs = z.infer<typeof FlowArgs>;

export const FlowShellArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    type: flowType,
    division: z.string().min(1).optional(),
    onConflict: onConflictField,
  })
  .strict();
export type FlowShellArgs = z.infer<typeof FlowShellArgs>;
