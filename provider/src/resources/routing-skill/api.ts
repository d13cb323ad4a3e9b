import { GenesysClient, isNotFound } from "../../client";
import { RoutingSkill } from "./schema";

/** The calls a routing skill needs (reference §4.1): no PUT, no rename, division via PATCH, soft delete. */
export const skillsApi = {
  list: (c: GenesysClient) => c.listAll("/api/v2/routing/skills", RoutingSkill, { pageSize: 500 }),

  async findByName(c: GenesysClient, name: string): Promise<RoutingSkill | undefined> {
    // `name` filters by prefix: keep the exact, active match.
    const page = await c.listAll("/api/v2/routing/skills", RoutingSkill, { pageSize: 500, query: { name } });
    return page.find((s) => s.name === name && s.state !== "deleted");
  },

  async get(c: GenesysClient, id: string): Promise<RoutingSkill | undefined> {
    try {
      const skill = await c.request({ method: "GET", path: `/api/v2/routing/skills/${encodeURIComponent(id)}`, schema: RoutingSkill });
      return skill.state === "deleted" ? undefined : skill;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },

  create: (c: GenesysClient, body: { name: string; division: { id: string } }) =>
    c.request({ method: "POST", path: "/api/v2/routing/skills", body, schema: RoutingSkill }),

  setDivision: (c: GenesysClient, id: string, divisionId: string) =>
    c.request({ method: "PATCH", path: `/api/v2/routing/skills/${encodeURIComponent(id)}`, body: { divisionId }, schema: RoutingSkill }),

  async delete(c: GenesysClient, id: string): Promise<void> {
    try {
      await c.request({ method: "DELETE", path: `/api/v2/routing/skills/${encodeURIComponent(id)}` });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};
