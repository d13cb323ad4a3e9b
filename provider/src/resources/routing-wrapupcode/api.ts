import { GenesysClient, isNotFound } from "../../client";
import { WrapupCode } from "./schema";

type Body = { name: string; division: { id: string }; description?: string };

/** The calls a wrap-up code needs (reference §4.3): PUT is a full replace, delete is hard. */
export const wrapupCodesApi = {
  list: (c: GenesysClient) => c.listAll("/api/v2/routing/wrapupcodes", WrapupCode, { pageSize: 100, query: { sortBy: "name" } }),

  async findByName(c: GenesysClient, name: string): Promise<WrapupCode | undefined> {
    const page = await c.listAll("/api/v2/routing/wrapupcodes", WrapupCode, { pageSize: 100, query: { name } });
    return page.find((w) => w.name === name);
  },

  async get(c: GenesysClient, id: string): Promise<WrapupCode | undefined> {
    try {
      return await c.request({ method: "GET", path: `/api/v2/routing/wrapupcodes/${encodeURIComponent(id)}`, schema: WrapupCode });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },

  create: (c: GenesysClient, body: Body) =>
    c.request({ method: "POST", path: "/api/v2/routing/wrapupcodes", body, schema: WrapupCode }),

  replace: (c: GenesysClient, id: string, body: Body) =>
    c.request({ method: "PUT", path: `/api/v2/routing/wrapupcodes/${encodeURIComponent(id)}`, body, schema: WrapupCode }),

  async delete(c: GenesysClient, id: string): Promise<void> {
    try {
      await c.request({ method: "DELETE", path: `/api/v2/routing/wrapupcodes/${encodeURIComponent(id)}` });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};
