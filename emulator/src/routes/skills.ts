import { z } from "zod";
import { pageRequest, paginate } from "../state/paging";
import type { ApiRouter } from "./context";
import { param } from "./context";
import { parseBody, queryList, queryValue } from "./http";
import { listing, SKILLS_PATH, skillToWire } from "./serialize";
import type { Models, SdkRequest } from "./sdk";

const MAX_PAGE_SIZE = 500;

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
  router.add("GET", SKILLS_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    const all = ctx.org.listSkills({ name: queryValue(ctx.query, "name"), ids: queryList(ctx.query, "id") });
    return {
      status: 200,
      body: listing(
        SKILLS_PATH,
        ctx.query,
        paginate(
          all.map((s) => skillToWire(ctx.org, s)),
          page,
        ),
      ),
    };
  });

  router.add("POST", SKILLS_PATH, (ctx) => {
    const body = parseBody(createSkillSchema, ctx.json());
    const skill = ctx.org.createSkill({ name: body.name, divisionId: body.divisionId ?? undefined });
    return { status: 200, body: skillToWire(ctx.org, skill) };
  });

  router.add("GET", `${SKILLS_PATH}/{skillId}`, (ctx) => ({
    status: 200,
    body: skillToWire(ctx.org, ctx.org.getSkill(param(ctx, "skillId"))),
  }));

  router.add("PATCH", `${SKILLS_PATH}/{skillId}`, (ctx) => {
    const body = parseBody(patchSkillSchema, ctx.json());
    return { status: 200, body: skillToWire(ctx.org, ctx.org.moveSkill(param(ctx, "skillId"), body.divisionId)) };
  });

  router.add("DELETE", `${SKILLS_PATH}/{skillId}`, (ctx) => {
    ctx.org.deleteSkill(param(ctx, "skillId"));
    return { status: 204 };
  });
}
