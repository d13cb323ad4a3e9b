import { createHash } from "crypto";
import type { GenesysClient } from "../client";
import { Code, Ref, type ExportedObject, type Exporter, type Value } from "../importer/types";
import {
  keepsName,
  mapDivision,
  mapMembers,
  mapName,
  mapQueueRefs,
  mapReferenceName,
  mapTimeZone,
  NO_TRANSFORMS,
  type Transforms,
} from "../program/transforms";
import { flowReferences, parseFlow } from "../resources/architect-flow/references";
import { RESOURCES, type Resources } from "../resources/registry";
import { TERMINATION_URI } from "../resources/telephony-trunk/schema";
import { buildGraph, type DepGraph, type GraphItem } from "../report/graph";
import { renderHtml, type ReportDoc } from "../report/html";

/**
 * Parity of two orgs by name, for every supported type: each object's declaration as the importer
 * would write it, with references as (type, name), compared field by field after applying the
 * target stack's transforms to the source. Flows compare their published YAML, leaf by leaf.
 */
export interface TypeReport {
  type: string;
  title: string;
  source: number;
  target: number;
  missing: string[];
  extra: string[];
  different: { name: string; fields: { field: string; source: string; target: string }[] }[];
}

/** One way a call reaches a flow: a DID of an IVR, in its open, closed or holiday hours. */
export interface Route {
  /** The number in the target (the source's, mapped by the transforms file's `dids:`). */
  did: string;
  /** The source's number. */
  sourceDid: string;
  hours: "open" | "closed" | "holiday";
  /** The inbound call flow's name (transformed), and the source IVR's. */
  flow: string;
  ivr: string;
}

/** Whether every flow the source routes a DID to is routed in the target, by the mapped DID, to the flow of that name. */
export interface Reachability {
  routes: number;
  /** Routes of the source the target lacks; `target` says what the target routes that number to instead, if anything. */
  missing: (Route & { target?: string })[];
}

export interface VerifyReport {
  equal: boolean;
  types: TypeReport[];
  reachability: Reachability;
  /** The target's objects and what each needs (references), cycle-breaking links included. */
  graph: DepGraph;
}

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

const refName = (r: Ref, t: Transforms) => mapReferenceName(t, r.type, r.name);

/** An exported value with references and code reduced to comparable text. */
function plain(v: Value | undefined, t: Transforms, files: Record<string, string | Uint8Array>): Plain {
  if (v === undefined) return null;
  if (v instanceof Ref) return `${r(v.type)}:${refName(v, t)}`;
  if (v instanceof Code) {
    const file = /readFlow\(__dirname, "([^"]+)"\)/.exec(v.text)?.[1];
    const flowFile = file === undefined ? undefined : files[file];
    if (file !== undefined) return typeof flowFile === "string" ? flowFile.trim() : "";
    // A prompt's recording compares by content: the sha256 of the bytes each org serves.
    const audio = /promptAudio\(__dirname, "([^"]+)"\)/.exec(v.text)?.[1];
    const bytes = audio === undefined ? undefined : files[audio];
    if (audio !== undefined) return bytes instanceof Uint8Array ? `sha256:${sha256(bytes)}` : "(no audio)";
    return v.text;
  }
  if (Array.isArray(v)) {
    const items = v.map((x) => plain(x, t, files));
    // Lists of references are sets: the API returns them in any order.
    return v.length && v.every((x) => x instanceof Ref) ? [...items].sort() : items;
  }
  if (typeof v === "object") {
    const out: { [k: string]: Plain } = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = plain(v[k], t, files);
    return out;
  }
  return v;
}
const r = (type: string) => type.replace(/s$/, "");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every leaf of a parsed document by its path (`inboundCall.tasks[0].task.name`), so a difference names its place. */
function leaves(v: unknown, at: string, out: Record<string, Plain>): Record<string, Plain> {
  if (Array.isArray(v)) {
    if (!v.length) out[at] = [];
    v.forEach((x, i) => leaves(x, `${at}[${i}]`, out));
  } else if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (!keys.length) out[at] = {};
    for (const k of keys) leaves((v as Record<string, unknown>)[k], at ? `${at}.${k}` : k, out);
  } else out[at] = v === undefined ? null : (v as Plain);
  return out;
}

