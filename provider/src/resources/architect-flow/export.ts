import { GenesysError, type GenesysClient } from "../../client";
import { createHash } from "crypto";
import type { Document, YAMLMap } from "yaml";
import { assignNames } from "../../importer/naming";
import { Code, Ref, type ExportedObject, type ExporterSpec, type ListScope, type Value } from "../../importer/types";
import { listDivisions } from "../auth-division/api";
import { dataTablesApi } from "../architect-datatable/api";
import { emergencyGroupsApi } from "../architect-emergencygroup/api";
import { schedulesApi } from "../architect-schedule/api";
import { scheduleGroupsApi } from "../architect-schedulegroup/api";
import { languagesApi } from "../routing-language/api";
import { queuesApi } from "../routing-queue/api";
import { skillsApi } from "../routing-skill/api";
import { wrapupCodesApi } from "../routing-wrapupcode/api";
import { flowsApi, type Flow } from "./api";
import { promptsApi } from "../architect-userprompt/api";
import { GROUPS, USERS } from "../routing-queue-members/export";
import {
  DATA_ACTIONS,
  FLOW_TYPES,
  INTEGRATIONS,
  flowReferences,
  parseFlow,
  promptReferences,
  rewritePrompts,
  type FlowReference,
  type PromptReference,
} from "./references";

interface SourceFlow {
  id: string;
  name: string;
  type: string;
  file: string;
  yaml: string;
  /** The YAML as the org published it (what verify compares). */
  published: string;
  substitutions: Record<string, Value>;
  /** Ids of flows this one references. */
  flowRefs: string[];
  /** Objects the flow names that are never declared (users, groups, integrations, data actions): lookups. */
  lookups: { type: string; name: string; flow: string }[];
}

/** Reference types a flow names that genesys-clone never creates: always lookups in the target, by name. */
const NEVER_DECLARED = new Set([USERS, GROUPS, INTEGRATIONS, DATA_ACTIONS]);

interface Analysis {
  flows: SourceFlow[];
  /** Flow id -> id of the strongly connected component, for flows in a reference cycle. */
  cyclic: Map<string, number>;
}

const cache = new WeakMap<GenesysClient, Promise<Analysis>>();

/** A stand-in id for a referenced name the source org does not hold (it becomes a lookup by name). */
const missingId = (name: string) => `missing-${createHash("sha256").update(name).digest("hex").slice(0, 16)}`;

/** Tarjan's algorithm: the strongly connected components of the flow reference graph. */
export function cycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Map<string, number>();
  let component = 0;
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      const selfLoop = (edges.get(v) ?? []).includes(v);
      if (members.length > 1 || selfLoop) {
        for (const m of members) out.set(m, component);
        component++;
      }
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return out;
}

/**
 * The flows every org comes with: Terraform's genesyscloud_flow data source documents "Default In-Queue Flow" and
 * "Default Voicemail Flow" (voicemail) by name; SDK `Flow.system` marks flows the platform owns. The target has its
 * own, so they are never declared (a name collision): references to them are lookups.
 */
const DEFAULT_FLOWS: readonly [string, string][] = [
  ["Default In-Queue Flow", "inqueuecall"],
  ["Default Voicemail Flow", "voicemail"],
];

export function isDefaultFlow(f: Pick<Flow, "name" | "type" | "system">): boolean {
  return f.system === true || DEFAULT_FLOWS.some(([name, type]) => name === f.name && type === f.type.toLowerCase());
}

/** Flow types this tool can publish (an Archy top-level key is known for them); others are left to lookups. */
const DEPLOYABLE = new Set(Object.values(FLOW_TYPES));

/**
 * The flows to export: the filters apply first (no export job is started for a flow the import leaves out),
 * then types that cannot be deployed are left out with a warning (references to them become lookups).
 */
function exportable(flows: readonly Flow[], scope: ListScope | undefined): Flow[] {
  return flows.filter((f) => {
    if (isDefaultFlow(f)) return false;
    if (scope?.wants && !scope.wants(f.name)) return false;
    if (DEPLOYABLE.has(f.type.toLowerCase())) return true;
    scope?.leaveOut?.(
      f.name,
      `${f.type.toLowerCase()} flows cannot be deployed from Archy YAML by genesys-clone; references to it are looked up by name in the target`,
      false,
    );
    return false;
  });
}

/** The flow's YAML, or undefined when its export failed: reported, and the import goes on without it. */
async function exportOrLeaveOut(c: GenesysClient, f: Flow, scope: ListScope | undefined): Promise<string | undefined> {
  try {
    return await flowsApi.exportYaml(c, f.id, `Flow '${f.name}'`, f.publishedVersion?.id);
  } catch (err) {
    if (!(err instanceof GenesysError) && !(err instanceof Error && /^Timed out/.test(err.message))) throw err;
    if (!scope?.leaveOut) throw err;
    scope.leaveOut(
      f.name,
      `its export failed (${err.message}); references to it are looked up by name in the target`,
      true,
    );
    return undefined;
  }
}

/** Flow export jobs in flight at once during an import. */
export const EXPORT_JOBS = 8;

