import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { crudProvider } from "../crud";
import { wrapupCodesApi } from "./api";
import { LABEL, RESOURCE_TYPE, WrapupCode, WrapupCodeArgs, WrapupCodeBody } from "./schema";

/** Wrap-up codes update in place (renames included) with a full PUT; delete is hard. */
export const provider = crudProvider<WrapupCodeArgs, WrapupCodeBody, WrapupCode>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: WrapupCodeArgs,
  listIsComplete: true,
  replaceOn: [],
  list: wrapupCodesApi.list,
  get: wrapupCodesApi.get,
  create: wrapupCodesApi.create,
  update: (c, id, body) => wrapupCodesApi.replace(c, id, body),
  remove: wrapupCodesApi.delete,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
    ...(args.description !== undefined ? { description: args.description } : {}),
  }),
  bodyOf: (wire) => ({
    name: wire.name,
    division: { id: wire.division?.id ?? "" },
    ...(wire.description ? { description: wire.description } : {}),
  }),
  toArgs: async (c, wire, previous) => {
    const division = await divisionArg(c, wire.division?.id, previous.division);
    return {
      name: wire.name,
      ...(division !== undefined ? { division } : {}),
      ...(wire.description ? { description: wire.description } : {}),
    };
  },
  checkTarget: async (c, args, owner) => checkDivision(c, args.division, owner),
});
