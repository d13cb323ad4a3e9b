import type { Exporter } from "../../importer/types";
import { languagesApi } from "./api";
import { RESOURCE_TYPE } from "./schema";

export const exporter: Exporter = {
  resourceType: RESOURCE_TYPE,
  key: "languages",
  className: "Language",
  variablePrefix: "language",
  file: "routing-languages.ts",
  title: "routing languages",
  async list(c) {
    return (await languagesApi.list(c)).map((l) => ({ id: l.id, name: l.name, args: { name: l.name } }));
  },
};
