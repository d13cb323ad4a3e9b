import { crudProvider } from "../crud";
import { languagesApi } from "./api";
import { LABEL, LanguageArgs, LanguageBody, RESOURCE_TYPE, RoutingLanguage } from "./schema";

/** A language is only a name: a new name replaces it, adopting one changes nothing. */
export const provider = crudProvider<LanguageArgs, LanguageBody, RoutingLanguage>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: LanguageArgs,
  listIsComplete: true,
  replaceOn: ["name"],
  list: languagesApi.list,
  get: languagesApi.get,
  create: languagesApi.create,
  update: async (_c, _id, _body, current) => current,
  remove: languagesApi.remove,
  toBody: async (_c, args) => ({ name: args.name }),
  bodyOf: (wire) => ({ name: wire.name }),
  toArgs: async (_c, wire) => ({ name: wire.name }),
});
