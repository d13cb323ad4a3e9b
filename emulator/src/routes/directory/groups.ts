import type { GroupRecord } from "../../state/directory/store";
import type { OrgStore } from "../../state/org-store";
import type { ApiRouter } from "../context";
import { param } from "../context";
import { queryList } from "../http";
import type { Models, SdkResponse } from "../sdk";
import { compact, pagedListing } from "../wire";

export const GROUPS_PATH = "/api/v2/groups";
/** SDK `getGroups` page size limit (Platform API docs: 500; unverified here). */
const MAX_GROUPS_PAGE_SIZE = 500;

export interface GroupWire {
  id: string;
  name: string;
  description?: string;
  dateModified: string;
  memberCount: number;
  state: string;
  version: number;
  type: string;
  rulesVisible: boolean;
  visibility: string;
  selfUri: string;
}
type _GroupWire = SdkResponse<Models.Group, GroupWire>;

export function groupToWire(org: OrgStore, g: GroupRecord): GroupWire {
  return compact<GroupWire>({
    id: g.id,
    name: g.name,
    description: g.description,
    dateModified: g.dateModified,
    memberCount: org.directory.groupMembers(g.id).length,
    state: "active",
    version: g.version,
    type: "official",
    rulesVisible: true,
    visibility: "public",
    selfUri: `${GROUPS_PATH}/${g.id}`,
  });
}

/** `GET /api/v2/groups`, `GET /api/v2/groups/{groupId}` (read-only directory). */
export function registerGroupRoutes(router: ApiRouter): void {
  router.add("GET", GROUPS_PATH, (ctx) => ({
    status: 200,
    body: pagedListing(
      ctx,
      GROUPS_PATH,
      MAX_GROUPS_PAGE_SIZE,
      ctx.org.directory.listGroups({ ids: queryList(ctx.query, "id") }),
      (g) => groupToWire(ctx.org, g),
    ),
  }));
  router.add("GET", `${GROUPS_PATH}/{groupId}`, (ctx) => ({
    status: 200,
    body: groupToWire(ctx.org, ctx.org.directory.getGroup(param(ctx, "groupId"))),
  }));
}
