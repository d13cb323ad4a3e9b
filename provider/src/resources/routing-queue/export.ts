import { divisionRef } from "../auth-division/export";
import { skillsApi } from "../routing-skill/api";
import { canonical, Ref, type ExporterSpec, type Value } from "../../importer/types";
import { trunksApi } from "../telephony-trunk/api";
import { queuesApi } from "./api";
import { addressIds, queueRefsApi } from "./references";
import { declaredMedia, getAt } from "./media";
import { PLAIN_FIELDS } from "./schema";

export const exporter: ExporterSpec = {
  key: "queues",
  variablePrefix: "queue",
  file: "routing-queues.ts",
  title: "queues",
  async list(c, progress) {
    const [queues, skills] = await Promise.all([queuesApi.list(c), skillsApi.list(c)]);
    const skillName = new Map(skills.map((s) => [s.id, s.name]));
    // Sites only when a queue has a callback site (the listing may need a telephony permission).
    const siteIds = queues
      .map((q) => (getAt(q.mediaSettings, ["callback", "site"]) as { id?: string } | undefined)?.id)
      .filter(Boolean);
    const siteName = new Map(siteIds.length ? (await trunksApi.sites(c)).map((s) => [s.id, s.name]) : []);
    // Edge groups and email routes likewise only when a queue names one (telephony and email permissions).
    const groupId = (q: (typeof queues)[number]) =>
      (getAt(q.mediaSettings, ["callback", "edgeGroup"]) as { id?: string } | undefined)?.id;
    const groupName = new Map(
      queues.some(groupId) ? (await queueRefsApi.edgeGroups(c)).map((g) => [g.id, g.name]) : [],
    );
    let done = 0;
    return Promise.all(
      queues.map(async (q) => {
        const codes = (await queuesApi.codes(c, q.id)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        progress?.(++done, queues.length);
        const args: Record<string, Value | undefined> = {
          name: q.name,
          division: await divisionRef(c, q.division?.id),
        };
        for (const k of PLAIN_FIELDS) args[k] = canonical(k === "mediaSettings" ? declaredMedia(q[k]) : q[k]);
        // Org-scoped ids in mediaSettings never reach the code: flows go to the QueueFlows link, the site by name.
        const siteId = (getAt(q.mediaSettings, ["callback", "site"]) as { id?: string } | undefined)?.id;
        if (siteId && siteName.has(siteId)) args.callbackSite = siteName.get(siteId);
        const edgeGroup = groupId(q);
        if (edgeGroup && groupName.has(edgeGroup)) args.callbackEdgeGroup = groupName.get(edgeGroup);
        const address = addressIds(q);
        if (address.domainId) args.outboundEmailAddress = await queueRefsApi.addressOf(c, address);
        const rings = q.bullseye?.rings;
        if (rings?.length) {
          args.bullseye = {
            rings: rings.map((r) => ({
              expansionCriteria: canonical(r.expansionCriteria?.length ? r.expansionCriteria : undefined),
              skillsToRemove: r.actions?.skillsToRemove?.length
                ? r.actions.skillsToRemove
                    .map((s) => new Ref("skills", s.id, skillName.get(s.id) ?? s.name ?? s.id, "id"))
                    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
                : undefined,
            })),
          };
        }
        if (codes.length) args.wrapupCodes = codes.map((w) => new Ref("wrapupcodes", w.id, w.name, "id"));
        return { id: q.id, name: q.name, args };
      }),
    );
  },
};
