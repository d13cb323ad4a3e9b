import { z } from "zod";
import { nameSchema, onConflictField } from "../common";

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

export interface DivisionBody {
  name: string;
  description?: string;
}
