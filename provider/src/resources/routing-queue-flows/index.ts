import { defineResource } from "../define";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

/** A link, not an object: a queue's in-queue flows, set once both exist. */
export const queueFlows = defineResource({
  kind: "QueueFlows",
  type: RESOURCE_TYPE,
  urnType: "RoutingQueueFlows",
  label: LABEL,
  exporter,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
