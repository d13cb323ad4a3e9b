import { z } from "zod";
import { ApiError } from "../state/errors";
import type { WrapupSortBy } from "../state/org-store";
import { pageRequest, paginate } from "../state/paging";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { parseBody, queryList, queryValue } from "./http";
import { sortOrderParam } from "./params";
import { listing, WRAPUPCODES_PATH, wrapupcodeToWire } from "./serialize";
import type { Models, SdkRequest } from "./sdk";

const MAX_PAGE_SIZE = 100;

/** `WrapupCodeRequest` (no version; PUT is a full replace). Read-only fields sent back by clients are ignored. */
const wrapupCodeRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).nullish(),
  description: z.string({ error: "description must be a string" }).nullish(),
});
type _wrapupCodeRequestSchema = SdkRequest<Models.WrapupCodeRequest, z.input<typeof wrapupCodeRequestSchema>>;

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
  router.add("GET", WRAPUPCODES_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    const all = ctx.org.listWrapupcodes({
      name: queryValue(ctx.query, "name"),
      ids: queryList(ctx.query, "id"),
      divisionIds: queryList(ctx.query, "divisionId"),
      sortBy: sortBy(ctx),
      sortOrder: sortOrderParam(ctx.query),
    });
    return {
      status: 200,
      body: listing(
        WRAPUPCODES_PATH,
        ctx.query,
        paginate(
          all.map((w) => wrapupcodeToWire(ctx.org, w)),
          page,
        ),
      ),
    };
  });

  router.add("POST", WRAPUPCODES_PATH, (ctx) => {
    const body = parseBody(wrapupCodeRequestSchema, ctx.json());
    const code = ctx.org.createWrapupcode({
      name: body.name,
      divisionId: body.division?.id,
      description: body.description ?? undefined,
    });
    return { status: 200, body: wrapupcodeToWire(ctx.org, code) };
  });

  router.add("GET", `${WRAPUPCODES_PATH}/{codeId}`, (ctx) => ({
    status: 200,
    body: wrapupcodeToWire(ctx.org, ctx.org.getWrapupcode(param(ctx, "codeId"))),
  }));

  router.add("PUT", `${WRAPUPCODES_PATH}/{codeId}`, (ctx) => {
    const id = param(ctx, "codeId");
    ctx.org.getWrapupcode(id); // 404 before validating the body, like a real lookup-then-update
    const body = parseBody(wrapupCodeRequestSchema, ctx.json());
    const code = ctx.org.replaceWrapupcode(id, {
      name: body.name,
      divisionId: body.division?.id,
      description: body.description ?? undefined,
    });
    return { status: 200, body: wrapupcodeToWire(ctx.org, code) };
  });

  router.add("DELETE", `${WRAPUPCODES_PATH}/{codeId}`, (ctx) => {
    ctx.org.deleteWrapupcode(param(ctx, "codeId"));
    return { status: 204 };
  });
}
