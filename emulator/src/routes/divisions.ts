import { pageRequest, paginate } from "../state/paging";
import type { ApiRouter } from "./context";
import { param } from "./context";
import { queryList, queryValue } from "./http";
import { DIVISIONS_PATH, divisionToWire, listing } from "./serialize";

const MAX_PAGE_SIZE = 100;

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
}
