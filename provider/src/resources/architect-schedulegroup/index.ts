import { defineResource } from "../define";
import { scheduleGroupsApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const scheduleGroup = defineResource({
  kind: "ScheduleGroup",
  type: RESOURCE_TYPE,
  urnType: "ArchitectScheduleGroup",
  label: LABEL,
  collection: "schedulegroups",
  exporter,
  lookup: scheduleGroupsApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
