import type { ExporterSpec } from "../../importer/types";
import { languagesApi } from "./api";

export const exporter: ExporterSpec = {
  key: "languages",
  variablePrefix: "language",
  file: "routing-languages.ts",
  title: "routing languages",
  async list(c) {
    return (await languagesApi.list(c)).map((l) => ({ id: l.id, name: l.name, args: { name: l.name } }));
  },
};
