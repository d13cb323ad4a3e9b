import { GenesysClient } from "../../client";
import { getLive, deleteIfPresent, sameName } from "../common";
import { WrapupCode, type WrapupCodeBody as Body } from "./schema";

/** The calls a wrap-up code needs (reference §4.3): PUT is a full replace, delete is hard. */
export const wrapupCodesApi = {
  list: (c: GenesysClient) =>
    c.listAll("/api/v2/routing/wrapupcodes", WrapupCode, { pageSize: 100, query: { sortBy: "name" } }),

  async findByName(c: GenesysClient, name: string): Promise<WrapupCode | undefined> {
    const page = await c.listAll("/api/v2/routing/wrapupcodes", WrapupCode, { pageSize: 100, query: { name } });
    return page.find((w) => sameName(w.name, name));
  },

  get: (c: GenesysClient, id: string) =>
    getLive(c, `/api/v2/routing/wrapupcodes/${encodeURIComponent(id)}`, WrapupCode),

  create: (c: GenesysClient, body: Body) =>
    c.request({ method: "POST", path: "/api/v2/routing/wrapupcodes", body, schema: WrapupCode }),

  replace: (c: GenesysClient, id: string, body: Body) =>
    c.request({
      method: "PUT",
      path: `/api/v2/routing/wrapupcodes/${encodeURIComponent(id)}`,
      body,
      schema: WrapupCode,
    }),

  delete: (c: GenesysClient, id: string) => deleteIfPresent(c, `/api/v2/routing/wrapupcodes/${encodeURIComponent(id)}`),
};
