import { z } from "zod";
import type { ScheduleGroupInput } from "../state/org-store";
import { pageRequest, paginate } from "../state/paging";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { parseBody, queryList, queryValue, withoutNulls } from "./http";
import { choiceParam, sortOrderParam } from "./params";
import { listing, SCHEDULEGROUPS_PATH, scheduleGroupToWire } from "./serialize";
import type { Models, SdkRequest } from "./sdk";

const MAX_PAGE_SIZE = 500;

const scheduleRefsSchema = z
  .array(z.object({ id: z.string({ error: "id is required and must be a string" }) }))
  .optional();

/** Architect `ScheduleGroup` as a request. `version` is required by PUT only; state, dates and selfUri are ignored. */
const scheduleGroupRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
  description: z.string().optional(),
  version: z.number().int().optional(),
  timeZone: z.string().optional(),
  // TF architect_schedulegroups schema: open_schedules_id is Required (a group needs open hours).
  openSchedules: z
    .array(z.object({ id: z.string({ error: "id is required and must be a string" }) }), {
      error: "openSchedules is required",
    })
    .min(1, "a schedule group needs at least one open schedule"),
  closedSchedules: scheduleRefsSchema,
  holidaySchedules: scheduleRefsSchema,
});
type _scheduleGroupRequestSchema = SdkRequest<Models.ScheduleGroup, z.input<typeof scheduleGroupRequestSchema>>;

function groupInput(ctx: ApiContext): ScheduleGroupInput & { version?: number } {
  const body = parseBody(scheduleGroupRequestSchema, withoutNulls(ctx.json()));
  const ids = (refs: { id: string }[] | undefined) => refs?.map((r) => r.id);
  return {
    name: body.name,
    divisionId: body.division?.id,
    description: body.description,
    version: body.version,
    timeZone: body.timeZone,
    openScheduleIds: ids(body.openSchedules),
    closedScheduleIds: ids(body.closedSchedules),
    holidayScheduleIds: ids(body.holidaySchedules),
  };
}

export function registerScheduleGroupRoutes(router: ApiRouter): void {
  router.add("GET", SCHEDULEGROUPS_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    choiceParam(ctx.query, "sortBy", ["name"] as const);
    const all = ctx.org.listScheduleGroups({
      name: queryValue(ctx.query, "name"),
      divisionIds: queryList(ctx.query, "divisionId"),
      scheduleIds: queryList(ctx.query, "scheduleIds"),
      sortOrder: sortOrderParam(ctx.query),
    });
    return {
      status: 200,
      body: listing(
        SCHEDULEGROUPS_PATH,
        ctx.query,
        paginate(
          all.map((g) => scheduleGroupToWire(ctx.org, g)),
          page,
        ),
      ),
    };
  });

  router.add("POST", SCHEDULEGROUPS_PATH, (ctx) => ({
    status: 200,
    body: scheduleGroupToWire(ctx.org, ctx.org.createScheduleGroup(groupInput(ctx))),
  }));

  router.add("GET", `${SCHEDULEGROUPS_PATH}/{scheduleGroupId}`, (ctx) => ({
    status: 200,
    body: scheduleGroupToWire(ctx.org, ctx.org.getScheduleGroup(param(ctx, "scheduleGroupId"))),
  }));

  router.add("PUT", `${SCHEDULEGROUPS_PATH}/{scheduleGroupId}`, (ctx) => {
    const id = param(ctx, "scheduleGroupId");
    ctx.org.getScheduleGroup(id); // 404 before validating the body
    return { status: 200, body: scheduleGroupToWire(ctx.org, ctx.org.replaceScheduleGroup(id, groupInput(ctx))) };
  });

  router.add("DELETE", `${SCHEDULEGROUPS_PATH}/{scheduleGroupId}`, (ctx) => {
    ctx.org.deleteScheduleGroup(param(ctx, "scheduleGroupId"));
    return { status: 204 };
  });
}
