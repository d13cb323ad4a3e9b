import { defineResource } from "../define";
import { skillsApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const skill = defineResource({
  kind: "Skill",
  type: RESOURCE_TYPE,
  urnType: "RoutingSkill",
  label: LABEL,
  collection: "skills",
  exporter,
  lookup: skillsApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
