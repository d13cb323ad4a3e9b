import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { crudProvider } from "../crud";
import { skillsApi } from "./api";
import { LABEL, RESOURCE_TYPE, SkillArgs, SkillBody } from "./schema";

/** Skills cannot be renamed (a new name replaces the skill); the division moves with PATCH. */
export const provider = crudProvider<SkillArgs, SkillBody, import("./schema").RoutingSkill>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: SkillArgs,
  listIsComplete: true,
  replaceOn: ["name"],
  list: async (c) => (await skillsApi.list(c)).filter((s) => s.state !== "deleted"),
  get: skillsApi.get,
  create: skillsApi.create,
  update: async (c, id, body, current) =>
    current.division?.id === body.division.id ? current : skillsApi.setDivision(c, id, body.division.id),
  remove: skillsApi.delete,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
  }),
  bodyOf: (wire) => ({ name: wire.name, division: { id: wire.division?.id ?? "" } }),
  toArgs: async (c, wire, previous) => {
    const division = await divisionArg(c, wire.division?.id, previous.division);
    return { name: wire.name, ...(division !== undefined ? { division } : {}) };
  },
  checkTarget: async (c, args, owner) => checkDivision(c, args.division, owner),
});
