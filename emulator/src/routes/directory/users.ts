import { z } from "zod";
import type { UserRecord } from "../../state/directory/store";
import { invalidValue } from "../../state/errors";
import type { OrgStore } from "../../state/org-store";
import type { ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryList, queryValue } from "../http";
import { choiceParam } from "../params";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { divisionRef, pagedListing, type DivisionRef } from "../wire";

export const USERS_PATH = "/api/v2/users";
/** SDK `getUsers` / `postUsersSearch` page size limits: 500 and 100 (Platform API docs; unverified here). */
const MAX_USERS_PAGE_SIZE = 500;
const MAX_SEARCH_PAGE_SIZE = 100;

export interface UserWire {
  id: string;
  name: string;
  division: DivisionRef;
  email: string;
  username: string;
  state: string;
  version: number;
  selfUri: string;
}
type _UserWire = SdkResponse<Models.User, UserWire>;

export function userToWire(org: OrgStore, u: UserRecord): UserWire {
  return {
    id: u.id,
    name: u.name,
    division: divisionRef(org, u.divisionId),
    email: u.email,
    username: u.email,
    state: u.state,
    version: u.version,
    selfUri: `${USERS_PATH}/${u.id}`,
  };
}

/**
 * UserSearchRequest as the official clients send it to find a user by email (Terraform's `genesyscloud_user`
 * data source: `{type: "EXACT", fields: ["email"], value}`): EXACT criteria on email, name or id, `value` or
 * `values`. Other criteria types are not emulated (400).
 */
const searchSchema = z.object({
  pageSize: z.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).optional(),
  pageNumber: z.number().int().min(1).optional(),
  query: z
    .array(
      z.object({
        type: z.string(),
        fields: z.array(z.string()).optional(),
        value: z.string().optional(),
        values: z.array(z.string()).optional(),
      }),
    )
    .min(1, "query must have at least one criterion"),
});
type _searchSchema = SdkRequest<Models.UserSearchRequest, z.input<typeof searchSchema>>;

export interface UsersSearchResponseWire {
  total: number;
  pageCount: number;
  pageSize: number;
  pageNumber: number;
  types: string[];
  results: UserWire[];
}
type _UsersSearchResponseWire = SdkResponse<Models.UsersSearchResponse, UsersSearchResponseWire>;

/** `GET /api/v2/users`, `GET /api/v2/users/{userId}`, `POST /api/v2/users/search` (read-only directory). */
export function registerUserRoutes(router: ApiRouter): void {
  router.add("GET", USERS_PATH, (ctx) => {
    const state = choiceParam(ctx.query, "state", ["active", "inactive", "deleted", "any"] as const);
    const users = ctx.org.directory.listUsers({ ids: queryList(ctx.query, "id"), state });
    if (queryValue(ctx.query, "sortOrder")?.toLowerCase().startsWith("desc")) users.reverse();
    return {
      status: 200,
      body: pagedListing(ctx, USERS_PATH, MAX_USERS_PAGE_SIZE, users, (u) => userToWire(ctx.org, u)),
    };
  });
  router.add("GET", `${USERS_PATH}/{userId}`, (ctx) => ({
    status: 200,
    body: userToWire(ctx.org, ctx.org.directory.getUser(param(ctx, "userId"))),
  }));
  router.add("POST", `${USERS_PATH}/search`, (ctx) => {
    const req = parseBody(searchSchema, ctx.json());
    let found: UserRecord[] | undefined;
    req.query.forEach((c, i) => {
      if (c.type.toUpperCase() !== "EXACT")
        throw invalidValue(`query[${i}].type`, `Search criteria type ${c.type} is not emulated (only EXACT)`);
      const values = [...(c.values ?? []), ...(c.value !== undefined ? [c.value] : [])];
      const hits = ctx.org.directory.searchExact(c.fields ?? ["email"], values);
      // criteria are ANDed
      found = found === undefined ? hits : found.filter((u) => hits.includes(u));
    });
    const all = found ?? [];
    const pageSize = req.pageSize ?? 25;
    const pageNumber = req.pageNumber ?? 1;
    const body: UsersSearchResponseWire = {
      total: all.length,
      pageCount: Math.ceil(all.length / pageSize),
      pageSize,
      pageNumber,
      types: ["users"],
      results: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((u) => userToWire(ctx.org, u)),
    };
    return { status: 200, body };
  });
}
