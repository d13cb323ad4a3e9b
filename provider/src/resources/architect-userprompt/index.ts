import { defineResource } from "../define";
import { promptsApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const userPrompt = defineResource({
  kind: "UserPrompt",
  type: RESOURCE_TYPE,
  urnType: "ArchitectUserPrompt",
  label: LABEL,
  collection: "prompts",
  exporter,
  lookup: promptsApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
