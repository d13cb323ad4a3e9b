import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { crudProvider } from "../crud";
import { trunksApi } from "../telephony-trunk/api";
import { queuesApi } from "./api";
import { addressIds, queueRefsApi } from "./references";
import { declaredMedia, getAt, setAt } from "./media";
import { LABEL, PLAIN_FIELDS, Queue, QueueArgs, QueueBody, RESOURCE_TYPE, SENT_FIELDS } from "./schema";
import type { Models, SdkBody } from "../../sdk";

type Rings = { expansionCriteria?: unknown[] | null; actions?: { skillsToRemove?: { id: string }[] | null } | null }[];

function ringsToArgs(rings: Rings | null | undefined): QueueArgs["bullseye"] {
  if (!rings) return undefined;
  return {
    rings: rings.map((r) => {
      const skills = (r.actions?.skillsToRemove ?? []).map((s) => s.id).sort();
      return {
        ...(r.expansionCriteria?.length
          ? { expansionCriteria: r.expansionCriteria as { type: string; threshold: number }[] }
          : {}),
        ...(skills.length ? { skillsToRemove: skills } : {}),
      };
    }),
  };
}

function ringsToBody(bullseye: QueueArgs["bullseye"]) {
  return (
    bullseye && {
      rings: bullseye.rings.map((r) => ({
        ...(r.expansionCriteria ? { expansionCriteria: r.expansionCriteria } : {}),
        actions: { skillsToRemove: [...(r.skillsToRemove ?? [])].sort().map((id) => ({ id })) },
      })),
    }
  );
}

type _Bullseye = SdkBody<Models.Bullseye, NonNullable<ReturnType<typeof ringsToBody>>>;

function present(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source[k] !== undefined && source[k] !== null) out[k] = source[k];
  return out;
}

export const provider = crudProvider<QueueArgs, QueueBody, Queue>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: QueueArgs,
  replaceOn: [],
  unordered: ["wrapupCodes"],
  normalize: (args) =>
    args.bullseye
      ? {
          ...args,
          bullseye: {
            rings: args.bullseye.rings.map((r) =>
              r.skillsToRemove ? { ...r, skillsToRemove: [...r.skillsToRemove].sort() } : r,
            ),
          },
        }
      : args,
  // The listing returns the same Queue entity as GET (reference §4.4); only the wrap-up codes are a
  // separate call per queue, so refresh reads pages of queues plus one codes call each.
  listIsComplete: true,
  completeListed: async (c, q) => ({ ...q, wrapupCodes: (await queuesApi.codes(c, q.id)).map((w) => w.id).sort() }),
  list: queuesApi.list,
  get: queuesApi.get,
  create: queuesApi.create,
  update: queuesApi.update,
  remove: queuesApi.remove,
  async toBody(c, args, owner) {
    const bullseye = ringsToBody(args.bullseye);
    const plain = present(args, PLAIN_FIELDS);
    // The callback site by name in the code, by the target's id on the wire.
    if (args.callbackSite !== undefined) {
      const site = await trunksApi.site(c, args.callbackSite, owner);
      plain.mediaSettings = setAt(plain.mediaSettings as Record<string, unknown> | undefined, ["callback", "site"], {
        id: site.id,
      });
    }
    // The callback edge group by name, the outbound address as route@domain: the target's ids on the wire.
    if (args.callbackEdgeGroup !== undefined) {
      const group = await queueRefsApi.edgeGroup(c, args.callbackEdgeGroup, owner);
      plain.mediaSettings = setAt(
        plain.mediaSettings as Record<string, unknown> | undefined,
        ["callback", "edgeGroup"],
        { id: group.id },
      );
    }
    const outbound =
      args.outboundEmailAddress === undefined
        ? undefined
        : await queueRefsApi.outboundAddress(c, args.outboundEmailAddress, owner);
    return {
      name: args.name,
      division: { id: (await resolveDivision(c, args.division, owner)).id },
      ...plain,
      ...(bullseye ? { bullseye } : {}),
      ...(outbound ? { outboundEmailAddress: outbound } : {}),
      wrapupCodes: [...(args.wrapupCodes ?? [])].sort(),
    };
  },
  bodyOf(q) {
    const bullseye = ringsToBody(ringsToArgs(q.bullseye?.rings as Rings | undefined));
    return {
      name: q.name,
      division: { id: q.division?.id ?? "" },
      ...present(q, PLAIN_FIELDS),
      ...(bullseye ? { bullseye } : {}),
      ...present(q, ["outboundEmailAddress"]),
      wrapupCodes: [...(q.wrapupCodes ?? [])].sort(),
    };
  },
  // A queue PUT replaces everything: restore the whole configuration, flows and members' groups included.
  priorOf(q) {
    const prior: Record<string, unknown> = {};
    // Managed fields the queue did not have are cleared on restore (null), the rest put back as they were.
    for (const k of [...PLAIN_FIELDS, "bullseye"]) prior[k] = null;
    for (const k of SENT_FIELDS) if (q[k] !== null && q[k] !== undefined) prior[k] = q[k];
    return { ...prior, name: q.name, wrapupCodes: [...(q.wrapupCodes ?? [])].sort() } as QueueBody;
  },
  async toArgs(c, q, previous) {
    const division = await divisionArg(c, q.division?.id, previous.division);
    const bullseye = ringsToArgs(q.bullseye?.rings as Rings | undefined);
    const plain = present(q, PLAIN_FIELDS);
    const siteId = (getAt(q.mediaSettings, ["callback", "site"]) as { id?: string } | undefined)?.id;
    if (plain.mediaSettings !== undefined) plain.mediaSettings = declaredMedia(plain.mediaSettings);
    const site = siteId ? (await trunksApi.sites(c)).find((s) => s.id === siteId) : undefined;
    const groupId = (getAt(q.mediaSettings, ["callback", "edgeGroup"]) as { id?: string } | undefined)?.id;
    const group = groupId ? (await queueRefsApi.edgeGroups(c)).find((g) => g.id === groupId) : undefined;
    const address = addressIds(q);
    const outbound = address.domainId ? await queueRefsApi.addressOf(c, address) : undefined;
    return {
      name: q.name,
      ...(division !== undefined ? { division } : {}),
      ...(plain as Partial<QueueArgs>),
      ...(siteId ? { callbackSite: site?.name ?? `(unknown site ${siteId})` } : {}),
      ...(groupId ? { callbackEdgeGroup: group?.name ?? `(unknown edge group ${groupId})` } : {}),
      ...(address.domainId
        ? { outboundEmailAddress: outbound ?? `(unknown route ${address.routeId ?? ""})@${address.domainId}` }
        : {}),
      ...(bullseye ? { bullseye } : {}),
      ...(q.wrapupCodes?.length ? { wrapupCodes: q.wrapupCodes } : {}),
    };
  },
  async checkTarget(c, args, owner) {
    const failures = await checkDivision(c, args.division, owner);
    const checks: [keyof QueueArgs, string | undefined, (v: string) => Promise<unknown>][] = [
      ["callbackSite", args.callbackSite, (v) => trunksApi.site(c, v, owner)],
      ["callbackEdgeGroup", args.callbackEdgeGroup, (v) => queueRefsApi.edgeGroup(c, v, owner)],
      ["outboundEmailAddress", args.outboundEmailAddress, (v) => queueRefsApi.outboundAddress(c, v, owner)],
    ];
    for (const [property, value, check] of checks) {
      if (value === undefined) continue;
      try {
        await check(value);
      } catch (err) {
        failures.push({ property, reason: (err as Error).message });
      }
    }
    return failures;
  },
});
