import { defineResource } from "../define";
import { ivrsApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const ivr = defineResource({
  kind: "Ivr",
  type: RESOURCE_TYPE,
  urnType: "ArchitectIvr",
  label: LABEL,
  collection: "ivrs",
  exporter,
  lookup: ivrsApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
