import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { crudProvider } from "../crud";
import { scheduleGroupsApi } from "./api";
import { LABEL, RESOURCE_TYPE, ScheduleGroup, ScheduleGroupArgs, ScheduleGroupBody } from "./schema";

const refs = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort().map((id) => ({ id }));
const ids = (list: readonly { id: string }[] | null | undefined) => (list ?? []).map((r) => r.id).sort();

export const provider = crudProvider<ScheduleGroupArgs, ScheduleGroupBody, ScheduleGroup>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: ScheduleGroupArgs,
  listIsComplete: true,
  replaceOn: [],
  unordered: ["openSchedules", "closedSchedules", "holidaySchedules"],
  list: scheduleGroupsApi.list,
  get: scheduleGroupsApi.get,
  create: scheduleGroupsApi.create,
  update: scheduleGroupsApi.update,
  remove: scheduleGroupsApi.remove,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
    ...(args.description !== undefined ? { description: args.description } : {}),
    timeZone: args.timeZone,
    openSchedules: refs(args.openSchedules),
    closedSchedules: refs(args.closedSchedules),
    holidaySchedules: refs(args.holidaySchedules),
  }),
  bodyOf: (g) => ({
    name: g.name,
    division: { id: g.division?.id ?? "" },
    ...(g.description ? { description: g.description } : {}),
    timeZone: g.timeZone ?? "",
    openSchedules: refs(ids(g.openSchedules)),
    closedSchedules: refs(ids(g.closedSchedules)),
    holidaySchedules: refs(ids(g.holidaySchedules)),
  }),
  toArgs: async (c, g, previous) => {
    const division = await divisionArg(c, g.division?.id, previous.division);
    const list = (l: string[]) => (l.length ? l : undefined);
    return {
      name: g.name,
      ...(division !== undefined ? { division } : {}),
      ...(g.description ? { description: g.description } : {}),
      timeZone: g.timeZone ?? "",
      openSchedules: ids(g.openSchedules),
      ...(list(ids(g.closedSchedules)) ? { closedSchedules: ids(g.closedSchedules) } : {}),
      ...(list(ids(g.holidaySchedules)) ? { holidaySchedules: ids(g.holidaySchedules) } : {}),
    };
  },
  checkTarget: async (c, args, owner) => checkDivision(c, args.division, owner),
});
