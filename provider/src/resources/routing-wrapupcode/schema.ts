import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { divisionField, nameSchema, onConflictField } from "../common";

export const RESOURCE_TYPE = "genesyscloud:routing:WrapupCode";
export const LABEL = "Wrap-up code";
export const MAX_NAME_LENGTH = 256;

export const WrapupCodeArgs = z
  .object({
    name: nameSchema(LABEL, MAX_NAME_LENGTH),
    /** Division name in the target org; omitted = the home division. */
    division: divisionField,
    description: z.string().max(1024, "description is longer than 1024 characters: shorten it").optional(),
    onConflict: onConflictField,
  })
  .strict();
export type WrapupCodeArgs = z.infer<typeof WrapupCodeArgs>;

/** The wire shape (WrapupCode). */
export const WrapupCode = z.object({
  id: z.string(),
  name: z.string(),
  division: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  description: z.string().nullish(),
});
export type WrapupCode = z.infer<typeof WrapupCode>;
type _WrapupCode = SdkRead<Models.WrapupCode, WrapupCode>;

/** WrapupCodeRequest: PUT is a full replace, so the body is the whole object. */
export interface WrapupCodeBody {
  name: string;
  division: { id: string };
  description?: string;
}
type _WrapupCodeBody = SdkBody<Models.WrapupCodeRequest, WrapupCodeBody>;
