import { z } from "zod";
import type { IvrInput } from "../../state/architect/ivrs";
import type { Ivr } from "../../state/entities";
import type { OrgStore } from "../../state/org-store";
import type { ApiContext, ApiRouter } from "../context";
import { parseBody, queryValue, withoutNulls } from "../http";
import { addObjectRoutes } from "../objects";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { compact, divisionRef, type RefWire, type ArchitectObjectWire, namedRef } from "../wire";
import { SCHEDULEGROUPS_PATH } from "./schedulegroups";
import { architectFilter } from "./schedules";

export const IVRS_PATH = "/api/v2/architect/ivrs";
const FLOWS_PATH = "/api/v2/flows";

export interface IvrWire extends ArchitectObjectWire {
  dnis: string[];
  openHoursFlow?: RefWire;
  closedHoursFlow?: RefWire;
  holidayHoursFlow?: RefWire;
  scheduleGroup?: RefWire;
  selfUri: string;
}
type _IvrWire = SdkResponse<Models.IVR, IvrWire>;

function flowRef(org: OrgStore, id: string | undefined): RefWire | undefined {
  if (id === undefined) return undefined;
  return compact({ id, name: org.architect.flows.findFlow(id)?.name, selfUri: `${FLOWS_PATH}/${id}` });
}

function groupRef(org: OrgStore, id: string | undefined): RefWire | undefined {
  return id === undefined
    ? undefined
    : namedRef(SCHEDULEGROUPS_PATH, id, (x) => org.architect.getScheduleGroup(x).name);
}

export function ivrToWire(org: OrgStore, x: Ivr): IvrWire {
  return compact<IvrWire>({
    id: x.id,
    name: x.name,
    division: divisionRef(org, x.divisionId),
    description: x.description,
    version: x.version,
    dateCreated: x.dateCreated,
    dateModified: x.dateModified,
    state: x.state,
    dnis: [...x.dnis],
    openHoursFlow: flowRef(org, x.openHoursFlowId),
    closedHoursFlow: flowRef(org, x.closedHoursFlowId),
    holidayHoursFlow: flowRef(org, x.holidayHoursFlowId),
    scheduleGroup: groupRef(org, x.scheduleGroupId),
    selfUri: `${IVRS_PATH}/${x.id}`,
  });
}

const idRef = z.object({ id: z.string({ error: "id is required and must be a string" }) }).optional();

/** Architect `IVR` as a request. `version` is required by PUT only; state, dates and selfUri are ignored. */
const ivrRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
  description: z.string().optional(),
  version: z.number().int().optional(),
  dnis: z.array(z.string({ error: "each DID in dnis must be a string" })).optional(),
  openHoursFlow: idRef,
  closedHoursFlow: idRef,
  holidayHoursFlow: idRef,
  scheduleGroup: idRef,
});
type _ivrRequestSchema = SdkRequest<Models.IVR, z.input<typeof ivrRequestSchema>>;

function ivrInput(ctx: ApiContext): IvrInput & { version?: number } {
  const body = parseBody(ivrRequestSchema, withoutNulls(ctx.json()));
  return compact({
    name: body.name,
    divisionId: body.division?.id,
    description: body.description,
    version: body.version,
    dnis: body.dnis,
    openHoursFlowId: body.openHoursFlow?.id,
    closedHoursFlowId: body.closedHoursFlow?.id,
    holidayHoursFlowId: body.holidayHoursFlow?.id,
    scheduleGroupId: body.scheduleGroup?.id,
  });
}

/** SDK `getArchitectIvrs` (name, dnis, sortOrder), `postArchitectIvrs`, `get/put/deleteArchitectIvr`. */
export function registerIvrRoutes(router: ApiRouter): void {
  addObjectRoutes(router, {
    path: IVRS_PATH,
    idParam: "ivrId",
    toWire: ivrToWire,
    list: {
      maxPageSize: 500,
      items: (ctx) =>
        ctx.org.architect.ivrs.list({ ...architectFilter(ctx.query), dnis: queryValue(ctx.query, "dnis") }),
    },
    create: (ctx) => ctx.org.architect.ivrs.create(ivrInput(ctx)),
    get: (org, id) => org.architect.ivrs.get(id),
    update: { method: "PUT", apply: (ctx, id) => ctx.org.architect.ivrs.replace(id, ivrInput(ctx)) },
    remove: (ctx, id) => ctx.org.architect.ivrs.remove(id),
  });
}
