import { z } from "zod";
import type { Models, SdkRead } from "../../sdk";

export const RESOURCE_TYPE = "genesyscloud:routing:QueueMembers";
export const LABEL = "Queue members";
/** SDK MemberGroup.type. */
export const MEMBER_GROUP_TYPES = ["GROUP", "TEAM", "SKILLGROUP"] as const;

export const Member = z
  .object({
    /** The user's email: users are matched by email in every org (directories are provisioned per org). */
    email: z.string().min(1).max(320).includes("@", { message: "must be an email address" }),
    // TF routing_queue `members.ring_num`: between 1 and 6 (the bullseye rings), default 1.
    ringNumber: z.number().int().min(1, "ringNumber must be 1-6").max(6, "ringNumber must be 1-6").default(1),
  })
  .strict();
export type Member = z.infer<typeof Member>;

export const MemberGroup = z
  .object({
    /** The group's name in the target org. */
    name: z.string().min(1),
    type: z.enum(MEMBER_GROUP_TYPES).default("GROUP"),
  })
  .strict();
export type MemberGroup = z.infer<typeof MemberGroup>;

const emailKey = (e: string) => e.toLowerCase();

export const QueueMembersArgs = z
  .object({
    /** Id of the Queue resource. */
    queue: z.string().min(1),
    members: z.array(Member).default([]),
    memberGroups: z.array(MemberGroup).default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.members.forEach((m, i) => {
      if (seen.has(emailKey(m.email)))
        ctx.addIssue({ code: "custom", path: ["members", i, "email"], message: `${m.email} is listed twice` });
      seen.add(emailKey(m.email));
    });
    const groups = new Set<string>();
    a.memberGroups.forEach((g, i) => {
      const k = `${g.type} ${g.name.toLowerCase()}`;
      if (groups.has(k))
        ctx.addIssue({ code: "custom", path: ["memberGroups", i, "name"], message: `${g.name} is listed twice` });
      groups.add(k);
    });
  });
export type QueueMembersArgs = z.infer<typeof QueueMembersArgs>;

/** The wire shapes: a queue member (its user), a user, a group, the users search response. */
export const UserWire = z.object({ id: z.string(), name: z.string().optional(), email: z.string().nullish() });
type _UserWire = SdkRead<Models.User, z.infer<typeof UserWire>>;

export const QueueMemberWire = z.object({
  id: z.string(),
  ringNumber: z.number().nullish(),
  memberBy: z.string().nullish(),
});
type _QueueMemberWire = SdkRead<Models.QueueMember, z.infer<typeof QueueMemberWire>>;

export const GroupWire = z.object({ id: z.string(), name: z.string(), state: z.string().nullish() });
type _GroupWire = SdkRead<Models.Group, z.infer<typeof GroupWire>>;

export const UsersSearch = z.object({
  total: z.number(),
  pageCount: z.number(),
  results: z.array(UserWire).default([]),
});
type _UsersSearch = SdkRead<Models.UsersSearchResponse, z.infer<typeof UsersSearch>>;

export const MemberGroupWire = z.object({ id: z.string(), type: z.string().nullish() });
type _MemberGroupWire = SdkRead<Models.MemberGroup, z.infer<typeof MemberGroupWire>>;
