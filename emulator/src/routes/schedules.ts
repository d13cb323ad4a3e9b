import { z } from "zod";
import type { ScheduleInput } from "../state/org-store";
import { pageRequest, paginate } from "../state/paging";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { parseBody, queryList, queryValue, withoutNulls } from "./http";
import { choiceParam, sortOrderParam } from "./params";
import { listing, SCHEDULES_PATH, scheduleToWire } from "./serialize";
import type { Models, SdkRequest } from "./sdk";

const MAX_PAGE_SIZE = 500;

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

export function registerScheduleRoutes(router: ApiRouter): void {
  router.add("GET", SCHEDULES_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    choiceParam(ctx.query, "sortBy", ["name"] as const);
    const all = ctx.org.listSchedules({
      name: queryValue(ctx.query, "name"),
      divisionIds: queryList(ctx.query, "divisionId"),
      sortOrder: sortOrderParam(ctx.query),
    });
    return {
      status: 200,
      body: listing(
        SCHEDULES_PATH,
        ctx.query,
        paginate(
          all.map((x) => scheduleToWire(ctx.org, x)),
          page,
        ),
      ),
    };
  });

  router.add("POST", SCHEDULES_PATH, (ctx) => ({
    status: 200,
    body: scheduleToWire(ctx.org, ctx.org.createSchedule(scheduleInput(ctx))),
  }));

  router.add("GET", `${SCHEDULES_PATH}/{scheduleId}`, (ctx) => ({
    status: 200,
    body: scheduleToWire(ctx.org, ctx.org.getSchedule(param(ctx, "scheduleId"))),
  }));

  router.add("PUT", `${SCHEDULES_PATH}/{scheduleId}`, (ctx) => {
    const id = param(ctx, "scheduleId");
    ctx.org.getSchedule(id); // 404 before validating the body
    return { status: 200, body: scheduleToWire(ctx.org, ctx.org.replaceSchedule(id, scheduleInput(ctx))) };
  });

  router.add("DELETE", `${SCHEDULES_PATH}/{scheduleId}`, (ctx) => {
    ctx.org.deleteSchedule(param(ctx, "scheduleId"));
    return { status: 204 };
  });
}
