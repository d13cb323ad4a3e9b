import { divisionRef } from "../auth-division/export";
import type { ExporterSpec } from "../../importer/types";
import { wrapupCodesApi } from "./api";

export const exporter: ExporterSpec = {
  key: "wrapupcodes",
  variablePrefix: "wrapupCode",
  file: "routing-wrapupcodes.ts",
  title: "wrap-up codes",
  async list(c) {
    const codes = await wrapupCodesApi.list(c);
    return Promise.all(
      codes.map(async (w) => ({
        id: w.id,
        name: w.name,
        args: { name: w.name, division: await divisionRef(c, w.division?.id), description: w.description || undefined },
      })),
    );
  },
};
