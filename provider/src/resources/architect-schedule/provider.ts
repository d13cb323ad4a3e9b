import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { crudProvider } from "../crud";
import { schedulesApi } from "./api";
import { LABEL, RESOURCE_TYPE, Schedule, ScheduleArgs, ScheduleBody } from "./schema";

export const provider = crudProvider<ScheduleArgs, ScheduleBody, Schedule>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: ScheduleArgs,
  listIsComplete: true,
  replaceOn: [],
  list: schedulesApi.list,
  get: schedulesApi.get,
  create: schedulesApi.create,
  update: schedulesApi.update,
  remove: schedulesApi.remove,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
    ...(args.description !== undefined ? { description: args.description } : {}),
    start: args.start,
    end: args.end,
    ...(args.rrule !== undefined ? { rrule: args.rrule } : {}),
  }),
  bodyOf: (w) => ({
    name: w.name,
    division: { id: w.division?.id ?? "" },
    ...(w.description ? { description: w.description } : {}),
    start: w.start,
    end: w.end,
    ...(w.rrule ? { rrule: w.rrule } : {}),
  }),
  toArgs: async (c, w, previous) => {
    const division = await divisionArg(c, w.division?.id, previous.division);
    return {
      name: w.name,
      ...(division !== undefined ? { division } : {}),
      ...(w.description ? { description: w.description } : {}),
      start: w.start,
      end: w.end,
      ...(w.rrule ? { rrule: w.rrule } : {}),
    };
  },
  async checkTarget(c, args, owner) {
    const failures = await checkDivision(c, args.division, owner);
    if (args.end <= args.start) failures.push({ property: "end", reason: `${owner}: end ${args.end} must be after start ${args.start}` });
    return failures;
  },
});
