import { promises as fs } from "fs";
import * as path from "path";
import { z } from "zod";
import type { Models, SdkRead } from "../sdk";
import { GenesysClient, GenesysError } from "../client";
import { formatGenerated } from "./format";
import { Declared, emitIndex, emitLookups, emitTypeFile, Lookup, SourceInfo } from "./emit";
import { Filter, FilterError } from "./filters";
import { assignNames, byNameThenId } from "./naming";
import { RESOURCES, type Resources } from "../resources/registry";
import type { ExportedObject, Exporter } from "./types";

const Organization = z.object({ id: z.string(), name: z.string() });
type _Organization = SdkRead<Models.Organization, z.infer<typeof Organization>>;

export interface ImportOptions {
  outDir: string;
  /** The resource types to import (default: the registry's; a test adds a fixture type). */
  resources?: Resources;
  region: string;
  include?: string[];
  exclude?: string[];
  /** Import data tables' rows too. */
  withRows?: boolean;
  /** Flow export jobs in flight at once (default 8; a test that faults "the first job" uses 1). */
  exportJobs?: number;
  /** Results and warnings, one line each (stderr in the CLI). */
  log?: (line: string) => void;
  /** Per-object progress of long listings. */
  progress?: (title: string, done: number, total: number) => void;
}

export interface ImportResult {
  outDir: string;
  files: string[];
  counts: Record<string, number>;
  skipped: { type: string; reason: string }[];
  lookups: Lookup[];
  /** Secret config keys each target stack must set (trunk credentials). */
  secretConfig: string[];
  /** Objects left out (a type that cannot be deployed, or an export that failed): references to them are lookups. */
  leftOut: { type: string; name: string; reason: string; failed: boolean }[];
}

export const TYPE_KEYS = RESOURCES.exporters().map((e) => e.key);

