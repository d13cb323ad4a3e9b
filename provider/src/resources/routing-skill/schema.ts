import { z } from "zod";
import { nameSchema } from "../common";

export const RESOURCE_TYPE = "genesyscloud:routing:Skill";
export const LABEL = "Skill";
export const MAX_NAME_LENGTH = 256;

/** What the stack code declares. */
export const SkillArgs = z
  .object({
    name: nameSchema(LABEL, MAX_NAME_LENGTH),
    /** Division name in the target org; omitted = the home division. */
    division: z.string().min(1, "division must not be empty: omit it for the home division").optional(),
  })
  .strict();
export type SkillArgs = z.infer<typeof SkillArgs>;

/** What state holds after create/read. */
export interface SkillOutputs extends SkillArgs {
  divisionId: string;
}

/** The wire shape (RoutingSkill). */
export const RoutingSkill = z.object({
  id: z.string(),
  name: z.string(),
  division: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  state: z.string().optional(),
  version: z.string().optional(),
});
export type RoutingSkill = z.infer<typeof RoutingSkill>;
