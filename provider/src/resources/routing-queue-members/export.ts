import { Ref, type ExporterSpec } from "../../importer/types";
import { queuesApi } from "../routing-queue/api";
import { directoryApi, emailKey, membersApi } from "./api";

/** Lookup types of the directory: users by email, groups by name (see program/lookup.ts). */
export const USERS = "users";
export const GROUPS = "groups";

/**
 * One QueueMembers link per queue with members or member groups. Members are written by email with their ring
 * number, groups by name: both are lookups (every org provisions its own directory), listed in lookups.ts with
 * the queues that use them so preview names every missing one at once.
 */
export const exporter: ExporterSpec = {
  key: "queuemembers",
  variablePrefix: "queueMembers",
  file: "routing-queue-members.ts",
  title: "queue members",
  async list(c) {
    const queues = await queuesApi.list(c);
    const withMembers = queues.filter((q) => {
      const users = (q as { userMemberCount?: number }).userMemberCount;
      const groups = (q as { memberGroups?: unknown[] | null }).memberGroups;
      return users !== 0 || (groups?.length ?? 0) > 0;
    });
    const groupNames = new Map<string, string>();
    if (withMembers.some((q) => (q as { memberGroups?: unknown[] | null }).memberGroups?.length))
      for (const g of await directoryApi.groups(c)) groupNames.set(g.id, g.name);
    // Every queue's members at once (the client keeps within the rate limit), then each user once, however
    // many queues name them.
    const memberLists = await Promise.all(withMembers.map((q) => membersApi.list(c, q.id)));
    const memberIds = [...new Set(memberLists.flatMap((members) => members.map((m) => m.id)))].sort();
    const users = new Map((await directoryApi.usersById(c, memberIds)).map((u) => [u.id, u]));
    const out = [];
    for (const [i, q] of withMembers.entries()) {
      const members = memberLists[i]!;
      const list = members
        .flatMap((m) => {
          const email = users.get(m.id)?.email;
          return email ? [{ email: emailKey(email), ringNumber: m.ringNumber ?? 1 }] : [];
        })
        .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
      const groups = ((q as { memberGroups?: { id: string; type?: string | null }[] | null }).memberGroups ?? [])
        .flatMap((g) => {
          const name = groupNames.get(g.id);
          return name ? [{ name, type: g.type ?? "GROUP" }] : [];
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (!list.length && !groups.length) continue;
      out.push({
        id: q.id,
        name: q.name,
        args: {
          queue: new Ref("queues", q.id, q.name, "id"),
          members: list.length ? list : undefined,
          memberGroups: groups.length ? groups : undefined,
        },
        lookups: [
          ...list.map((m) => ({ type: USERS, name: m.email, usedBy: q.name })),
          ...groups.map((g) => ({ type: GROUPS, name: g.name, usedBy: q.name })),
        ],
      });
    }
    return out;
  },
};
