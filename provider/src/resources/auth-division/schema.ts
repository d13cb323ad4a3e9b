import { z } from "zod";
import { nameSchema, onConflictField } from "../common";
import type { Models, SdkBody } from "../../sdk";

export const RESOURCE_TYPE = "genesyscloud:auth:Division";
export const LABEL = "Division";

export const DivisionArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    description: z.string().max(1024, "description is longer than 1024 characters: shorten it").optional(),
    onConflict: onConflictField,
  })
  .strict();
export type DivisionArgs = z.infer<typeof DivisionArgs>;

/** AuthzDivision as a request: `description` is required by the SDK model (Terraform sends "" when unset). */
export interface DivisionBody {
  name: string;
  description: string;
}
type _DivisionBody = SdkBody<Models.AuthzDivision, DivisionBody>;
