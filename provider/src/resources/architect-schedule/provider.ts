import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { crudProvider } from "../crud";
import { schedulesApi } from "./api";
import { LABEL, localTimeMs, RESOURCE_TYPE, sameLocalTime, Schedule, ScheduleArgs, ScheduleBody } from "./schema";

export const provider = crudProvider<ScheduleArgs, ScheduleBody, Schedule>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: ScheduleArgs,
  listIsComplete: true,
  replaceOn: [],
  // Times compare as times: `08:00:00.000000` in the code and `08:00:00.000` in the org are the same.
  normalize: (args) => ({ ...args, start: localTimeMs(args.start), end: localTimeMs(args.end) }),
  list: schedulesApi.list,
  get: schedulesApi.get,
  create: schedulesApi.create,
  update: schedulesApi.update,
  remove: schedulesApi.remove,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
    ...(args.description !== undefined ? { description: args.description } : {}),
    start: localTimeMs(args.start),
    end: localTimeMs(args.end),
    ...(args.rrule !== undefined ? { rrule: args.rrule } : {}),
  }),
  bodyOf: (w) => ({
    name: w.name,
    division: { id: w.division?.id ?? "" },
    ...(w.description ? { description: w.description } : {}),
    start: localTimeMs(w.start),
    end: localTimeMs(w.end),
    ...(w.rrule ? { rrule: w.rrule } : {}),
  }),
  toArgs: async (c, w, previous) => {
    const division = await divisionArg(c, w.division?.id, previous.division);
    return {
      name: w.name,
      ...(division !== undefined ? { division } : {}),
      ...(w.description ? { description: w.description } : {}),
      // The code's own spelling when it names the same time: no drift from fraction digits alone.
      start: previous.start !== undefined && sameLocalTime(previous.start, w.start) ? previous.start : w.start,
      end: previous.end !== undefined && sameLocalTime(previous.end, w.end) ? previous.end : w.end,
      ...(w.rrule ? { rrule: w.rrule } : {}),
    };
  },
  async checkTarget(c, args, owner) {
    const failures = await checkDivision(c, args.division, owner);
    if (localTimeMs(args.end) <= localTimeMs(args.start))
      failures.push({ property: "end", reason: `${owner}: end ${args.end} must be after start ${args.start}` });
    return failures;
  },
});
