import { defineResource } from "../define";
import { divisionsApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const division = defineResource({
  kind: "Division",
  type: RESOURCE_TYPE,
  urnType: "AuthDivision",
  label: LABEL,
  collection: "divisions",
  exporter,
  lookup: divisionsApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