/**
 * A flow as the org published it, with the names it references (and its own) mapped through the
 * transforms: never through the stack code's placeholders, so a deployment that named the wrong object
 * shows up here.
 */
function publishedFlow(published: string, name: string, t: Transforms): Record<string, Plain> {
  const { doc, body } = parseFlow(published, `Flow '${name}'`);
  for (const ref of flowReferences(doc, body)) ref.node.value = mapReferenceName(t, ref.type, ref.name);
  body.set("name", mapName(t, name));
  return leaves(doc.toJS(), "", {});
}

/** The source object as the target should hold it: transforms applied to names and region values. */
function expected(
  exporter: Exporter,
  o: ExportedObject,
  t: Transforms,
): { name: string; fields: Record<string, Plain> } {
  if (exporter.key === "flows" && o.published !== undefined) {
    const published = publishedFlow(o.published, o.name, t);
    return {
      name: mapName(t, o.name),
      fields: {
        type: plain(o.args.type, t, {}),
        ...Object.fromEntries(Object.entries(published).map(([k, v]) => [`yaml ${k}`, v])),
      },
    };
  }
  const files = o.files ?? {};
  const fields: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(o.args)) if (v !== undefined) fields[k] = plain(v, t, files);
  const rename = (n: string) =>
    exporter.key === "divisions" ? mapDivision(t, n) : keepsName(exporter.key) ? n : mapName(t, n);
  const name = rename(o.name);
  if (typeof fields.name === "string") fields.name = rename(fields.name);
  if (typeof fields.timeZone === "string") fields.timeZone = mapTimeZone(t, fields.timeZone);
  if (typeof fields.inboundSite === "string") fields.inboundSite = t.sites[fields.inboundSite] ?? fields.inboundSite;
  if (typeof fields.site === "string") fields.site = t.sites[fields.site] ?? fields.site;
  const props = fields.properties;
  if (props && typeof props === "object" && !Array.isArray(props)) {
    const uri = props[TERMINATION_URI];
    if (typeof uri === "string" && t.sipTerminationUris[uri] !== undefined)
      fields.properties = { ...props, [TERMINATION_URI]: t.sipTerminationUris[uri] };
  }
  mapQueueRefs(t, fields);
  if (exporter.key === "ivrs" && Array.isArray(fields.dnis))
    fields.dnis = fields.dnis.map((n) => (typeof n === "string" ? (t.dids[n] ?? n) : n)).sort();
  if (exporter.key === "queuemembers") mapMembers(t, fields);
  if (Array.isArray(fields.sipServers))
    fields.sipServers = fields.sipServers.map((s) => (typeof s === "string" ? (t.sipServers[s] ?? s) : s));
  return { name, fields };
}

function actual(exporter: Exporter, o: ExportedObject): { name: string; fields: Record<string, Plain> } {
  return expected(exporter, o, NO_TRANSFORMS);
}

