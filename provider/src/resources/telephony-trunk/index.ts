import { defineResource } from "../define";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const trunk = defineResource({
  kind: "Trunk",
  type: RESOURCE_TYPE,
  urnType: "TelephonyTrunk",
  label: LABEL,
  collection: "trunkbasesettings",
  exporter,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
