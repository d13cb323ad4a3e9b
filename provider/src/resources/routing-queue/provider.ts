import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { crudProvider } from "../crud";
import { trunksApi } from "../telephony-trunk/api";
import { queuesApi } from "./api";
import { declaredMedia, getAt, setAt } from "./media";
import { LABEL, PLAIN_FIELDS, Queue, QueueArgs, QueueBody, READ_ONLY, RESOURCE_TYPE } from "./schema";
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
    return {
      name: args.name,
      division: { id: (await resolveDivision(c, args.division, owner)).id },
      ...plain,
      ...(bullseye ? { bullseye } : {}),
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
      wrapupCodes: [...(q.wrapupCodes ?? [])].sort(),
    };
  },
  // A queue PUT replaces everything: restore the whole configuration, flows and members' groups included.
  priorOf(q) {
    const prior: Record<string, unknown> = {};
    // Managed fields the queue did not have are cleared on restore (null), the rest put back as they were.
    for (const k of [...PLAIN_FIELDS, "bullseye"]) prior[k] = null;
    for (const [k, v] of Object.entries(q)) if (!READ_ONLY.includes(k) && v !== null && v !== undefined) prior[k] = v;
    return { ...prior, name: q.name, wrapupCodes: [...(q.wrapupCodes ?? [])].sort() } as QueueBody;
  },
  async toArgs(c, q, previous) {
    const division = await divisionArg(c, q.division?.id, previous.division);
    const bullseye = ringsToArgs(q.bullseye?.rings as Rings | undefined);
    const plain = present(q, PLAIN_FIELDS);
    const siteId = (getAt(q.mediaSettings, ["callback", "site"]) as { id?: string } | undefined)?.id;
    if (plain.mediaSettings !== undefined) plain.mediaSettings = declaredMedia(plain.mediaSettings);
    const site = siteId ? (await trunksApi.sites(c)).find((s) => s.id === siteId) : undefined;
    return {
      name: q.name,
      ...(division !== undefined ? { division } : {}),
      ...(plain as Partial<QueueArgs>),
      ...(siteId ? { callbackSite: site?.name ?? `(unknown site ${siteId})` } : {}),
      ...(bullseye ? { bullseye } : {}),
      ...(q.wrapupCodes?.length ? { wrapupCodes: q.wrapupCodes } : {}),
    };
  },
  async checkTarget(c, args, owner) {
    const failures = await checkDivision(c, args.division, owner);
    if (args.callbackSite !== undefined) {
      try {
        await trunksApi.site(c, args.callbackSite, owner);
      } catch (err) {
        failures.push({ property: "callbackSite", reason: (err as Error).message });
      }
    }
    return failures;
  },
});