/**
 * `fn` over `items` with at most `limit` calls pending, results in the items' order. The first rejection rejects
 * the whole after the calls already started have settled (none is left failing unobserved).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return results;
}

async function analyse(
  c: GenesysClient,
  progress?: (done: number, total: number) => void,
  scope?: ListScope,
): Promise<Analysis> {
  const flows = (await flowsApi.list(c)).filter((f) => f.publishedVersion && !f.deleted);
  // Names of the objects flows reference; a type this client may not read only loses its
  // placeholders (those references then resolve by name in the target), not the flows.
  const readable = <T>(list: Promise<T[]>) =>
    list.catch((err: unknown) => (err instanceof GenesysError && err.kind === "Forbidden" ? [] : Promise.reject(err)));
  const [divisions, queues, groups, schedules, codes, skills, languages, tables, emergencyGroups, prompts] =
    await Promise.all([
      readable(listDivisions(c)),
      readable(queuesApi.list(c)),
      readable(scheduleGroupsApi.list(c)),
      readable(schedulesApi.list(c)),
      readable(wrapupCodesApi.list(c)),
      readable(skillsApi.list(c)),
      readable(languagesApi.list(c)),
      readable(dataTablesApi.list(c)),
      readable(emergencyGroupsApi.list(c)),
      readable(promptsApi.list(c)),
    ]);
  const byName = (list: { id: string; name: string; state?: string | null }[]) =>
    new Map(list.filter((o) => o.state !== "deleted").map((o) => [o.name, o.id] as [string, string]));
  const index: Record<string, Map<string, string>> = {
    queues: byName(queues),
    schedulegroups: byName(groups),
    schedules: byName(schedules),
    wrapupcodes: byName(codes),
    skills: byName(skills),
    languages: byName(languages),
    datatables: byName(tables),
    emergencygroups: byName(emergencyGroups),
    flows: byName(flows),
    prompts: byName(prompts),
  };
  const home = divisions.find((d) => d.homeDivision);
  const wanted = exportable(flows, scope);
  const parsed: {
    flow: (typeof flows)[number];
    yaml: string;
    doc: Document;
    body: YAMLMap;
    refs: FlowReference[];
    promptRefs: PromptReference[];
  }[] = [];
  let done = 0;
  const ordered = [...wanted].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  // Export jobs run EXPORT_JOBS at a time by default (each mostly waits for Archy; the client keeps the calls within the
  // rate limit); results keep the name order, so the output is the same bytes whatever order jobs finish in.
  const exported = await mapBounded(ordered, scope?.exportJobs ?? EXPORT_JOBS, async (f) => {
    const yaml = await exportOrLeaveOut(c, f, scope);
    progress?.(++done, wanted.length);
    return yaml;
  });
  ordered.forEach((f, i) => {
    const yaml = exported[i];
    if (yaml === undefined) return;
    const { doc, body } = parseFlow(yaml, `Flow '${f.name}'`);
    parsed.push({ flow: f, yaml, doc, body, refs: flowReferences(doc, body), promptRefs: promptReferences(doc) });
  });
  // Region-specific names become {{placeholders}} whose values are the target's objects. A key is the
  // referenced object's resource name (naming.ts: names that slug alike get a suffix from the id), so
  // it is unique per object and the same on every import; names the source does not hold get a key too.
  const named: Record<string, { id: string; name: string }[]> = {
    ...Object.fromEntries(
      Object.entries(index).map(([type, byName]) => [type, [...byName].map(([name, id]) => ({ id, name }))]),
    ),
    divisions: divisions.filter((d) => d.id !== home?.id).map((d) => ({ id: d.id, name: d.name })),
  };
  for (const { refs, promptRefs } of parsed) {
    for (const r of [...refs, ...promptRefs.map((p) => ({ type: "prompts", name: p.name }))]) {
      const list = (named[r.type] ??= []);
      if (r.type !== "divisions" && !list.some((o) => o.name === r.name))
        list.push({ id: missingId(r.name), name: r.name });
    }
  }
  const keyOf = new Map<string, string>();
  for (const [type, list] of Object.entries(named)) {
    const names = assignNames(list, "");
    for (const o of list)
      keyOf.set(
        `${type}\u0000${o.name}`,
        `${type === "divisions" ? "division" : type.replace(/s$/, "")}.${names.get(o)!.resourceName}`,
      );
  }
  // One file per flow: flows whose names slug alike get an id suffix, and long names a short, unique one
  // (a file name has at most 255 bytes).
  const sorted = parsed.map((p) => p.flow);
  const fileKeys = sorted.map((f) => ({ id: f.id, name: `${f.name} ${f.type.toLowerCase()}` }));
  const fileNames = assignNames(fileKeys, "");
  const fileOf = new Map(
    sorted.map((f, i) => {
      const n = fileNames.get(fileKeys[i]!)!.resourceName;
      const short =
        n.length > 100
          ? `${n.slice(0, 80).replace(/-+$/, "")}-${createHash("sha256").update(f.id).digest("hex").slice(0, 16)}`
          : n;
      return [f.id, `flows/${short}.yaml`];
    }),
  );
  const out: SourceFlow[] = [];
  for (const { flow: f, yaml, doc, body, refs, promptRefs } of parsed) {
    const substitutions: Record<string, Value> = {};
    const flowRefs: string[] = [];
    const lookups: SourceFlow["lookups"] = [];
    for (const r of refs) {
      // Home maps to home, and a division the client cannot see resolves by name: both stay literal.
      const source = named[r.type]!.find((o) => o.name === r.name);
      if (!source) continue;
      const key = keyOf.get(`${r.type}\u0000${r.name}`)!;
      substitutions[key] = new Ref(r.type, source.id, r.name, "name");
      r.node.value = `{{${key}}}`;
      if (r.type === "flows" && index.flows!.has(r.name)) flowRefs.push(source.id);
      if (NEVER_DECLARED.has(r.type) && !lookups.some((l) => l.type === r.type && l.name === r.name))
        lookups.push({ type: r.type, name: r.name, flow: f.name });
    }
    // `Prompt.Welcome` inside an expression becomes `Prompt.{{prompt.welcome}}`: the flow depends on the prompt.
    const promptKey = (name: string) => {
      const source = named.prompts!.find((o) => o.name === name)!;
      const key = keyOf.get(`prompts\u0000${name}`)!;
      substitutions[key] = new Ref("prompts", source.id, name, "name");
      return `{{${key}}}`;
    };
    for (const node of new Set(promptRefs.map((p) => p.node))) rewritePrompts(node, promptKey);
    body.set("name", "{{name}}");
    const typeName = f.type.toLowerCase();
    const file = fileOf.get(f.id)!;
    out.push({
      id: f.id,
      name: f.name,
      type: typeName,
      file,
      yaml: doc.toString(),
      published: yaml,
      substitutions,
      flowRefs,
      lookups,
    });
  }
  const edges = new Map(out.map((f) => [f.id, f.flowRefs]));
  return {
    flows: out,
    cyclic: cycles(
      out.map((f) => f.id),
      edges,
    ),
  };
}

function analysis(
  c: GenesysClient,
  progress?: (done: number, total: number) => void,
  scope?: ListScope,
): Promise<Analysis> {
  let a = cache.get(c);
  if (!a) {
    a = analyse(c, progress, scope);
    cache.set(c, a);
  }
  return a;
}

/** Kahn's order over non-cyclic references, ties by name: referenced flows are declared first. */
function declarationOrder(a: Analysis): SourceFlow[] {
  const byId = new Map(a.flows.map((f) => [f.id, f]));
  const inCycleWith = (x: string, y: string) => a.cyclic.has(x) && a.cyclic.get(x) === a.cyclic.get(y);
  const deps = new Map(
    a.flows.map((f) => [f.id, new Set(f.flowRefs.filter((r) => byId.has(r) && !inCycleWith(f.id, r) && r !== f.id))]),
  );
  const order: SourceFlow[] = [];
  const ready = () => a.flows.filter((f) => !order.includes(f) && deps.get(f.id)!.size === 0);
  for (let next = ready(); next.length; next = ready()) {
    const f = next[0]!; // flows are sorted by name already
    order.push(f);
    for (const d of deps.values()) d.delete(f.id);
  }
  return order;
}

