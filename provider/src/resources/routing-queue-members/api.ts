import { z } from "zod";
import type { GenesysClient } from "../../client";
import type { Models, SdkBody } from "../../sdk";
import { GroupWire, QueueMemberWire, UsersSearch, UserWire } from "./schema";

const enc = encodeURIComponent;
const members = (queueId: string) => `/api/v2/routing/queues/${enc(queueId)}/members`;
/** Members are added and removed 100 per call (TF routing_queue `postRoutingQueueMembers`). */
const BATCH = 100;

/** Lower-cased: email addresses (and so the users they name) compare ignoring case. */
export const emailKey = (email: string) => email.toLowerCase();

/**
 * The org's directory (users, groups) and a queue's members. Users are found by email with the users search
 * (EXACT on `email`, as Terraform's `genesyscloud_user` data source does), listed users when every one is needed.
 */
export const directoryApi = {
  /** Every active user (the importer's and lookups' view of the directory). */
  users: (c: GenesysClient) => c.listAll("/api/v2/users", UserWire, { pageSize: 500, query: { state: "active" } }),

  /** Users by id (a queue's members), 100 ids per call. */
  async usersById(c: GenesysClient, ids: readonly string[]): Promise<z.infer<typeof UserWire>[]> {
    const out: z.infer<typeof UserWire>[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const page = await c.listAll("/api/v2/users", UserWire, {
        pageSize: BATCH,
        query: { id: ids.slice(i, i + BATCH).join(","), state: "any" },
      });
      out.push(...page);
    }
    return out;
  },

  /** email (lower-cased) -> user id, for the emails that name a user of the org. */
  async idsByEmail(c: GenesysClient, emails: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(emails.map(emailKey))];
    for (let i = 0; i < unique.length; i += BATCH) {
      const body: SdkBody<
        Models.UserSearchRequest,
        { pageSize: number; query: { type: string; fields: string[]; values: string[] }[] }
      > = { pageSize: BATCH, query: [{ type: "EXACT", fields: ["email"], values: unique.slice(i, i + BATCH) }] };
      const found = await c.request({ method: "POST", path: "/api/v2/users/search", body, schema: UsersSearch });
      for (const u of found.results) if (u.email) out.set(emailKey(u.email), u.id);
    }
    return out;
  },

  groups: (c: GenesysClient) => c.listAll("/api/v2/groups", GroupWire, { pageSize: 500 }),
};

export const membersApi = {
  /** The users added to the queue directly (`memberBy=user`), with their ring numbers. */
  list: (c: GenesysClient, queueId: string) =>
    c.listAll(members(queueId), QueueMemberWire, { pageSize: 100, query: { memberBy: "user" } }),

  async change(c: GenesysClient, queueId: string, userIds: readonly string[], remove: boolean): Promise<void> {
    for (let i = 0; i < userIds.length; i += BATCH) {
      const body: Models.WritableEntity[] = userIds.slice(i, i + BATCH).map((id) => ({ id }));
      await c.request({ method: "POST", path: members(queueId), query: { delete: remove }, body });
    }
  },

  setRing: (c: GenesysClient, queueId: string, userId: string, ringNumber: number) =>
    c.request({
      method: "PATCH",
      path: `${members(queueId)}/${enc(userId)}`,
      body: { id: userId, ringNumber } satisfies Models.QueueMember,
    }),
};
