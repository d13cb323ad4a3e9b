import { divisionRef } from "../auth-division/export";
import { flowsApi } from "../architect-flow/api";
import { scheduleGroupsApi } from "../architect-schedulegroup/api";
import { Ref, type ExporterSpec } from "../../importer/types";
import { ivrsApi } from "./api";

export const exporter: ExporterSpec = {
  key: "ivrs",
  variablePrefix: "ivr",
  file: "architect-ivrs.ts",
  title: "IVRs (call routing)",
  async list(c) {
    const ivrs = await ivrsApi.list(c);
    const needsFlows = ivrs.some((x) => x.openHoursFlow || x.closedHoursFlow || x.holidayHoursFlow);
    const [flows, groups] = await Promise.all([
      needsFlows ? flowsApi.list(c) : [],
      ivrs.some((x) => x.scheduleGroup) ? scheduleGroupsApi.list(c) : [],
    ]);
    const flowName = new Map(flows.map((f) => [f.id, f.name]));
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const flow = (r: { id: string; name?: string | undefined } | null | undefined) =>
      r ? new Ref("flows", r.id, flowName.get(r.id) ?? r.name ?? r.id, "id") : undefined;
    return Promise.all(
      ivrs.map(async (x) => ({
        id: x.id,
        name: x.name,
        args: {
          name: x.name,
          division: await divisionRef(c, x.division?.id),
          description: x.description || undefined,
          dnis: x.dnis?.length ? [...x.dnis].sort() : undefined,
          openHoursFlow: flow(x.openHoursFlow),
          closedHoursFlow: flow(x.closedHoursFlow),
          holidayHoursFlow: flow(x.holidayHoursFlow),
          scheduleGroup: x.scheduleGroup
            ? new Ref(
                "schedulegroups",
                x.scheduleGroup.id,
                groupName.get(x.scheduleGroup.id) ?? x.scheduleGroup.name ?? x.scheduleGroup.id,
                "id",
              )
            : undefined,
        },
      })),
    );
  },
};
