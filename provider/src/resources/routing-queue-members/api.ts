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
/** Per client: email -> its user id (or the search finding it), for found users only. */
const foundUsers = new WeakMap<GenesysClient, Map<string, Promise<string | undefined>>>();

/** One users search (EXACT on email) of up to BATCH addresses: email (lower-cased) -> user id. */
async function searchEmails(c: GenesysClient, emails: string[]): Promise<Map<string, string>> {
  const body: SdkBody<
    Models.UserSearchRequest,
    { pageSize: number; query: { type: string; fields: string[]; values: string[] }[] }
  > = { pageSize: BATCH, query: [{ type: "EXACT", fields: ["email"], values: emails }] };
  const found = await c.request({ method: "POST", path: "/api/v2/users/search", body, schema: UsersSearch });
  return new Map(found.results.flatMap((u) => (u.email ? [[emailKey(u.email), u.id] as const] : [])));
}

export const directoryApi = {
  /** Every active user (the importer's and lookups' view of the directory). */
  users: (c: GenesysClient) => c.listAll("/api/v2/users", UserWire, { pageSize: 500, query: { state: "active" } }),

  /** Users by id (a queue's members), 100 ids per call. */
  async usersById(c: GenesysClient, ids: readonly string[]): Promise<z.infer<typeof UserWire>[]> {
    const batches = [];
    for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
    const pages = await Promise.all(
      batches.map((batch) =>
        c.listAll("/api/v2/users", UserWire, { pageSize: BATCH, query: { id: batch.join(","), state: "any" } }),
      ),
    );
    return pages.flat();
  },

  /**
   * email (lower-cased) -> user id, for the emails that name a user of the org. Found users are kept for the
   * client's life (users are never created or deleted by this tool), and a lookup in flight is shared, so the
   * links of many queues naming the same agents search each once; a missing user is asked again every time.
   */
  async idsByEmail(c: GenesysClient, emails: readonly string[]): Promise<Map<string, string>> {
    let known = foundUsers.get(c);
    if (!known) foundUsers.set(c, (known = new Map()));
    const unique = [...new Set(emails.map(emailKey))];
    const ask = unique.filter((e) => !known.has(e));
    for (let i = 0; i < ask.length; i += BATCH) {
      const batch = ask.slice(i, i + BATCH);
      const found = searchEmails(c, batch);
      for (const e of batch) {
        const id = found.then((m) => m.get(e));
        id.catch(() => undefined); // observed: a failed search rejects where it is awaited, never unhandled
        known.set(e, id);
      }
      const forget = (m?: Map<string, string>) => batch.forEach((e) => m?.has(e) || known.delete(e));
      found.then(forget, () => forget());
    }
    const out = new Map<string, string>();
    for (const e of unique) {
      const id = await known.get(e);
      if (id !== undefined) out.set(e, id);
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
