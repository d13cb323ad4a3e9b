import { z } from "zod";
import type { WrapupCode } from "../../state/entities";
import { ApiError } from "../../state/errors";
import type { OrgStore } from "../../state/org-store";
import type { WrapupCodeInput, WrapupSortBy } from "../../state/routing/store";
import type { ApiContext, ApiRouter } from "../context";
import { parseBody, queryList, queryValue } from "../http";
import { addObjectRoutes } from "../objects";
import { sortOrderParam } from "../params";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { divisionRef, type DivisionRef } from "../wire";

export const WRAPUPCODES_PATH = "/api/v2/routing/wrapupcodes";

export interface WrapupCodeWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  dateCreated: string;
  dateModified: string;
  selfUri: string;
}
type _WrapupCodeWire = SdkResponse<Models.WrapupCode, WrapupCodeWire>;

export function wrapupcodeToWire(org: OrgStore, w: WrapupCode): WrapupCodeWire {
  const wire: WrapupCodeWire = {
    id: w.id,
    name: w.name,
    division: divisionRef(org, w.divisionId),
    dateCreated: w.dateCreated,
    dateModified: w.dateModified,
    selfUri: `${WRAPUPCODES_PATH}/${w.id}`,
  };
  if (w.description !== undefined) wire.description = w.description;
  return wire;
}

/** `WrapupCodeRequest` (no version; PUT is a full replace). Read-only fields sent back by clients are ignored. */
const wrapupCodeRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).nullish(),
  description: z.string({ error: "description must be a string" }).nullish(),
});
type _wrapupCodeRequestSchema = SdkRequest<Models.WrapupCodeRequest, z.input<typeof wrapupCodeRequestSchema>>;

function wrapupCodeInput(ctx: ApiContext): WrapupCodeInput {
  const body = parseBody(wrapupCodeRequestSchema, ctx.json());
  return { name: body.name, divisionId: body.division?.id, description: body.description ?? undefined };
}

function sortBy(ctx: ApiContext): WrapupSortBy | undefined {
  const raw = queryValue(ctx.query, "sortBy");
  if (raw === undefined || raw === "") return undefined;
  if (raw === "name" || raw === "id") return raw;
  throw new ApiError(
    400,
    "invalid.query.param.value",
    `Invalid value for query parameter sortBy: ${raw}. Allowable values are: name, id`,
  );
}

export function registerWrapupcodeRoutes(router: ApiRouter): void {
  addObjectRoutes(router, {
    path: WRAPUPCODES_PATH,
    idParam: "codeId",
    toWire: wrapupcodeToWire,
    list: {
      maxPageSize: 100,
      items: (ctx) =>
        ctx.org.routing.listWrapupcodes({
          name: queryValue(ctx.query, "name"),
          ids: queryList(ctx.query, "id"),
          divisionIds: queryList(ctx.query, "divisionId"),
          sortBy: sortBy(ctx),
          sortOrder: sortOrderParam(ctx.query),
        }),
    },
    create: (ctx) => ctx.org.routing.createWrapupcode(wrapupCodeInput(ctx)),
    get: (org, id) => org.routing.getWrapupcode(id),
    update: { method: "PUT", apply: (ctx, id) => ctx.org.routing.replaceWrapupcode(id, wrapupCodeInput(ctx)) },
    remove: (ctx, id) => ctx.org.routing.deleteWrapupcode(id),
  });
}
