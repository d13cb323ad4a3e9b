import type { GenesysClient } from "../../client";
import { GenesysError } from "../../client";
import { checkInputs, hasUnknown, userInputs } from "../common";
import type { Lifecycle } from "../context";
import { gone, permitted } from "../crud";
import { queuesApi } from "../routing-queue/api";
import { directoryApi, emailKey, membersApi } from "./api";
import { LABEL, QueueMembersArgs, type Member, type MemberGroup } from "./schema";
import { withQueueLock } from "../routing-queue/queue-lock";

/**
 * What the link did to the queue, so destroy undoes exactly that: users it added (removed again), users that
 * were members already (their ring number put back), member groups it added (removed again).
 */
type Undo = {
  added: string[];
  priorRings: Record<string, number>;
  addedGroups: MemberGroup[];
};
type Outputs = QueueMembersArgs & Undo;

const label = (a: { queue?: unknown }) => `${LABEL} of queue ${String(a.queue)}`;
const groupKey = (g: MemberGroup) => `${g.type}\u0000${g.name.toLowerCase()}`;
const sortMembers = (m: Member[]) => [...m].sort((a, b) => (emailKey(a.email) < emailKey(b.email) ? -1 : 1));
const sortGroups = (g: MemberGroup[]) => [...g].sort((a, b) => (groupKey(a) < groupKey(b) ? -1 : 1));

/** Every email and group resolved in the target, or one error listing each that is missing and the fix. */
async function resolve(c: GenesysClient, queue: string, members: Member[], groups: MemberGroup[]) {
  const ids = await directoryApi.idsByEmail(
    c,
    members.map((m) => m.email),
  );
  const groupIds = new Map<string, string>();
  if (groups.length) {
    const listed = await directoryApi.groups(c);
    for (const g of groups) {
      const found = listed.find((x) => x.name.toLowerCase() === g.name.toLowerCase() && x.state !== "deleted");
      if (found) groupIds.set(groupKey(g), found.id);
    }
  }
  const missing = [
    ...members.filter((m) => !ids.has(emailKey(m.email))).map((m) => `user ${m.email}`),
    ...groups.filter((g) => !groupIds.has(groupKey(g))).map((g) => `group '${g.name}' (${g.type})`),
  ];
  if (missing.length)
    throw new GenesysError(
      "Validation",
      `${LABEL} of queue ${queue}: the target org has no ${missing.join(", ")}. genesys-clone never creates users or ` +
        "groups: provision them in the target org, or import again with `genesys-clone import --members skip`.",
    );
  return {
    userId: (email: string) => ids.get(emailKey(email))!,
    groupId: (g: MemberGroup) => groupIds.get(groupKey(g))!,
  };
}

/** The queue's member groups changed by `change`, through the queue's full-replace PUT (only when they change). */
function setGroups(
  c: GenesysClient,
  queueId: string,
  change: (current: { id: string; type: string }[]) => { id: string; type: string }[],
  what: string,
) {
  return withQueueLock(c, queueId, () => setGroupsNow(c, queueId, change, what));
}

async function setGroupsNow(
  c: GenesysClient,
  queueId: string,
  change: (current: { id: string; type: string }[]) => { id: string; type: string }[],
  what: string,
) {
  // The queue as this process last wrote it, else read (reads are not kept: one outside the queue lock could be
  // older than a sibling link's PUT); without its wrap-up codes, which the PUT leaves as they are.
  const current = await queuesApi.current(c, queueId);
  if (!current) gone(`${what}: queue`, queueId);
  const groups = ((current.memberGroups ?? []) as { id: string; type?: string | null }[]).map((g) => ({
    id: g.id,
    type: g.type ?? "GROUP",
  }));
  const next = change(groups);
  if (JSON.stringify(next) === JSON.stringify(groups)) return;
  await permitted(what, () =>
    queuesApi.put(
      c,
      queueId,
      queuesApi.requestOf({ ...current, memberGroups: next }) as { name: string },
      current,
      false,
    ),
  );
}

/**
 * Brings the queue's members to `news`, undoing what `olds` had done for members and groups no longer declared.
 * Returns the new undo record.
 */
