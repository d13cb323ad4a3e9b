import { divisionRef } from "../auth-division/export";
import type { ExporterSpec } from "../../importer/types";
import { schedulesApi } from "./api";

export const exporter: ExporterSpec = {
  key: "schedules",
  variablePrefix: "schedule",
  file: "architect-schedules.ts",
  title: "schedules",
  async list(c) {
    return Promise.all(
      (await schedulesApi.list(c)).map(async (s) => ({
        id: s.id,
        name: s.name,
        args: {
          name: s.name,
          division: await divisionRef(c, s.division?.id),
          description: s.description || undefined,
          start: s.start,
          end: s.end,
          rrule: s.rrule || undefined,
        },
      })),
    );
  },
};
