import { divisionRef } from "../auth-division/export";
import type { Exporter } from "../../importer/types";
import { wrapupCodesApi } from "./api";
import { RESOURCE_TYPE } from "./schema";

export const exporter: Exporter = {
  resourceType: RESOURCE_TYPE,
  key: "wrapupcodes",
  className: "WrapupCode",
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
