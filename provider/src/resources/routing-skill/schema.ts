import { z } from "zod";
import type { Models, SdkRead } from "../../sdk";
import { divisionField, nameSchema, onConflictField } from "../common";

export const RESOURCE_TYPE = "genesyscloud:routing:Skill";
export const LABEL = "Skill";
export const MAX_NAME_LENGTH = 256;

/** What the stack code declares. */
export const SkillArgs = z
  .object({
    name: nameSchema(LABEL, MAX_NAME_LENGTH),
    /** Division name in the target org; omitted = the home division. */
    division: divisionField,
    onConflict: onConflictField,
  })
  .strict();
export type SkillArgs = z.infer<typeof SkillArgs>;

/** The wire shape (RoutingSkill). */
export const RoutingSkill = z.object({
  id: z.string(),
  name: z.string(),
  division: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  state: z.string().optional(),
  version: z.string().optional(),
});
export type RoutingSkill = z.infer<typeof RoutingSkill>;
type _RoutingSkill = SdkRead<Models.RoutingSkill, RoutingSkill>;

/** The request body (create; division moves go through PATCH). */
export interface SkillBody {
  name: string;
  division: { id: string };
}