export const shellExporter: ExporterSpec = {
  key: "flowshells",
  variablePrefix: "flowShell",
  file: "architect-flow-shells.ts",
  title: "flow shells (cycle breaking)",
  filterKey: "flows",
  async list(c, progress, scope) {
    const a = await analysis(c, progress, scope);
    return a.flows
      .filter((f) => a.cyclic.has(f.id))
      .map((f) => ({ id: f.id, name: f.name, args: { name: f.name, type: f.type } }));
  },
};

export const exporter: ExporterSpec = {
  key: "flows",
  variablePrefix: "flow",
  file: "architect-flows.ts",
  title: "flows",
  ordered: true,
  async list(c, progress, scope) {
    const a = await analysis(c, progress, scope);
    return declarationOrder(a).map((f): ExportedObject => {
      const substitutions: Record<string, Value> = {};
      for (const [k, v] of Object.entries(f.substitutions).sort(([x], [y]) => (x < y ? -1 : 1))) {
        // Inside a cycle, reference the other flow's shell: it exists before either full flow.
        substitutions[k] =
          v instanceof Ref && v.type === "flows" && a.cyclic.has(f.id) && a.cyclic.get(f.id) === a.cyclic.get(v.id)
            ? new Ref("flowshells", v.id, v.name, "name")
            : v;
      }
      return {
        id: f.id,
        name: f.name,
        args: {
          name: f.name,
          type: f.type,
          yaml: new Code(`gc.readFlow(__dirname, ${JSON.stringify(f.file)})`),
          substitutions,
          // Part of a cycle: its shell is published first and is this flow, not a conflict.
          shell: a.cyclic.has(f.id) ? new Ref("flowshells", f.id, f.name, "id") : undefined,
        },
        files: { [f.file]: f.yaml },
        published: f.published,
        ...(f.lookups.length ? { lookups: f.lookups } : {}),
      };
    });
  },
};

export { FLOW_TYPES };