const show = (v: Plain | undefined) => {
  const s = v === undefined ? "(absent)" : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

export async function verifyOrgs(
  source: GenesysClient,
  target: GenesysClient,
  transforms: Transforms = NO_TRANSFORMS,
  resources: Resources = RESOURCES,
  /** Compare data tables' rows too (rows are data: only when asked, like `import --with-rows`). */
  opts: { withRows?: boolean } = {},
): Promise<VerifyReport> {
  const types: TypeReport[] = [];
  const items: GraphItem[] = [];
  // Every registered type verify compares (not the cycle-breaking shells, a detail of deployment).
  const compared = resources.all.flatMap((d) => (d.verified && d.exporter ? [d.exporter] : []));
  let ivrs: { source: ExportedObject[]; target: ExportedObject[] } = { source: [], target: [] };
  for (const exporter of compared) {
    const scope = { withRows: opts.withRows === true };
    const [s, tg] = await Promise.all([
      exporter.list(source, undefined, scope),
      exporter.list(target, undefined, scope),
    ]);
    if (exporter.key === "ivrs") ivrs = { source: s, target: tg };
    items.push(...graphItems(exporter, tg));
    const want = new Map(s.map((o) => expected(exporter, o, transforms)).map((e) => [e.name, e.fields]));
    const have = new Map(tg.map((o) => actual(exporter, o)).map((e) => [e.name, e.fields]));
    const report: TypeReport = {
      type: exporter.key,
      title: exporter.title,
      source: s.length,
      target: tg.length,
      missing: [],
      extra: [],
      different: [],
    };
    for (const [name, fields] of [...want].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const other = have.get(name);
      if (!other) {
        report.missing.push(name);
        continue;
      }
      const diffs = [...new Set([...Object.keys(fields), ...Object.keys(other)])]
        .sort()
        .filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(other[k]))
        .map((k) => ({ field: k, source: show(fields[k]), target: show(other[k]) }));
      if (diffs.length) report.different.push({ name, fields: diffs });
    }
    report.extra = [...have.keys()].filter((n) => !want.has(n)).sort();
    types.push(report);
  }
  const reachability = reach(ivrs.source, ivrs.target, transforms);
  return {
    equal:
      types.every((t) => !t.missing.length && !t.extra.length && !t.different.length) && !reachability.missing.length,
    types,
    reachability,
    graph: buildGraph(items),
  };
}

const HOURS = [
  ["open", "openHoursFlow"],
  ["closed", "closedHoursFlow"],
  ["holiday", "holidayHoursFlow"],
] as const;

/** Every (DID, hours) -> flow an org's IVRs route, names and numbers mapped by `t`. */
function routesOf(ivrs: ExportedObject[], t: Transforms): Route[] {
  const out: Route[] = [];
  for (const o of ivrs) {
    const dnis = Array.isArray(o.args.dnis) ? o.args.dnis.filter((n): n is string => typeof n === "string") : [];
    for (const sourceDid of dnis)
      for (const [hours, field] of HOURS) {
        const flow = o.args[field];
        if (flow instanceof Ref)
          out.push({ did: t.dids[sourceDid] ?? sourceDid, sourceDid, hours, flow: mapName(t, flow.name), ivr: o.name });
      }
  }
  return out.sort((a, b) => (a.did + a.hours < b.did + b.hours ? -1 : 1));
}

/** The source's routes the target does not have: a number (mapped) that reaches no flow, or another one. */
export function reach(source: ExportedObject[], target: ExportedObject[], t: Transforms): Reachability {
  const routed = new Map(routesOf(target, NO_TRANSFORMS).map((r) => [`${r.did} ${r.hours}`, r.flow]));
  const want = routesOf(source, t);
  const missing = want.flatMap((r) => {
    const have = routed.get(`${r.did} ${r.hours}`);
    if (have === r.flow) return [];
    return [have === undefined ? r : { ...r, target: have }];
  });
  return { routes: want.length, missing };
}

function routeText(m: Reachability["missing"][number]): string {
  const number = m.did === m.sourceDid ? m.did : `${m.did} (${m.sourceDid} in the source)`;
  const now = m.target === undefined ? "the target routes it nowhere" : `the target routes it to '${m.target}'`;
  return `${number}, ${m.hours} hours: the source's IVR '${m.ivr}' routes it to flow '${m.flow}'; ${now}`;
}