/** Reads the source org and writes one TypeScript file per type, lookups.ts and an index under `outDir`. */
export async function importOrg(client: GenesysClient, opts: ImportOptions): Promise<ImportResult> {
  const log = opts.log ?? (() => undefined);
  const exporters = (opts.resources ?? RESOURCES).exporters();
  const filter = new Filter(
    opts.include ?? [],
    opts.exclude ?? [],
    exporters.map((e) => e.key),
  );
  const org = await client.request({ method: "GET", path: "/api/v2/organizations/me", schema: Organization });
  const source: SourceInfo = { orgName: org.name, region: opts.region };

  const selected = new Map<Exporter, ExportedObject[]>();
  const skipped: ImportResult["skipped"] = [];
  const leftOut: ImportResult["leftOut"] = [];
  const listed: { type: string; name: string }[] = [];
  for (const exporter of exporters) {
    if (!filter.wantsType(exporter.filterKey ?? exporter.key)) {
      selected.set(exporter, []);
      continue;
    }
    let objects: ExportedObject[];
    const filterKey = exporter.filterKey ?? exporter.key;
    const scope = {
      wants: (name: string) => filter.selects(filterKey, name),
      leaveOut: (name: string, reason: string, failed: boolean) => {
        log(`  warning: ${filterKey}: '${name}' left out: ${reason}`);
        leftOut.push({ type: filterKey, name, reason, failed });
        listed.push({ type: filterKey, name }); // it exists: an --include naming it is not a typo
      },
      withRows: opts.withRows === true,
      ...(opts.exportJobs !== undefined ? { exportJobs: opts.exportJobs } : {}),
      note: (message: string) => log(`  warning: ${message}`),
    };
    try {
      objects = await exporter.list(client, (done, total) => opts.progress?.(exporter.title, done, total), scope);
    } catch (err) {
      if (err instanceof GenesysError && (err.kind === "Forbidden" || err.status === 403)) {
        const reason = `the OAuth client may not read ${exporter.title} (HTTP 403): grant its role the view permission to import them`;
        log(`  warning: skipping ${exporter.title}: ${reason}`);
        skipped.push({ type: exporter.key, reason });
        selected.set(exporter, []);
        continue;
      }
      throw err;
    }
    for (const o of objects) listed.push({ type: exporter.filterKey ?? exporter.key, name: o.name });
    const kept = objects.filter((o) => filter.selects(exporter.filterKey ?? exporter.key, o.name));
    if (!exporter.ordered) kept.sort(byNameThenId);
    log(
      `  ${exporter.title}: ${kept.length}${kept.length !== objects.length ? ` of ${objects.length} (filtered)` : ""}`,
    );
    selected.set(exporter, kept);
  }

  // An include that matches nothing would write code without those objects, and deploying it would delete them.
  const unused = filter.unusedIncludes(
    listed,
    skipped.map((s) => s.type),
  );
  if (unused.length) {
    throw new FilterError(
      `${unused.map((r) => `--include '${r.text}'`).join(", ")} ${unused.length > 1 ? "match" : "matches"} no object in the source org: ` +
        "check the spelling (patterns are case-sensitive globs, e.g. 'queues:Support*'). Nothing was written.",
    );
  }

  const declared = new Map<string, Declared>();
  for (const [exporter, objects] of selected) {
    const names = assignNames(objects, exporter.variablePrefix);
    for (const o of objects) declared.set(`${exporter.key}\u0000${o.id}`, { ...names.get(o)!, file: exporter.file });
  }
  // Prefixes can meet across types (a schedule "Group Hours" and a schedule group "Hours" are both
  // scheduleGroupHours): such variables also carry their type, so every generated file compiles.
  const byVariable = new Map<string, string[]>();
  for (const [key, d] of declared) byVariable.set(d.variable, [...(byVariable.get(d.variable) ?? []), key]);
  for (const keys of byVariable.values()) {
    if (keys.length < 2) continue;
    for (const key of keys) declared.get(key)!.variable += `_${key.split("\u0000")[0]}`;
  }
  const lookup = (type: string, id: string) => declared.get(`${type}\u0000${id}`);

  const rendered = new Map<string, string | Uint8Array>();
  const lookups = new Map<string, Lookup>();
  const counts: Record<string, number> = {};
  for (const [exporter, objects] of selected) {
    counts[exporter.key] = objects.length;
    rendered.set(exporter.file, emitTypeFile(exporter, objects, lookup, source, lookups));
    for (const o of objects)
      for (const l of o.lookups ?? []) {
        const key = `${l.type}\u0000${l.name}`;
        const known = lookups.get(key) ?? { type: l.type, name: l.name };
        if (l.usedBy !== undefined && !known.usedBy?.includes(l.usedBy))
          known.usedBy = [...(known.usedBy ?? []), l.usedBy];
        if (l.flow !== undefined && !known.flows?.includes(l.flow)) known.flows = [...(known.flows ?? []), l.flow];
        lookups.set(key, known);
      }
  }
  const missing = [...lookups.values()];
  rendered.set("lookups.ts", emitLookups(missing, source));
  rendered.set("index.ts", emitIndex(exporters, source));
  for (const objects of selected.values())
    for (const o of objects) for (const [file, text] of Object.entries(o.files ?? {})) rendered.set(file, text);
  await fs.mkdir(opts.outDir, { recursive: true });
  // Flow and prompt files of an earlier import that this one no longer writes would be stale: remove them.
  const flowsDir = path.join(opts.outDir, "flows");
  for (const f of await fs.readdir(flowsDir).catch(() => [] as string[])) {
    if (!rendered.has(`flows/${f}`)) await fs.rm(path.join(flowsDir, f));
  }
  const promptsDir = path.join(opts.outDir, "prompts");
  for (const f of await fs.readdir(promptsDir, { recursive: true }).catch(() => [] as string[])) {
    const rel = `prompts/${f.split(path.sep).join("/")}`;
    if (rel.endsWith(".wav") && !rendered.has(rel)) await fs.rm(path.join(promptsDir, f));
  }
  for (const [file, content] of rendered) {
    await fs.mkdir(path.dirname(path.join(opts.outDir, file)), { recursive: true });
    await fs.writeFile(
      path.join(opts.outDir, file),
      typeof content === "string" ? await formatGenerated(file, content) : content,
    );
  }
  const secretConfig = [...selected.values()].flatMap((objects) => objects.flatMap((o) => o.secretConfig ?? [])).sort();
  return {
    outDir: opts.outDir,
    files: [...rendered.keys()].sort(),
    counts,
    skipped,
    lookups: missing,
    secretConfig,
    leftOut,
  };
}
