import { z } from "zod";
import type { Division } from "../../state/entities";
import { invalidValue } from "../../state/errors";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryList, queryValue } from "../http";
import { addObjectRoutes } from "../objects";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { DIVISIONS_PATH } from "../wire";

export interface AuthzDivisionWire {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
  selfUri: string;
}
type _AuthzDivisionWire = SdkResponse<Models.AuthzDivision, AuthzDivisionWire>;

export function divisionToWire(d: Division): AuthzDivisionWire {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    homeDivision: d.homeDivision,
    selfUri: `${DIVISIONS_PATH}/${d.id}`,
  };
}

/** `AuthzDivision` as a request: name and description; homeDivision, objectCounts and other read-only fields are ignored. */
const divisionRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  description: z.string({ error: "description must be a string" }).nullish(),
});
type _divisionRequestSchema = SdkRequest<Models.AuthzDivision, z.input<typeof divisionRequestSchema>>;

/**
 * The SDK's AuthzDivision requires `description` and Terraform always sends one ("" when unset); whether the
 * real API rejects a body without it is unverified: knob `divisionDescriptionRequired`.
 */
function divisionInput(ctx: ApiContext): { name: string; description?: string } {
  const body = parseBody(divisionRequestSchema, ctx.json());
  if (typeof body.description !== "string" && ctx.org.settings.divisionDescriptionRequired) {
    throw invalidValue("description", "description is required and must be a string");
  }
  return { name: body.name, description: body.description ?? undefined };
}

export function registerDivisionRoutes(router: ApiRouter): void {
  addObjectRoutes(router, {
    path: DIVISIONS_PATH,
    idParam: "divisionId",
    toWire: (_org, d: Division) => divisionToWire(d),
    list: {
      maxPageSize: 100,
      items: (ctx) =>
        ctx.org.auth.listDivisions({ name: queryValue(ctx.query, "name"), ids: queryList(ctx.query, "id") }),
    },
    create: (ctx) => ctx.org.auth.createDivision(divisionInput(ctx)),
    get: (org, id) => org.auth.getDivision(id),
    update: { method: "PUT", apply: (ctx, id) => ctx.org.auth.replaceDivision(id, divisionInput(ctx)) },
    // `force` (delete the division's objects too) is not emulated: a non-empty division is always 400.
    remove: (ctx, id) => ctx.org.deleteDivision(id),
  });
  router.add("GET", `${DIVISIONS_PATH}/home`, (ctx) => ({
    status: 200,
    body: divisionToWire(ctx.org.auth.homeDivision()),
  }));

  // SDK postAuthorizationDivisionObject: body `Array<string>` of object ids, answers no content.
  router.add("POST", `${DIVISIONS_PATH}/{divisionId}/objects/{objectType}`, (ctx) => {
    const divisionId = param(ctx, "divisionId");
    ctx.org.auth.getDivision(divisionId); // 404 before validating the body
    const ids = parseBody(
      z.array(z.string({ error: "object ids must be strings" }), { error: "the body is an array of object ids" }),
      ctx.json(),
    );
    ctx.org.moveObjectsToDivision(divisionId, param(ctx, "objectType"), ids);
    return { status: 204 };
  });
}
