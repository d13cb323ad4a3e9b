import { defineResource } from "../define";
import { queuesApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const queue = defineResource({
  kind: "Queue",
  type: RESOURCE_TYPE,
  urnType: "RoutingQueue",
  label: LABEL,
  collection: "queues",
  exporter,
  lookup: queuesApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
