import { defineResource } from "../define";
import { schedulesApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const schedule = defineResource({
  kind: "Schedule",
  type: RESOURCE_TYPE,
  urnType: "ArchitectSchedule",
  label: LABEL,
  collection: "schedules",
  exporter,
  lookup: schedulesApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
