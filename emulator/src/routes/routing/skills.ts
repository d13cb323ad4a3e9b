import { z } from "zod";
import type { Skill } from "../../state/entities";
import type { OrgStore } from "../../state/org-store";
import type { ApiRouter } from "../context";
import { parseBody, queryList, queryValue } from "../http";
import { addObjectRoutes } from "../objects";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { divisionRef, type DivisionRef } from "../wire";

export const SKILLS_PATH = "/api/v2/routing/skills";

export interface RoutingSkillWire {
  id: string;
  name: string;
  division: DivisionRef;
  dateModified: string;
  state: string;
  version: string;
  selfUri: string;
}
type _RoutingSkillWire = SdkResponse<Models.RoutingSkill, RoutingSkillWire>;

export function skillToWire(org: OrgStore, s: Skill): RoutingSkillWire {
  return {
    id: s.id,
    name: s.name,
    division: divisionRef(org, s.divisionId),
    dateModified: s.dateModified,
    state: s.state,
    version: String(s.version),
    selfUri: `${SKILLS_PATH}/${s.id}`,
  };
}

/**
 * SDK `CreateRoutingSkill {name, divisionId?}` (index.d.ts). Unknown fields are ignored like the real API
 * does, so a `division: {id}` object (the RoutingSkill read shape) is not a division: the skill lands in home.
 */
const createSkillSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  divisionId: z.string({ error: "divisionId must be a string" }).nullish(),
});
type _createSkillSchema = SdkRequest<Models.CreateRoutingSkill, z.input<typeof createSkillSchema>>;

/** `UpdateSkillDivisionRequest`: the only update skills support. */
const patchSkillSchema = z.object({
  divisionId: z.string({ error: "divisionId is required and must be a string" }),
});
type _patchSkillSchema = SdkRequest<Models.UpdateSkillDivisionRequest, z.input<typeof patchSkillSchema>>;

export function registerSkillRoutes(router: ApiRouter): void {
  addObjectRoutes(router, {
    path: SKILLS_PATH,
    idParam: "skillId",
    toWire: skillToWire,
    list: {
      maxPageSize: 500,
      items: (ctx) =>
        ctx.org.routing.listSkills({ name: queryValue(ctx.query, "name"), ids: queryList(ctx.query, "id") }),
    },
    create: (ctx) => {
      const body = parseBody(createSkillSchema, ctx.json());
      return ctx.org.routing.createSkill({ name: body.name, divisionId: body.divisionId ?? undefined });
    },
    get: (org, id) => org.routing.getSkill(id),
    update: {
      method: "PATCH",
      lookupFirst: false,
      apply: (ctx, id) => ctx.org.routing.moveSkill(id, parseBody(patchSkillSchema, ctx.json()).divisionId),
    },
    remove: (ctx, id) => ctx.org.routing.deleteSkill(id),
  });
}
