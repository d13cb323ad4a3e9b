import { divisionRef } from "../auth-division/export";
import { schedulesApi } from "../architect-schedule/api";
import { Ref, type ExporterSpec } from "../../importer/types";
import { scheduleGroupsApi } from "./api";

export const exporter: ExporterSpec = {
  key: "schedulegroups",
  variablePrefix: "scheduleGroup",
  file: "architect-schedulegroups.ts",
  title: "schedule groups",
  async list(c) {
    const [groups, schedules] = await Promise.all([scheduleGroupsApi.list(c), schedulesApi.list(c)]);
    const nameOf = new Map(schedules.map((s) => [s.id, s.name]));
    const refs = (list: { id: string }[] | null | undefined) => {
      const out = (list ?? [])
        .map((r) => new Ref("schedules", r.id, nameOf.get(r.id) ?? r.id, "id"))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return out.length ? out : undefined;
    };
    return Promise.all(
      groups.map(async (g) => ({
        id: g.id,
        name: g.name,
        args: {
          name: g.name,
          division: await divisionRef(c, g.division?.id),
          description: g.description || undefined,
          timeZone: g.timeZone ?? undefined,
          openSchedules: refs(g.openSchedules),
          closedSchedules: refs(g.closedSchedules),
          holidaySchedules: refs(g.holidaySchedules),
        },
      })),
    );
  },
};
