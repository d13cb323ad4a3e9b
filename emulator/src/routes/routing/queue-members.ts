import { z } from "zod";
import type { UserRecord } from "../../state/directory/store";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryValue } from "../http";
import { booleanParam, choiceParam } from "../params";
import type { Models, SdkRequest, SdkResponse } from "../sdk";
import { listing, pageRequest, paginate, type EntityListing } from "../wire";
import { userToWire, USERS_PATH, type UserWire } from "../directory/users";
import { QUEUES_PATH } from "./queues";

/** Terraform pages members 100 at a time (routing_queue `getRoutingQueueMembers`); the API's own cap is unverified. */
const MAX_MEMBERS_PAGE_SIZE = 100;

export interface QueueMemberWire {
  id: string;
  name: string;
  user: UserWire;
  ringNumber: number;
  joined: boolean;
  memberBy: "user" | "group";
  selfUri: string;
}
type _QueueMemberWire = SdkResponse<Models.QueueMember, QueueMemberWire>;

/** QueueMemberEntityListing: unlike most listings it has no total or pageCount (Terraform pages until an empty page). */
export type QueueMemberListingWire = Omit<EntityListing<QueueMemberWire>, "total" | "pageCount" | "lastUri">;
type _QueueMemberListingWire = SdkResponse<Models.QueueMemberEntityListing, QueueMemberListingWire>;

/** `[{"id": userId}, …]` (WritableEntity[]). */
const membersBodySchema = z.array(z.object({ id: z.string({ error: "id is required and must be a string" }) }));
type _membersBodySchema = SdkRequest<Models.WritableEntity[], z.input<typeof membersBodySchema>>;

/** QueueMember as PATCH takes it: the ring number is what changes (Terraform `updateQueueUserRingNum`). */
const memberPatchSchema = z.object({
  id: z.string().optional(),
  // TF routing_queue `members.ring_num`: "between 1 and 6" (the bullseye rings).
  ringNumber: z.number().int().min(1, "must be between 1 and 6").max(6, "must be between 1 and 6"),
});
type _memberPatchSchema = SdkRequest<Models.QueueMember, z.input<typeof memberPatchSchema>>;

/** Every member of a queue: direct ones (`user`), then group members who are not direct ones (`group`). */
function members(ctx: ApiContext, queueId: string): QueueMemberWire[] {
  const org = ctx.org;
  const q = org.routing.getQueue(queueId);
  const wire = (u: UserRecord, ringNumber: number, memberBy: "user" | "group"): QueueMemberWire => ({
    id: u.id,
    name: u.name,
    user: userToWire(org, u),
    ringNumber,
    joined: false,
    memberBy,
    selfUri: `${USERS_PATH}/${u.id}`,
  });
  const direct = org.routing.queueMembers(queueId).flatMap((m) => {
    const u = org.directory.findUser(m.userId);
    return u?.state === "active" ? [wire(u, m.ringNumber, "user")] : [];
  });
  const seen = new Set(direct.map((m) => m.id));
  const viaGroups: QueueMemberWire[] = [];
  for (const g of q.settings.memberGroups ?? [])
    for (const u of org.directory.groupMembers(g.id))
      if (!seen.has(u.id)) {
        seen.add(u.id);
        viaGroups.push(wire(u, 1, "group"));
      }
  return [...direct, ...viaGroups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Queue members (SDK `getRoutingQueueMembers`, `postRoutingQueueMembers`, `patchRoutingQueueMember`): users added
 * directly, with ring numbers, and the users of the queue's member groups (read-only here: set by the queue's
 * `memberGroups`).
 */
export function registerQueueMemberRoutes(router: ApiRouter): void {
  router.add("GET", `${QUEUES_PATH}/{queueId}/members`, (ctx) => {
    const queueId = param(ctx, "queueId");
    const memberBy = choiceParam(ctx.query, "memberBy", ["user", "group"] as const);
    const name = queryValue(ctx.query, "name")?.toLowerCase();
    const all = members(ctx, queueId)
      .filter((m) => !memberBy || m.memberBy === memberBy)
      .filter((m) => !name || m.name.toLowerCase().includes(name));
    const req = pageRequest(
      queryValue(ctx.query, "pageSize"),
      queryValue(ctx.query, "pageNumber"),
      MAX_MEMBERS_PAGE_SIZE,
    );
    const {
      total: _t,
      pageCount: _p,
      lastUri: _l,
      ...body
    } = listing(`${QUEUES_PATH}/${queueId}/members`, ctx.query, paginate(all, req));
    return { status: 200, body: body satisfies QueueMemberListingWire };
  });

  router.add("POST", `${QUEUES_PATH}/{queueId}/members`, (ctx) => {
    const queueId = param(ctx, "queueId");
    const remove = booleanParam(ctx.query, "delete") ?? false;
    const ids = parseBody(membersBodySchema, ctx.json()).map((m) => m.id);
    if (remove) ctx.org.routing.removeQueueMembers(queueId, ids);
    else ctx.org.routing.addQueueMembers(queueId, ids);
    return { status: 204 };
  });

  router.add("PATCH", `${QUEUES_PATH}/{queueId}/members/{memberId}`, (ctx) => {
    const body = parseBody(memberPatchSchema, ctx.json());
    ctx.org.routing.setQueueMemberRing(param(ctx, "queueId"), param(ctx, "memberId"), body.ringNumber);
    return { status: 204 };
  });
}
