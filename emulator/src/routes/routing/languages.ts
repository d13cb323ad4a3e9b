import { z } from "zod";
import type { Language } from "../../state/entities";
import type { ApiRouter } from "../context";
import { parseBody, queryList, queryValue } from "../http";
import { addObjectRoutes } from "../objects";
import { sortOrderParam } from "../params";
import type { Models, SdkRequest, SdkResponse } from "../sdk";

export const LANGUAGES_PATH = "/api/v2/routing/languages";

export interface LanguageWire {
  id: string;
  name: string;
  dateModified: string;
  state: string;
  version: string;
  selfUri: string;
}
type _LanguageWire = SdkResponse<Models.Language, LanguageWire>;

export function languageToWire(l: Language): LanguageWire {
  return {
    id: l.id,
    name: l.name,
    dateModified: l.dateModified,
    state: l.state,
    version: String(l.version),
    selfUri: `${LANGUAGES_PATH}/${l.id}`,
  };
}

/** `Language {name}`; read-only fields sent back are ignored. There is no update (PUT / PATCH are 404). */
const createLanguageSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
});
type _createLanguageSchema = SdkRequest<Models.Language, z.input<typeof createLanguageSchema>>;

export function registerLanguageRoutes(router: ApiRouter): void {
  addObjectRoutes(router, {
    path: LANGUAGES_PATH,
    idParam: "languageId",
    toWire: (_org, l: Language) => languageToWire(l),
    list: {
      maxPageSize: 500,
      items: (ctx) =>
        ctx.org.routing.listLanguages({
          name: queryValue(ctx.query, "name"),
          ids: queryList(ctx.query, "id"),
          sortOrder: sortOrderParam(ctx.query),
        }),
    },
    create: (ctx) => ctx.org.routing.createLanguage({ name: parseBody(createLanguageSchema, ctx.json()).name }),
    get: (org, id) => org.routing.getLanguage(id),
    remove: (ctx, id) => ctx.org.routing.deleteLanguage(id),
  });
}
