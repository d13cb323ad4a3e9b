import { defineResource } from "../define";
import { emergencyGroupsApi } from "./api";
import { exporter, flowsExporter } from "./export";
import { FLOWS_LABEL, FLOWS_RESOURCE_TYPE, LABEL, RESOURCE_TYPE } from "./schema";

export const emergencyGroup = defineResource({
  kind: "EmergencyGroup",
  type: RESOURCE_TYPE,
  urnType: "ArchitectEmergencyGroup",
  label: LABEL,
  collection: "emergencygroups",
  exporter,
  lookup: emergencyGroupsApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});

/** A link, not an object: a group's emergency call flows, set once the group and the flows exist. */
export const emergencyGroupFlows = defineResource({
  kind: "EmergencyGroupFlows",
  type: FLOWS_RESOURCE_TYPE,
  urnType: "ArchitectEmergencyGroupFlows",
  label: FLOWS_LABEL,
  exporter: flowsExporter,
  implementation: () => (require("./provider") as typeof import("./provider")).flowsProvider,
});
