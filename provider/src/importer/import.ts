import { promises as fs } from "fs";
import * as path from "path";
import { z } from "zod";
import type { GenesysClient } from "../client";
import { emitIndex, emitTypeFile, SourceInfo } from "./emit";
import { EXPORTERS } from "./registry";

const Organization = z.object({ id: z.string(), name: z.string() });

export interface ImportResult {
  outDir: string;
  files: string[];
  counts: Record<string, number>;
}

/** Reads the source org and writes one TypeScript file per type plus an index under `outDir`. */
export async function importOrg(
  client: GenesysClient,
  opts: { outDir: string; region: string; log?: (line: string) => void },
): Promise<ImportResult> {
  const log = opts.log ?? (() => undefined);
  const org = await client.request({ method: "GET", path: "/api/v2/organizations/me", schema: Organization });
  const source: SourceInfo = { orgName: org.name, region: opts.region };
  const rendered = new Map<string, string>();
  const counts: Record<string, number> = {};
  for (const exporter of EXPORTERS) {
    const objects = await exporter.list(client);
    counts[exporter.title] = objects.length;
    log(`  ${exporter.title}: ${objects.length}`);
    rendered.set(exporter.file, emitTypeFile(exporter, objects, source));
  }
  rendered.set("index.ts", emitIndex(EXPORTERS, source));
  await fs.mkdir(opts.outDir, { recursive: true });
  for (const [file, text] of rendered) await fs.writeFile(path.join(opts.outDir, file), text);
  return { outDir: opts.outDir, files: [...rendered.keys()].sort(), counts };
}
