import { defineResource } from "../define";
import { dataTablesApi } from "./api";
import { exporter } from "./export";
import { LABEL, RESOURCE_TYPE } from "./schema";

export const dataTable = defineResource({
  kind: "DataTable",
  type: RESOURCE_TYPE,
  urnType: "ArchitectDataTable",
  label: LABEL,
  collection: "datatables",
  exporter,
  lookup: dataTablesApi.list,
  implementation: () => (require("./provider") as typeof import("./provider")).provider,
});
