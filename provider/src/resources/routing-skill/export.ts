import { divisionRef } from "../auth-division/export";
import type { ExporterSpec } from "../../importer/types";
import { skillsApi } from "./api";

export const exporter: ExporterSpec = {
  key: "skills",
  variablePrefix: "skill",
  file: "routing-skills.ts",
  title: "routing skills",
  async list(c) {
    const skills = (await skillsApi.list(c)).filter((s) => s.state !== "deleted");
    return Promise.all(
      skills.map(async (s) => ({
        id: s.id,
        name: s.name,
        args: { name: s.name, division: await divisionRef(c, s.division?.id) },
      })),
    );
  },
};
