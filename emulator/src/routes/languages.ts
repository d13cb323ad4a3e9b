import { z } from "zod";
import { pageRequest, paginate } from "../state/paging";
import type { ApiRouter } from "./context";
import { param } from "./context";
import { parseBody, queryList, queryValue } from "./http";
import { sortOrderParam } from "./params";
import { LANGUAGES_PATH, languageToWire, listing } from "./serialize";
import type { Models, SdkRequest } from "./sdk";

const MAX_PAGE_SIZE = 500;

/** `Language {name}`; read-only fields sent back are ignored. There is no update (PUT / PATCH are 404). */
const createLanguageSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
});
type _createLanguageSchema = SdkRequest<Models.Language, z.input<typeof createLanguageSchema>>;

export function registerLanguageRoutes(router: ApiRouter): void {
  router.add("GET", LANGUAGES_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    const all = ctx.org.listLanguages({
      name: queryValue(ctx.query, "name"),
      ids: queryList(ctx.query, "id"),
      sortOrder: sortOrderParam(ctx.query),
    });
    return { status: 200, body: listing(LANGUAGES_PATH, ctx.query, paginate(all.map(languageToWire), page)) };
  });

  router.add("POST", LANGUAGES_PATH, (ctx) => {
    const body = parseBody(createLanguageSchema, ctx.json());
    return { status: 200, body: languageToWire(ctx.org.createLanguage({ name: body.name })) };
  });

  router.add("GET", `${LANGUAGES_PATH}/{languageId}`, (ctx) => ({
    status: 200,
    body: languageToWire(ctx.org.getLanguage(param(ctx, "languageId"))),
  }));

  router.add("DELETE", `${LANGUAGES_PATH}/{languageId}`, (ctx) => {
    ctx.org.deleteLanguage(param(ctx, "languageId"));
    return { status: 204 };
  });
}
