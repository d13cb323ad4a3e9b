import { GenesysClient } from "../../client";
import { getLive, deleteIfPresent, sameName } from "../common";
import { RoutingSkill } from "./schema";
import type { Models } from "../../sdk";

/** The calls a routing skill needs (reference §4.1): no PUT, no rename, division via PATCH, soft delete. */
export const skillsApi = {
  list: (c: GenesysClient) => c.listAll("/api/v2/routing/skills", RoutingSkill, { pageSize: 500 }),

  async findByName(c: GenesysClient, name: string): Promise<RoutingSkill | undefined> {
    // `name` filters by prefix: keep the exact, active match.
    const page = await c.listAll("/api/v2/routing/skills", RoutingSkill, { pageSize: 500, query: { name } });
    return page.find((s) => sameName(s.name, name) && s.state !== "deleted");
  },

  get: (c: GenesysClient, id: string) => getLive(c, `/api/v2/routing/skills/${encodeURIComponent(id)}`, RoutingSkill),

  /** SDK `CreateRoutingSkill` is `{name, divisionId}`; a `division: {id}` object would be ignored (home). */
  create: (c: GenesysClient, body: { name: string; division: { id: string } }) =>
    c.request({
      method: "POST",
      path: "/api/v2/routing/skills",
      body: { name: body.name, divisionId: body.division.id } satisfies Models.CreateRoutingSkill,
      schema: RoutingSkill,
    }),

  setDivision: (c: GenesysClient, id: string, divisionId: string) =>
    c.request({
      method: "PATCH",
      path: `/api/v2/routing/skills/${encodeURIComponent(id)}`,
      body: { divisionId } satisfies Models.UpdateSkillDivisionRequest,
      schema: RoutingSkill,
    }),

  delete: (c: GenesysClient, id: string) => deleteIfPresent(c, `/api/v2/routing/skills/${encodeURIComponent(id)}`),
};
