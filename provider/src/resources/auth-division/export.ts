import type { GenesysClient } from "../../client";
import { Ref, type ExporterSpec } from "../../importer/types";
import { divisionsApi, listDivisions } from "./api";

export const exporter: ExporterSpec = {
  key: "divisions",
  variablePrefix: "division",
  file: "auth-divisions.ts",
  title: "divisions",
  defaults: { onConflict: "adopt" },
  async list(c) {
    return (await divisionsApi.list(c))
      .filter((d) => !d.homeDivision)
      .map((d) => ({ id: d.id, name: d.name, args: { name: d.name, description: d.description || undefined } }));
  },
};

/** The argument for an object's division: a reference to the Division resource, nothing for home. */
export async function divisionRef(c: GenesysClient, id: string | undefined): Promise<Ref | undefined> {
  if (!id) return undefined;
  const d = (await listDivisions(c)).find((x) => x.id === id);
  if (!d || d.homeDivision) return undefined;
  return new Ref("divisions", d.id, d.name, "name");
}
