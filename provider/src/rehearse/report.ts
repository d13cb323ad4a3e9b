import { renderHtml, type Block, type ReportDoc, type ReportSection } from "../report/html";
import type { RehearsalReport } from "./rehearse";

const OPS = ["create", "adopt", "update", "replace", "delete", "same", "failed"] as const;

function verdict(r: RehearsalReport): string {
  return r.ok
    ? `The rehearsal deployed cleanly: \`up\` of ${r.stack} would succeed in the target as it is now.`
    : `The rehearsal failed: \`up\` of ${r.stack} would not deploy cleanly in the target as it is now.`;
}

function summaryRows(r: RehearsalReport): [string, string][] {
  return [
    ["target", r.target.apiBaseUrl],
    ["changes", OPS.map((op) => `${r.changes[op] ?? 0} ${op}`).join(", ")],
    ["conflicts", String(r.conflicts.length)],
    ["missing lookups", String(r.missingLookups.length)],
    ["flow publish failures", String(r.flowFailures.length)],
    ["trunks that would not connect", String(r.trunksNotConnected.length)],
    ["other errors", String(r.errors.length)],
    ["API calls", `${r.apiCalls.total} (${r.apiCalls.rateLimited} answered 429 by the copy)`],
    [
      "rate-limit time",
      `${r.rateLimit.minutes} min at ${r.rateLimit.perMinute} requests/min per token x ${r.rateLimit.tokens} token(s)`,
    ],
    ["rehearsal took", `${r.seconds} s`],
  ];
}

/** The findings that stop a clean deployment, each with its heading. */
function findings(r: RehearsalReport): [string, string[]][] {
  return [
    ["Conflicts", r.conflicts],
    ["Missing lookups", r.missingLookups],
    ["Flow publish failures", r.flowFailures],
    ["Trunks that would not connect", r.trunksNotConnected],
    ["Other errors", r.errors],
    ["Not copied from the target (not rehearsed)", r.notCopied],
  ];
}

const changed = (r: RehearsalReport) => r.objects.filter((o) => o.op !== "same" || o.failed);

export function markdownRehearsal(r: RehearsalReport): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const lines = [`# Rehearsal of ${r.stack}`, "", `**${verdict(r)}**`, "", "| | |", "|---|---|"];
  for (const [k, v] of summaryRows(r)) lines.push(`| ${k} | ${cell(v)} |`);
  for (const [heading, items] of findings(r)) {
    if (!items.length) continue;
    lines.push("", `## ${heading}`, ...items.map((m) => `- ${m.replace(/\r?\n/g, "\n  ")}`));
  }
  const rows = changed(r);
  if (rows.length) {
    lines.push("", "## Changes", "", "| type | name | what |", "|---|---|---|");
    for (const o of rows) lines.push(`| ${o.kind} | ${cell(o.name)} | ${o.failed ? `${o.op} failed` : o.op} |`);
  }
  return lines.join("\n") + "\n";
}

export function htmlRehearsal(r: RehearsalReport): Promise<string> {
  const sections: ReportSection[] = [
    { heading: "Summary", blocks: [{ kind: "table", columns: ["", ""], rows: summaryRows(r) }] },
  ];
  for (const [heading, items] of findings(r))
    if (items.length) sections.push({ heading, blocks: [{ kind: "list", items: items.map((text) => ({ text })) }] });
  const kinds = [...new Set(changed(r).map((o) => o.kind))];
  for (const kind of kinds) {
    const table: Block = {
      kind: "table",
      columns: ["name", "what"],
      rows: changed(r)
        .filter((o) => o.kind === kind)
        .map((o) => [o.name, o.failed ? `${o.op} failed` : o.op]),
    };
    sections.push({ heading: `Changes: ${kind}`, blocks: [table] });
  }
  sections.push({
    heading: "API calls",
    blocks: [
      {
        kind: "table",
        columns: ["request", "calls"],
        rows: Object.entries(r.apiCalls.byRequest).map(([k, n]) => [k, n]),
      },
    ],
  });
  const doc: ReportDoc = {
    title: `Rehearsal of ${r.stack}`,
    ok: r.ok,
    verdict: verdict(r),
    sections,
    graph: { title: "Dependency graph of the deployed objects", graph: r.graph },
  };
  return renderHtml(doc);
}
