import { z } from "zod";
import { pageRequest, paginate } from "../state/paging";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { invalidValue } from "../state/errors";
import { parseBody, queryList, queryValue } from "./http";
import { DIVISIONS_PATH, divisionToWire, listing } from "./serialize";
import type { Models, SdkRequest } from "./sdk";

const MAX_PAGE_SIZE = 100;

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
  router.add("GET", DIVISIONS_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    const all = ctx.org.listDivisions({ name: queryValue(ctx.query, "name"), ids: queryList(ctx.query, "id") });
    return { status: 200, body: listing(DIVISIONS_PATH, ctx.query, paginate(all.map(divisionToWire), page)) };
  });
  router.add("GET", `${DIVISIONS_PATH}/home`, (ctx) => ({ status: 200, body: divisionToWire(ctx.org.homeDivision()) }));
  router.add("GET", `${DIVISIONS_PATH}/{divisionId}`, (ctx) => ({
    status: 200,
    body: divisionToWire(ctx.org.getDivision(param(ctx, "divisionId"))),
  }));

  router.add("POST", DIVISIONS_PATH, (ctx) => {
    return { status: 200, body: divisionToWire(ctx.org.createDivision(divisionInput(ctx))) };
  });

  router.add("PUT", `${DIVISIONS_PATH}/{divisionId}`, (ctx) => {
    const id = param(ctx, "divisionId");
    ctx.org.getDivision(id); // 404 before validating the body
    return { status: 200, body: divisionToWire(ctx.org.replaceDivision(id, divisionInput(ctx))) };
  });

  // SDK postAuthorizationDivisionObject: body `Array<string>` of object ids, answers no content.
  router.add("POST", `${DIVISIONS_PATH}/{divisionId}/objects/{objectType}`, (ctx) => {
    const divisionId = param(ctx, "divisionId");
    ctx.org.getDivision(divisionId); // 404 before validating the body
    const ids = parseBody(
      z.array(z.string({ error: "object ids must be strings" }), { error: "the body is an array of object ids" }),
      ctx.json(),
    );
    ctx.org.moveObjectsToDivision(divisionId, param(ctx, "objectType"), ids);
    return { status: 204 };
  });

  // `force` (delete the division's objects too) is not emulated: a non-empty division is always 400.
  router.add("DELETE", `${DIVISIONS_PATH}/{divisionId}`, (ctx) => {
    ctx.org.deleteDivision(param(ctx, "divisionId"));
    return { status: 204 };
  });
}
