import { defineResource } from "../define";
import { wrapupCodesApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const wrapupCode = defineResource({
  kind: "WrapupCode",
  type: RESOURCE_TYPE,
  urnType: "RoutingWrapupCode",
  label: LABEL,
  collection: "wrapupcodes",
  exporter,
  lookup: wrapupCodesApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
