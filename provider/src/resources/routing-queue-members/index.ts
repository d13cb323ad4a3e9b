import { defineResource } from "../define";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

/** A link, not an object: a queue's members and member groups (users and groups are per org, never created). */
export const queueMembers = defineResource({
  kind: "QueueMembers",
  type: RESOURCE_TYPE,
  urnType: "RoutingQueueMembers",
  label: LABEL,
  exporter,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
