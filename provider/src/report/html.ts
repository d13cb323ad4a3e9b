import { toDot, type DepGraph } from "./graph";

/**
 * Self-contained HTML reports (verify, rehearse): inline CSS, the dependency graph as inline SVG rendered
 * at report time by Graphviz compiled to WebAssembly (@viz-js/viz). No script and no network at view time.
 * Every name passes through `escapeHtml` (or through Graphviz, which writes SVG text escaped).
 */
export type Cell = string | number;

export type Block =
  | { kind: "table"; columns: string[]; rows: Cell[][] }
  | { kind: "list"; items: { text: string; detail?: string[] }[] }
  | { kind: "text"; text: string };

export interface ReportSection {
  heading: string;
  blocks: Block[];
}

export interface ReportDoc {
  title: string;
  ok: boolean;
  /** One line under the title: what the result means. */
  verdict: string;
  /** First: the summary. Then per type. */
  sections: ReportSection[];
  graph?: { title: string; graph: DepGraph };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Above this many objects the picture is left out (Graphviz's layout grows too slow to be worth it). */
export const GRAPH_MAX_NODES = 1500;

/** The graph as an SVG element (no XML prolog), or undefined when it is too large to draw. */
export async function graphSvg(graph: DepGraph): Promise<string | undefined> {
  if (graph.nodes.length === 0 || graph.nodes.length > GRAPH_MAX_NODES) return undefined;
  // A CommonJS build of the package (its `require` export): loaded only when a report is written.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const viz = (require("@viz-js/viz") as typeof import("@viz-js/viz")).instance();
  const svg = (await viz).renderString(toDot(graph), { format: "svg" });
  const start = svg.indexOf("<svg");
  return start < 0 ? undefined : svg.slice(start).replace(/<!--[^]*?-->/g, "");
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.verdict{padding:.6rem .9rem;border-radius:6px;font-weight:600;margin:.8rem 0 1.2rem}
.ok{background:#e3f5e1;color:#1d5e1a}.fail{background:#fbe3e3;color:#8a1c1c}
table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
ul{margin:.3rem 0 .8rem 1.2rem;padding:0}li{margin:.15rem 0}code{background:#f4f4f4;padding:0 .2rem;border-radius:3px;word-break:break-all}
.graph{overflow:auto;border:1px solid #ddd;border-radius:6px;padding:.5rem;background:#fff}.graph svg{max-width:none;height:auto}
.legend span{display:inline-block;margin-right:1rem}.sw{display:inline-block;width:.9rem;height:.9rem;border:1px solid #888;vertical-align:middle;margin-right:.3rem}
`;

function block(b: Block): string {
  if (b.kind === "text") return `<p>${escapeHtml(b.text)}</p>`;
  if (b.kind === "list")
    return `<ul>${b.items
      .map(
        (i) =>
          `<li>${escapeHtml(i.text)}${
            i.detail?.length ? `<ul>${i.detail.map((d) => `<li><code>${escapeHtml(d)}</code></li>`).join("")}</ul>` : ""
          }</li>`,
      )
      .join("")}</ul>`;
  const head = `<tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>`;
  const rows = b.rows
    .map(
      (r) =>
        `<tr>${r.map((c) => (typeof c === "number" ? `<td class="n">${c}</td>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`,
    )
    .join("\n");
  return `<table>${head}\n${rows}</table>`;
}

const LEGEND = [
  ["#d9f2d9", "created"],
  ["#fff2cc", "updated"],
  ["#dde8ff", "adopted"],
  ["#f8d0d0", "failed"],
  ["#ffe0b3", "cycle-breaking link (QueueFlows, FlowShell)"],
];

export async function renderHtml(doc: ReportDoc): Promise<string> {
  const parts = [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no remote resource: the report is a document, safe to open anywhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<div class="verdict ${doc.ok ? "ok" : "fail"}">${escapeHtml(doc.verdict)}</div>`,
  ];
  for (const s of doc.sections) parts.push(`<h2>${escapeHtml(s.heading)}</h2>`, ...s.blocks.map(block));
  if (doc.graph) {
    parts.push(`<h2>${escapeHtml(doc.graph.title)}</h2>`);
    const svg = await graphSvg(doc.graph.graph);
    const broken = doc.graph.graph.edges.filter((e) => e.brokenBy).length;
    parts.push(
      `<p>${doc.graph.graph.nodes.length} objects, ${doc.graph.graph.edges.length - broken} dependencies; ` +
        `${broken} dependencies of cycles broken by a link (dashed red, their objects outlined in red).</p>`,
      `<p class="legend">${LEGEND.map(([c, t]) => `<span><i class="sw" style="background:${c}"></i>${escapeHtml(t ?? "")}</span>`).join("")}</p>`,
      svg
        ? `<div class="graph">${svg}</div>`
        : `<p>${doc.graph.graph.nodes.length ? `Not drawn: more than ${GRAPH_MAX_NODES} objects.` : "No objects."}</p>`,
    );
  }
  parts.push("</body></html>");
  return parts.join("\n") + "\n";
}
