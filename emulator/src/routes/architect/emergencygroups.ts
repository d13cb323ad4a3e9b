import { z } from "zod";
import type { EmergencyGroupInput, EmergencyGroupRecord } from "../../state/architect/emergencygroups";
import type { OrgStore } from "../../state/org-store";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryList, queryValue, withoutNulls } from "../http";
import { choiceParam } from "../params";
import { divisionRef, listing, pageRequest, paginate, type ArchitectObjectWire } from "../wire";
import type { Models, SdkRequest, SdkResponse } from "../sdk";

export const EMERGENCYGROUPS_PATH = "/api/v2/architect/emergencygroups";
const MAX_PAGE_SIZE = 500;

interface EntityRef {
  id: string;
  selfUri?: string;
}

export interface EmergencyGroupWire extends ArchitectObjectWire {
  enabled: boolean;
  emergencyCallFlows: { emergencyFlow: EntityRef; ivrs: EntityRef[] }[];
  selfUri: string;
}
type _EmergencyGroupWire = SdkResponse<Models.EmergencyGroup, EmergencyGroupWire>;

const ref = z.object({ id: z.string({ error: "id is required and must be a string" }) });

/** `EmergencyGroup` as a request: `version` is required by PUT only; state, dates and selfUri are ignored. */
const emergencyGroupRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
  description: z.string().optional(),
  version: z.number().int().optional(),
  enabled: z.boolean({ error: "enabled must be a boolean" }).optional(),
  emergencyCallFlows: z.array(z.object({ emergencyFlow: ref.optional(), ivrs: z.array(ref).optional() })).optional(),
});
type _emergencyGroupRequestSchema = SdkRequest<Models.EmergencyGroup, z.input<typeof emergencyGroupRequestSchema>>;

function groupInput(ctx: ApiContext): EmergencyGroupInput {
  const body = parseBody(emergencyGroupRequestSchema, withoutNulls(ctx.json()));
  return {
    name: body.name,
    divisionId: body.division?.id,
    description: body.description,
    version: body.version,
    enabled: body.enabled,
    callFlows: (body.emergencyCallFlows ?? [])
      .filter((c) => c.emergencyFlow !== undefined)
      .map((c) => ({ flowId: c.emergencyFlow!.id, ivrIds: (c.ivrs ?? []).map((i) => i.id) })),
  };
}

export function emergencyGroupToWire(org: OrgStore, g: EmergencyGroupRecord): EmergencyGroupWire {
  const wire: EmergencyGroupWire = {
    id: g.id,
    name: g.name,
    division: divisionRef(org, g.divisionId),
    version: g.version,
    dateCreated: g.dateCreated,
    dateModified: g.dateModified,
    state: g.state,
    enabled: g.enabled,
    emergencyCallFlows: g.callFlows.map((c) => ({
      emergencyFlow: { id: c.flowId, selfUri: `/api/v2/flows/${c.flowId}` },
      ivrs: c.ivrIds.map((id) => ({ id, selfUri: `/api/v2/architect/ivrs/${id}` })),
    })),
    selfUri: `${EMERGENCYGROUPS_PATH}/${g.id}`,
  };
  if (g.description) wire.description = g.description;
  return wire;
}

export function registerEmergencyGroupRoutes(router: ApiRouter): void {
  router.add("GET", EMERGENCYGROUPS_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    choiceParam(ctx.query, "sortBy", ["name"] as const);
    const all = ctx.org.architect.emergencyGroups.list({
      name: queryValue(ctx.query, "name"),
      divisionIds: queryList(ctx.query, "divisionId"),
    });
    return {
      status: 200,
      body: listing(
        EMERGENCYGROUPS_PATH,
        ctx.query,
        paginate(
          all.map((g) => emergencyGroupToWire(ctx.org, g)),
          page,
        ),
      ),
    };
  });

  router.add("POST", EMERGENCYGROUPS_PATH, (ctx) => ({
    status: 200,
    body: emergencyGroupToWire(ctx.org, ctx.org.architect.emergencyGroups.create(groupInput(ctx))),
  }));

  router.add("GET", `${EMERGENCYGROUPS_PATH}/{emergencyGroupId}`, (ctx) => ({
    status: 200,
    body: emergencyGroupToWire(ctx.org, ctx.org.architect.emergencyGroups.get(param(ctx, "emergencyGroupId"))),
  }));

  router.add("PUT", `${EMERGENCYGROUPS_PATH}/{emergencyGroupId}`, (ctx) => {
    const id = param(ctx, "emergencyGroupId");
    ctx.org.architect.emergencyGroups.get(id); // 404 before validating the body
    return {
      status: 200,
      body: emergencyGroupToWire(ctx.org, ctx.org.architect.emergencyGroups.replace(id, groupInput(ctx))),
    };
  });

  router.add("DELETE", `${EMERGENCYGROUPS_PATH}/{emergencyGroupId}`, (ctx) => {
    ctx.org.architect.emergencyGroups.remove(param(ctx, "emergencyGroupId"));
    return { status: 204 };
  });
}
