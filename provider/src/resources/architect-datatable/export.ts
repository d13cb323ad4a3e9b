import { divisionRef } from "../auth-division/export";
import { canonical, type ExporterSpec, type Value } from "../../importer/types";
import { dataTablesApi } from "./api";
import { propertiesOf } from "./schema";

export const exporter: ExporterSpec = {
  key: "datatables",
  variablePrefix: "dataTable",
  file: "architect-datatables.ts",
  title: "data tables",
  async list(c, _progress, scope) {
    const tables = await dataTablesApi.list(c);
    return Promise.all(
      tables.map(async (t) => {
        let rows: Value | undefined;
        // Rows are often data, not configuration: only `--with-rows` imports them.
        if (scope?.withRows) {
          const byKey: Record<string, Record<string, unknown>> = {};
          for (const r of await dataTablesApi.rows(c, t.id)) {
            if (typeof r.key !== "string") continue;
            const { key: _key, ...cells } = r;
            byKey[r.key] = Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== null));
          }
          rows = canonical(byKey) ?? {};
        }
        return {
          id: t.id,
          name: t.name,
          args: {
            name: t.name,
            division: await divisionRef(c, t.division?.id),
            description: t.description || undefined,
            properties: propertiesOf(t).map((p) => canonical(p)!),
            rows,
          },
        };
      }),
    );
  },
};