/** An org's objects as graph items: each needs what its arguments reference (a flow in a cycle: the other's shell). */
function graphItems(exporter: Exporter, objects: ExportedObject[]): GraphItem[] {
  const out: GraphItem[] = [];
  for (const o of objects) {
    const refs: Ref[] = [];
    const walk = (v: Value | undefined): void => {
      if (v instanceof Ref) refs.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object" && !(v instanceof Code)) Object.values(v).forEach(walk);
    };
    Object.values(o.args).forEach(walk);
    refs.push(...(o.dependsOn ?? []));
    for (const ref of refs.filter((x) => x.type === "flowshells"))
      out.push({ key: `flowshells:${ref.id}`, kind: "FlowShell", name: ref.name, needs: [] });
    out.push({
      key: `${exporter.key}:${o.id}`,
      kind: exporter.className,
      name: o.name,
      needs: refs.map((x) => `${x.type}:${x.id}`),
    });
  }
  return out;
}

/** The report as a self-contained HTML page: the summary, the differences per type, the target's dependency graph. */
export function htmlReport(report: VerifyReport, title: string): Promise<string> {
  const changed = report.types.filter((t) => t.missing.length || t.extra.length || t.different.length);
  const reachability = {
    heading: "Reachability",
    blocks: [
      {
        kind: "list" as const,
        items: [
          {
            text: `${report.reachability.routes - report.reachability.missing.length} of ${report.reachability.routes} routes from a DID to an inbound call flow reach the same flow in the target`,
          },
          ...report.reachability.missing.map((m) => ({ text: `missing route: ${routeText(m)}` })),
        ],
      },
    ],
  };
  const doc: ReportDoc = {
    title,
    ok: report.equal,
    verdict: report.equal ? "The target matches the source." : "The target differs from the source.",
    sections: [
      {
        heading: "Summary",
        blocks: [
          {
            kind: "table",
            columns: ["type", "source", "target", "missing", "extra", "different"],
            rows: report.types.map((t) => [
              t.title,
              t.source,
              t.target,
              t.missing.length,
              t.extra.length,
              t.different.length,
            ]),
          },
        ],
      },
      reachability,
      ...changed.map((t) => ({
        heading: t.title,
        blocks: [
          {
            kind: "list" as const,
            items: [
              ...t.missing.map((n) => ({ text: `missing in target: ${n}` })),
              ...t.extra.map((n) => ({ text: `only in target: ${n}` })),
              ...t.different.map((d) => ({
                text: `different: ${d.name}`,
                detail: d.fields.map((f) => `${f.field}: source ${f.source}, target ${f.target}`),
              })),
            ],
          },
        ],
      })),
    ],
    graph: { title: "Dependency graph of the target's objects", graph: report.graph },
  };
  return renderHtml(doc);
}

/** The report for a person: a summary table first, then every difference. */
export function markdownReport(report: VerifyReport, title: string): string {
  const lines = [
    `# ${title}`,
    "",
    report.equal ? "**Result: the target matches the source.**" : "**Result: the target differs from the source.**",
    "",
  ];
  lines.push("| type | source | target | missing | extra | different |", "|---|---:|---:|---:|---:|---:|");
  for (const t of report.types)
    lines.push(
      `| ${t.title} | ${t.source} | ${t.target} | ${t.missing.length} | ${t.extra.length} | ${t.different.length} |`,
    );
  const r = report.reachability;
  lines.push(
    "",
    "## Reachability",
    `${r.routes - r.missing.length} of ${r.routes} routes from a DID to an inbound call flow reach the same flow in the target.`,
  );
  for (const m of r.missing) lines.push(`- missing route: ${routeText(m)}`);
  for (const t of report.types) {
    if (!t.missing.length && !t.extra.length && !t.different.length) continue;
    lines.push("", `## ${t.title}`);
    for (const n of t.missing) lines.push(`- missing in target: ${n}`);
    for (const n of t.extra) lines.push(`- only in target: ${n}`);
    for (const d of t.different) {
      lines.push(`- different: ${d.name}`);
      for (const f of d.fields)
        lines.push(
          `  - \`${f.field}\`: source ${f.source.replace(/\|/g, "\\|")}, target ${f.target.replace(/\|/g, "\\|")}`,
        );
    }
  }
  return lines.join("\n") + "\n";
}