async function apply(c: GenesysClient, news: QueueMembersArgs, olds: Undo | undefined): Promise<Undo> {
  const what = label(news);
  const declared = new Set(news.members.map((m) => emailKey(m.email)));
  const ids = await resolve(c, news.queue, news.members, news.memberGroups);
  // Users this link touched before and no longer declares: gone from the directory means nothing to undo.
  const undoEmails = [...(olds?.added ?? []), ...Object.keys(olds?.priorRings ?? {})].filter(
    (e) => !declared.has(emailKey(e)),
  );
  const undoIds = await directoryApi.idsByEmail(c, undoEmails);
  // A queue this process created moments ago has no members (a queue is created without them): nothing to list.
  const fresh = olds === undefined && queuesApi.createdHere(c, news.queue);
  const present = fresh ? [] : await membersApi.list(c, news.queue);
  const current = new Map(present.map((m) => [m.id, m.ringNumber ?? 1]));
  const undo: Undo = { added: [], priorRings: {}, addedGroups: [] };

  const removeIds = (olds?.added ?? [])
    .map((e) => undoIds.get(emailKey(e)))
    .filter((id): id is string => id !== undefined && current.has(id));
  await permitted(what, () => membersApi.change(c, news.queue, removeIds, true));
  for (const [email, ring] of Object.entries(olds?.priorRings ?? {})) {
    const id = undoIds.get(emailKey(email));
    if (id !== undefined && current.has(id) && current.get(id) !== ring)
      await permitted(what, () => membersApi.setRing(c, news.queue, id, ring));
  }

  const add: string[] = [];
  for (const m of news.members) {
    const key = emailKey(m.email);
    const id = ids.userId(m.email);
    const before = olds?.priorRings[key];
    if (olds?.added.includes(key) && current.has(id)) undo.added.push(key);
    else if (before !== undefined) undo.priorRings[key] = before;
    else if (current.has(id)) undo.priorRings[key] = current.get(id)!;
    else {
      undo.added.push(key);
      if (!current.has(id)) add.push(id);
    }
  }
  await permitted(what, () => membersApi.change(c, news.queue, add, false));
  // Added members start at ring 1 (Terraform then patches every other ring number: routing_queue `updateRingNumbers`).
  for (const m of news.members) {
    const id = ids.userId(m.email);
    const ring = add.includes(id) ? 1 : current.get(id);
    if (ring !== m.ringNumber) await permitted(what, () => membersApi.setRing(c, news.queue, id, m.ringNumber));
  }

  // Member groups are a queue field (its full-replace PUT): add the declared ones, drop those this link had added.
  const dropped = (olds?.addedGroups ?? []).filter((g) => !news.memberGroups.some((n) => groupKey(n) === groupKey(g)));
  const listed = dropped.length ? await directoryApi.groups(c) : [];
  const droppedIds = new Set(
    dropped.flatMap((d) => listed.filter((x) => x.name.toLowerCase() === d.name.toLowerCase()).map((x) => x.id)),
  );
  await setGroups(
    c,
    news.queue,
    (groups) => {
      undo.addedGroups = news.memberGroups.filter(
        (g) =>
          olds?.addedGroups.some((o) => groupKey(o) === groupKey(g)) || !groups.some((x) => x.id === ids.groupId(g)),
      );
      const kept = groups.filter((x) => !droppedIds.has(x.id));
      const wanted = news.memberGroups.map((g) => ({ id: ids.groupId(g), type: g.type }));
      return [...kept, ...wanted.filter((w) => !kept.some((k) => k.id === w.id))];
    },
    what,
  );
  undo.added.sort();
  return undo;
}

/** The declared members and groups as the target holds them now (members of the queue by email, ring number). */
async function observe(
  c: GenesysClient,
  props: Outputs,
): Promise<Pick<QueueMembersArgs, "members" | "memberGroups"> | undefined> {
  const q = await queuesApi.listed(c, props.queue);
  if (!q) return undefined;
  const ids = await directoryApi.idsByEmail(
    c,
    props.members.map((m) => m.email),
  );
  const current = new Map((await membersApi.list(c, props.queue)).map((m) => [m.id, m.ringNumber ?? 1]));
  const members = props.members.flatMap((m) => {
    const id = ids.get(emailKey(m.email));
    const ring = id === undefined ? undefined : current.get(id);
    return ring === undefined ? [] : [{ email: m.email, ringNumber: ring }];
  });
  const queueGroups = (q.memberGroups ?? []) as { id: string; type?: string | null }[];
  const groups = props.memberGroups.length ? await directoryApi.groups(c) : [];
  const memberGroups = props.memberGroups.filter((g) => {
    const found = groups.find((x) => x.name.toLowerCase() === g.name.toLowerCase());
    return found !== undefined && queueGroups.some((x) => x.id === found.id);
  });
  return { members, memberGroups };
}

/**
 * A queue's members (users, by email, with ring numbers) and member groups (by name), as a link the stack owns:
 * create adds them, update diffs by email, delete removes exactly the members and groups it added and puts back
 * the ring numbers of members that were there before. Users and groups are never created.
 */
export const provider: Lifecycle<QueueMembersArgs, Outputs> = {
  async check(_ctx, _olds, news) {
    const failures = checkInputs(QueueMembersArgs, label(news), news);
    if (failures.length) return { inputs: news, failures };
    // In preview the queue's id is unknown until the queue exists: normalise only what is known.
    const parsed = QueueMembersArgs.safeParse(userInputs(news));
    if (!parsed.success) return { inputs: news, failures: [] };
    return {
      inputs: {
        ...news,
        members: sortMembers(parsed.data.members),
        memberGroups: sortGroups(parsed.data.memberGroups),
      },
      failures: [],
    };
  },
  async diff(_ctx, _id, olds, news) {
    const replaces = news.queue !== olds.queue && !hasUnknown(news, ["queue"]) ? ["queue"] : [];
    if (hasUnknown(news, ["queue", "members", "memberGroups"])) return { changes: true, replaces };
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const members = (m: Member[] | undefined) => sortMembers(m ?? []).map((x) => [emailKey(x.email), x.ringNumber]);
    const groups = (g: MemberGroup[] | undefined) => sortGroups(g ?? []).map(groupKey);
    const changes =
      olds.queue !== news.queue ||
      !same(members(olds.members), members(news.members)) ||
      !same(groups(olds.memberGroups), groups(news.memberGroups));
    return { changes, replaces };
  },
  async create(ctx, inputs) {
    const args = QueueMembersArgs.parse(userInputs(inputs));
    const undo = await apply(ctx.client, args, undefined);
    return { id: `${args.queue}-members`, outs: { ...args, ...undo } };
  },
  async read(ctx, id, props) {
    const seen = await observe(ctx.client, props);
    if (!seen) return {};
    return { id, props: { ...props, ...seen } };
  },
  async update(ctx, _id, olds, news) {
    const args = QueueMembersArgs.parse(userInputs(news));
    const undo = await apply(ctx.client, args, olds);
    return { outs: { ...args, ...undo } };
  },
  async delete(ctx, _id, props) {
    // A link, not an object: undo what it did (when the queue still exists).
    if (!(await queuesApi.getQueue(ctx.client, props.queue))) return;
    await apply(ctx.client, { queue: props.queue, members: [], memberGroups: [] }, props);
  },
};
