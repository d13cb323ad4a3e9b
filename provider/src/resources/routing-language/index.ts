import { defineResource } from "../define";
import { languagesApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const language = defineResource({
  kind: "Language",
  type: RESOURCE_TYPE,
  urnType: "RoutingLanguage",
  label: LABEL,
  collection: "languages",
  exporter,
  lookup: languagesApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
