import { z } from "zod";
import type { ScheduleGroupInput } from "../../state/architect/store";
import type { ScheduleGroup } from "../../state/entities";
import type { OrgStore } from "../../state/org-store";
import type { ApiContext, ApiRouter } from "../context";
import { parseBody, queryList, withoutNulls } from "../http";
import { addObjectRoutes } from "../objects";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { compact, divisionRef, type RefWire, type ArchitectObjectWire, namedRef } from "../wire";
import { architectFilter, SCHEDULES_PATH } from "./schedules";

export const SCHEDULEGROUPS_PATH = "/api/v2/architect/schedulegroups";

export interface ScheduleGroupWire extends ArchitectObjectWire {
  timeZone?: string;
  openSchedules: RefWire[];
  closedSchedules: RefWire[];
  holidaySchedules: RefWire[];
  selfUri: string;
}
type _ScheduleGroupWire = SdkResponse<Models.ScheduleGroup, ScheduleGroupWire>;

function scheduleRef(org: OrgStore, id: string): RefWire {
  return namedRef(SCHEDULES_PATH, id, (x) => org.architect.getSchedule(x).name);
}

export function scheduleGroupToWire(org: OrgStore, g: ScheduleGroup): ScheduleGroupWire {
  return compact<ScheduleGroupWire>({
    id: g.id,
    name: g.name,
    division: divisionRef(org, g.divisionId),
    description: g.description,
    version: g.version,
    dateCreated: g.dateCreated,
    dateModified: g.dateModified,
    state: g.state,
    timeZone: g.timeZone,
    openSchedules: g.openScheduleIds.map((id) => scheduleRef(org, id)),
    closedSchedules: g.closedScheduleIds.map((id) => scheduleRef(org, id)),
    holidaySchedules: g.holidayScheduleIds.map((id) => scheduleRef(org, id)),
    selfUri: `${SCHEDULEGROUPS_PATH}/${g.id}`,
  });
}

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
  addObjectRoutes(router, {
    path: SCHEDULEGROUPS_PATH,
    idParam: "scheduleGroupId",
    toWire: scheduleGroupToWire,
    list: {
      maxPageSize: 500,
      items: (ctx) =>
        ctx.org.architect.listScheduleGroups({
          ...architectFilter(ctx.query),
          scheduleIds: queryList(ctx.query, "scheduleIds"),
        }),
    },
    create: (ctx) => ctx.org.architect.createScheduleGroup(groupInput(ctx)),
    get: (org, id) => org.architect.getScheduleGroup(id),
    update: { method: "PUT", apply: (ctx, id) => ctx.org.architect.replaceScheduleGroup(id, groupInput(ctx)) },
    remove: (ctx, id) => ctx.org.architect.deleteScheduleGroup(id),
  });
}
