import { GenesysClient } from "../../client";
import { getLive, deleteIfPresent } from "../common";
import { RoutingLanguage, type LanguageBody } from "./schema";

const path = "/api/v2/routing/languages";

/** Routing languages (reference §4.2): create and soft delete only, no update. */
export const languagesApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(path, RoutingLanguage, { pageSize: 100 })).filter((l) => l.state !== "deleted"),
  get: (c: GenesysClient, id: string) => getLive(c, `${path}/${encodeURIComponent(id)}`, RoutingLanguage),
  create: (c: GenesysClient, body: LanguageBody) => c.request({ method: "POST", path, body, schema: RoutingLanguage }),
  remove: (c: GenesysClient, id: string) => deleteIfPresent(c, `${path}/${encodeURIComponent(id)}`),
};
