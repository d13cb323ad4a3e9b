/**
 * The dependency graph of deployed objects, for reports: one node per object, an edge from each object to
 * each object it needs. The links that break cycles are nodes of their own (`QueueFlows` joins a queue to
 * the flows it runs once both exist; `FlowShell` is an empty flow published first so that flows referencing
 * each other can be published), and the dependency each one stands in for is drawn as a "broken" edge.
 */
export type Breaker = "QueueFlows" | "FlowShell";

export interface GraphNode {
  key: string;
  /** Kind of object as the stack code names its class: Queue, Flow, QueueFlows, FlowShell, ... */
  kind: string;
  name: string;
  /** Outcome shown by colour, e.g. created, updated, adopted, failed (rehearsal). */
  status?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The dependency a cycle-breaking link stands in for: drawn dashed, named by the link. */
  brokenBy?: Breaker;
}

export interface DepGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphItem {
  key: string;
  kind: string;
  name: string;
  status?: string;
  /** Keys of the objects this one needs (unknown keys are dropped). */
  needs: string[];
}

const isBreaker = (kind: string): kind is Breaker => kind === "QueueFlows" || kind === "FlowShell";

/** Nodes, their edges, and the edges each cycle-breaking link broke. Deterministic: sorted by kind, name, key. */
export function buildGraph(items: GraphItem[]): DepGraph {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const sorted = [...byKey.values()].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.name, b.name) || cmp(a.key, b.key));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const add = (e: GraphEdge) => {
    const id = `${e.from}\u0000${e.to}\u0000${e.brokenBy ?? ""}`;
    if (e.from === e.to || seen.has(id) || !byKey.has(e.from) || !byKey.has(e.to)) return;
    seen.add(id);
    edges.push(e);
  };
  for (const item of sorted) for (const need of [...new Set(item.needs)].sort()) add({ from: item.key, to: need });
  for (const link of sorted.filter((i) => isBreaker(i.kind))) {
    if (link.kind === "QueueFlows") {
      // The queue would need its flows, which need the queue: the link needs both instead.
      const needs = link.needs.map((k) => byKey.get(k)).filter((i): i is GraphItem => i !== undefined);
      for (const queue of needs.filter((i) => i.kind === "Queue"))
        for (const flow of needs.filter((i) => i.kind === "Flow"))
          add({ from: queue.key, to: flow.key, brokenBy: "QueueFlows" });
    } else {
      // Flows that need the shell would need the full flow, which (in a cycle) needs them.
      const full = sorted.find((i) => i.kind === "Flow" && i.name === link.name);
      if (!full) continue;
      for (const user of sorted.filter((i) => i.key !== full.key && i.needs.includes(link.key)))
        add({ from: user.key, to: full.key, brokenBy: "FlowShell" });
    }
  }
  return {
    nodes: sorted.map((i) => ({ key: i.key, kind: i.kind, name: i.name, ...(i.status ? { status: i.status } : {}) })),
    edges,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A DOT double-quoted string: quotes and backslashes escaped (Graphviz reads `\N`, `\G`, `\l`... otherwise). */
export function dotString(s: string): string {
  return `"${dotEscape(s)}"`;
}

function dotEscape(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\r?\n|\r/g, " ");
}

/** Names longer than this are cut in the picture (the report's tables carry them whole). */
const LABEL_MAX = 48;

const STATUS_COLOURS: Record<string, string> = {
  created: "#d9f2d9",
  updated: "#fff2cc",
  adopted: "#dde8ff",
  failed: "#f8d0d0",
  deleted: "#eeeeee",
};

/** The graph in DOT: nodes labelled kind and name, cycle members and their breaking links highlighted. */
export function toDot(graph: DepGraph): string {
  const id = new Map(graph.nodes.map((n, i) => [n.key, `n${i}`]));
  const inCycle = new Set(graph.edges.filter((e) => e.brokenBy).flatMap((e) => [e.from, e.to]));
  const lines = [
    "digraph deployment {",
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=10, nodesep=0.15, ranksep=0.6];',
    '  node [shape=box, style="rounded,filled", fillcolor="#f4f4f4", color="#888888", fontname="Helvetica", fontsize=10];',
    '  edge [color="#9a9a9a", arrowsize=0.6];',
  ];
  for (const n of graph.nodes) {
    const name = [...n.name].length > LABEL_MAX ? [...n.name].slice(0, LABEL_MAX - 1).join("") + "…" : n.name;
    // Two lines: kind, then name (`\n` is DOT's line break; the name's own are escaped).
    const attrs = [`label="${dotEscape(n.kind)}\\n${dotEscape(name)}"`];
    if (isBreaker(n.kind)) attrs.push("shape=hexagon", 'fillcolor="#ffe0b3"', 'color="#e67e00"', "penwidth=2");
    else if (n.status && STATUS_COLOURS[n.status]) attrs.push(`fillcolor="${STATUS_COLOURS[n.status]}"`);
    if (inCycle.has(n.key)) attrs.push('color="#d62728"', "penwidth=2");
    lines.push(`  ${id.get(n.key)} [${attrs.join(", ")}];`);
  }
  for (const e of graph.edges) {
    const attrs = e.brokenBy
      ? [
          "style=dashed",
          'color="#d62728"',
          "penwidth=1.5",
          "constraint=false",
          `label=${dotString(`broken by ${e.brokenBy}`)}`,
          'fontcolor="#d62728"',
          "fontsize=8",
        ]
      : [];
    lines.push(`  ${id.get(e.from)} -> ${id.get(e.to)}${attrs.length ? ` [${attrs.join(", ")}]` : ""};`);
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}
