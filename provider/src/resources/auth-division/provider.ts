import { crudProvider } from "../crud";
import { declareDivision, divisionsApi, WireDivision } from "./api";
import { DivisionArgs, DivisionBody, LABEL, RESOURCE_TYPE } from "./schema";

/** Named divisions (the home division maps to home and is never declared). */
export const provider = crudProvider<DivisionArgs, DivisionBody, WireDivision>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: DivisionArgs,
  listIsComplete: true,
  replaceOn: [],
  list: divisionsApi.list,
  get: divisionsApi.get,
  create: divisionsApi.create,
  update: (c, id, body) => divisionsApi.update(c, id, body),
  remove: divisionsApi.remove,
  toBody: async (_c, args) => ({ name: args.name, description: args.description ?? "" }),
  bodyOf: (wire) => ({ name: wire.name, description: wire.description ?? "" }),
  toArgs: async (_c, wire) => ({ name: wire.name, ...(wire.description ? { description: wire.description } : {}) }),
  // Objects in this division pass their preview check although it does not exist in the target yet.
  checkTarget: async (_c, args) => {
    declareDivision(args.name);
    return [];
  },
});
