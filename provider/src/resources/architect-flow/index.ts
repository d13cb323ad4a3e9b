import { defineResource } from "../define";
import { flowsApi } from "./api";
import { exporter, shellExporter } from "./export";
import { LABEL, RESOURCE_TYPE, SHELL_LABEL, SHELL_RESOURCE_TYPE } from "./schema";

/** The first, empty publication of a flow in a reference cycle: deployed, never compared (a deployment detail). */
export const flowShell = defineResource({
  kind: "FlowShell",
  type: SHELL_RESOURCE_TYPE,
  urnType: "ArchitectFlowShell",
  label: SHELL_LABEL,
  exporter: shellExporter,
  verified: false,
  implementation: () => (require("./provider") as typeof import("./provider")).shellProvider,
});

export const flow = defineResource({
  kind: "Flow",
  type: RESOURCE_TYPE,
  urnType: "ArchitectFlow",
  label: LABEL,
  collection: "flows",
  exporter,
  lookup: flowsApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
