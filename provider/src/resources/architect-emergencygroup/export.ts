import { flowsApi } from "../architect-flow/api";
import { divisionRef } from "../auth-division/export";
import { Ref, type ExporterSpec } from "../../importer/types";
import { emergencyGroupsApi } from "./api";
import { ivrsApi } from "../architect-ivr/api";
import { flowIdsOf, ivrIdsOf } from "./schema";

export const exporter: ExporterSpec = {
  key: "emergencygroups",
  variablePrefix: "emergencyGroup",
  file: "architect-emergencygroups.ts",
  title: "emergency groups",
  async list(c) {
    const groups = await emergencyGroupsApi.list(c);
    return Promise.all(
      groups.map(async (g) => {
        return {
          id: g.id,
          name: g.name,
          args: {
            name: g.name,
            division: await divisionRef(c, g.division?.id),
            description: g.description || undefined,
            enabled: g.enabled ?? false,
          },
        };
      }),
    );
  },
};

/** One EmergencyGroupFlows link per group that has emergency call flows. */
export const flowsExporter: ExporterSpec = {
  key: "emergencygroupflows",
  variablePrefix: "emergencyGroupFlows",
  file: "architect-emergencygroup-flows.ts",
  title: "emergency group flow links",
  filterKey: "emergencygroups",
  async list(c) {
    const groups = await emergencyGroupsApi.list(c);
    const linked = groups.some((g) => ivrIdsOf(g).some((l) => l.length));
    const [flows, ivrs] = await Promise.all([flowsApi.list(c), linked ? ivrsApi.list(c) : []]);
    const flowName = new Map(flows.map((f) => [f.id, f.name]));
    const ivrName = new Map(ivrs.map((x) => [x.id, x.name]));
    return groups
      .filter((g) => flowIdsOf(g).length)
      .map((g) => ({
        id: g.id,
        name: g.name,
        args: {
          emergencyGroup: new Ref("emergencygroups", g.id, g.name, "id"),
          emergencyFlows: flowIdsOf(g).map((id) => new Ref("flows", id, flowName.get(id) ?? id, "id")),
          // The IVRs each emergency flow applies to: Ivr resources (or lookups), named in order of their names.
          ivrs: ivrIdsOf(g).some((l) => l.length)
            ? ivrIdsOf(g).map((l) =>
                l
                  .map((id) => new Ref("ivrs", id, ivrName.get(id) ?? id, "id"))
                  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
              )
            : undefined,
        },
      }));
  },
};
