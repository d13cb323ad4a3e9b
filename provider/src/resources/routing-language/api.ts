import { GenesysClient, isNotFound } from "../../client";
import { RoutingLanguage } from "./schema";

const path = "/api/v2/routing/languages";

/** Routing languages (reference §4.2): create and soft delete only, no update. */
export const languagesApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(path, RoutingLanguage, { pageSize: 500 })).filter((l) => l.state !== "deleted"),
  async get(c: GenesysClient, id: string) {
    try {
      const l = await c.request({ method: "GET", path: `${path}/${encodeURIComponent(id)}`, schema: RoutingLanguage });
      return l.state === "deleted" ? undefined : l;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },
  create: (c: GenesysClient, body: { name: string }) => c.request({ method: "POST", path, body, schema: RoutingLanguage }),
  async remove(c: GenesysClient, id: string) {
    try {
      await c.request({ method: "DELETE", path: `${path}/${encodeURIComponent(id)}` });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};
