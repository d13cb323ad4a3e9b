import { z } from "zod";
import { nameSchema } from "../common";

export const RESOURCE_TYPE = "genesyscloud:routing:WrapupCode";
export const LABEL = "Wrap-up code";
export const MAX_NAME_LENGTH = 256;

export const WrapupCodeArgs = z
  .object({
    name: nameSchema(LABEL, MAX_NAME_LENGTH),
    /** Division name in the target org; omitted = the home division. */
    division: z.string().min(1, "division must not be empty: omit it for the home division").optional(),
    description: z.string().max(1024, "description is longer than 1024 characters: shorten it").optional(),
  })
  .strict();
export type WrapupCodeArgs = z.infer<typeof WrapupCodeArgs>;

export interface WrapupCodeOutputs extends WrapupCodeArgs {
  divisionId: string;
}

/** The wire shape (WrapupCode). */
export const WrapupCode = z.object({
  id: z.string(),
  name: z.string(),
  division: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  description: z.string().nullish(),
});
export type WrapupCode = z.infer<typeof WrapupCode>;
