import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { sameName, UNKNOWN, type CheckFailure } from "../common";
import { crudProvider } from "../crud";
import type { GenesysClient } from "../../client";
import { ivrsApi } from "./api";
import { inPool, Ivr, IvrArgs, IvrBody, LABEL, RESOURCE_TYPE } from "./schema";

const ref = (id: string | undefined) => (id !== undefined ? { id } : undefined);
const REFS = ["openHoursFlow", "closedHoursFlow", "holidayHoursFlow", "scheduleGroup"] as const;

/** The IVR's flow and schedule group references as request fields (absent ones left out). */
function refFields(ids: Partial<Record<(typeof REFS)[number], string | undefined>>): Partial<IvrBody> {
  const out: Partial<IvrBody> = {};
  for (const k of REFS) {
    const r = ref(ids[k]);
    if (r) out[k] = r;
  }
  return out;
}

/**
 * Each DID must be a number of the target org (in one of its DID pools) that no other IVR routes: the API refuses
 * both, so `preview` says which number, which IVR, and the fix, before `up` changes anything.
 */
async function checkDids(c: GenesysClient, news: Record<string, unknown>, owner: string): Promise<CheckFailure[]> {
  const dnis = Array.isArray(news.dnis)
    ? news.dnis.filter((n): n is string => typeof n === "string" && n !== UNKNOWN)
    : [];
  const name = typeof news.name === "string" && news.name !== UNKNOWN ? news.name : undefined;
  if (!dnis.length) return [];
  const [pools, ivrs] = await Promise.all([ivrsApi.didPools(c), ivrsApi.list(c)]);
  const failures: CheckFailure[] = [];
  for (const n of dnis) {
    if (!pools.some((p) => inPool(p, n))) {
      failures.push({
        property: "dnis",
        reason:
          `${owner}: the target org does not own DID ${n} (no DID pool of the target holds it). DIDs belong to one org: ` +
          `map the source's number to a number of the target in the transforms file (dids: { "<source number>": "<target number>" }), ` +
          `or add a DID pool holding ${n} to the target org.`,
      });
      continue;
    }
    const other = ivrs.find((x) => (name === undefined || !sameName(x.name, name)) && (x.dnis ?? []).includes(n));
    if (other)
      failures.push({
        property: "dnis",
        reason:
          `${owner}: DID ${n} is already routed by IVR '${other.name}' in the target org, and a number routes to one IVR: ` +
          `remove it from that IVR, or map it to another number of the target in the transforms file (dids:).`,
      });
  }
  return failures;
}

export const provider = crudProvider<IvrArgs, IvrBody, Ivr>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: IvrArgs,
  listIsComplete: true,
  replaceOn: [],
  unordered: ["dnis"],
  list: ivrsApi.list,
  get: ivrsApi.get,
  create: ivrsApi.create,
  update: ivrsApi.update,
  remove: ivrsApi.remove,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
    ...(args.description !== undefined ? { description: args.description } : {}),
    dnis: [...(args.dnis ?? [])].sort(),
    ...refFields(args),
  }),
  bodyOf: (x) => ({
    name: x.name,
    division: { id: x.division?.id ?? "" },
    ...(x.description ? { description: x.description } : {}),
    dnis: [...(x.dnis ?? [])].sort(),
    ...refFields({
      openHoursFlow: x.openHoursFlow?.id,
      closedHoursFlow: x.closedHoursFlow?.id,
      holidayHoursFlow: x.holidayHoursFlow?.id,
      scheduleGroup: x.scheduleGroup?.id,
    }),
  }),
  toArgs: async (c, x, previous) => {
    const division = await divisionArg(c, x.division?.id, previous.division);
    const dnis = [...(x.dnis ?? [])].sort();
    return {
      name: x.name,
      ...(division !== undefined ? { division } : {}),
      ...(x.description ? { description: x.description } : {}),
      ...(dnis.length || previous.dnis !== undefined ? { dnis } : {}),
      ...(x.openHoursFlow?.id ? { openHoursFlow: x.openHoursFlow.id } : {}),
      ...(x.closedHoursFlow?.id ? { closedHoursFlow: x.closedHoursFlow.id } : {}),
      ...(x.holidayHoursFlow?.id ? { holidayHoursFlow: x.holidayHoursFlow.id } : {}),
      ...(x.scheduleGroup?.id ? { scheduleGroup: x.scheduleGroup.id } : {}),
    };
  },
  checkTarget: async (c, args, owner) => checkDivision(c, args.division, owner),
  checkKnown: checkDids,
});
