import { z } from "zod";
import type { ArchitectFilter, ScheduleInput } from "../../state/architect/store";
import type { Schedule } from "../../state/entities";
import type { OrgStore } from "../../state/org-store";
import type { ApiContext, ApiRouter } from "../context";
import { parseBody, queryList, queryValue, withoutNulls } from "../http";
import { addObjectRoutes } from "../objects";
import { choiceParam, sortOrderParam } from "../params";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { compact, divisionRef, type ArchitectObjectWire } from "../wire";

export const SCHEDULES_PATH = "/api/v2/architect/schedules";

export interface ScheduleWire extends ArchitectObjectWire {
  start: string;
  end: string;
  rrule?: string;
  selfUri: string;
}
type _ScheduleWire = SdkResponse<Models.Schedule, ScheduleWire>;

export function scheduleToWire(org: OrgStore, x: Schedule): ScheduleWire {
  return compact<ScheduleWire>({
    id: x.id,
    name: x.name,
    division: divisionRef(org, x.divisionId),
    description: x.description,
    version: x.version,
    dateCreated: x.dateCreated,
    dateModified: x.dateModified,
    state: x.state,
    start: x.start,
    end: x.end,
    rrule: x.rrule,
    selfUri: `${SCHEDULES_PATH}/${x.id}`,
  });
}

/** Architect `Schedule` as a request. `version` is required by PUT only; state, dates and selfUri are ignored. */
const scheduleRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
  description: z.string().optional(),
  version: z.number().int().optional(),
  start: z.string({ error: "start is required: a local date-time yyyy-MM-ddTHH:mm:ss.SSS" }),
  end: z.string({ error: "end is required: a local date-time yyyy-MM-ddTHH:mm:ss.SSS" }),
  rrule: z.string().optional(),
});
type _scheduleRequestSchema = SdkRequest<Models.Schedule, z.input<typeof scheduleRequestSchema>>;

function scheduleInput(ctx: ApiContext): ScheduleInput & { version?: number } {
  const { division, ...rest } = parseBody(scheduleRequestSchema, withoutNulls(ctx.json()));
  return { ...rest, divisionId: division?.id };
}

/** The listing filter schedules and schedule groups share (`sortBy` may only be `name`). */
export function architectFilter(query: URLSearchParams): ArchitectFilter {
  choiceParam(query, "sortBy", ["name"] as const);
  return {
    name: queryValue(query, "name"),
    divisionIds: queryList(query, "divisionId"),
    sortOrder: sortOrderParam(query),
  };
}

export function registerScheduleRoutes(router: ApiRouter): void {
  addObjectRoutes(router, {
    path: SCHEDULES_PATH,
    idParam: "scheduleId",
    toWire: scheduleToWire,
    list: {
      maxPageSize: 500,
      items: (ctx) => ctx.org.architect.listSchedules(architectFilter(ctx.query)),
    },
    create: (ctx) => ctx.org.architect.createSchedule(scheduleInput(ctx)),
    get: (org, id) => org.architect.getSchedule(id),
    update: { method: "PUT", apply: (ctx, id) => ctx.org.architect.replaceSchedule(id, scheduleInput(ctx)) },
    remove: (ctx, id) => ctx.org.architect.deleteSchedule(id),
  });
}
