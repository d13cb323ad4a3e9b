import assert from "node:assert/strict";
import { test } from "node:test";
import { buildGraph, toDot, type GraphItem } from "@genesys-clone/provider/dist/report/graph";
import { escapeHtml, renderHtml } from "@genesys-clone/provider/dist/report/html";
import { analyse } from "@genesys-clone/provider/dist/rehearse/rehearse";
import { htmlRehearsal, markdownRehearsal } from "@genesys-clone/provider/dist/rehearse/report";
import { htmlReport, type VerifyReport } from "@genesys-clone/provider/dist/verify/verify";

// Names a user can give objects in Genesys Cloud: markup, quotes, backslashes (DOT escapes), template syntax,
// every script, and the longest names.
const HOSTILE: [string, string][] = [
  ["markup", `<script>alert("x")</script> & <img src=x onerror=alert(1)>`],
  ["quotes", `Sales "VIP" 'Gold'`],
  ["backslashes and DOT escapes", `C:\\queues\\N\\G\\l "\\"`],
  ["template syntax", "${process.env.SECRET} {{queue.sales}} `cmd`"],
  ["scripts", "Ventes Français — Продажи 販売 مبيعات विक्रय 🎧"],
  ["longest name", "Q".repeat(255)],
];

/** What a page may contain only as the report's own markup: never from a name. */
function assertNoInjectedMarkup(html: string, what: string): void {
  assert.ok(!/<script/i.test(html), `${what}: a <script> element`);
  assert.ok(!/<img/i.test(html), `${what}: an <img> element`);
  assert.ok(!/<[^>]*\sonerror=/i.test(html), `${what}: an event handler attribute`);
  assert.ok(
    !/(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html) && !/url\(/i.test(html),
    `${what}: a network reference`,
  );
}

test("escapeHtml: every character with meaning in HTML text or attributes is escaped", () => {
  const cases: [string, string][] = [
    ["<b>", "&#60;b&#62;"],
    [`a & "b" 'c'`, "a &#38; &#34;b&#34; &#39;c&#39;"],
    ["plain Ünïcödé", "plain Ünïcödé"],
  ];
  for (const [input, want] of cases) assert.equal(escapeHtml(input), want, input);
});

test("DOT: names are quoted with backslashes and quotes escaped, so Graphviz reads no escape of its own", () => {
  for (const [what, name] of HOSTILE) {
    const dot = toDot(buildGraph([{ key: "k", kind: "Queue", name, needs: [] }]));
    const label = /label="((?:[^"\\]|\\.)*)"/.exec(dot)?.[1];
    assert.ok(label !== undefined, `${what}: one quoted label`);
    // Unescaping the label's escapes gives back kind, line break, and the (possibly cut) name.
    const read = label.replace(/\\(.)/g, (_m, c: string) => (c === "n" ? "\n" : c));
    const [kind, shown] = read.split("\n");
    assert.equal(kind, "Queue", what);
    assert.ok(name.startsWith(shown!.replace(/…$/, "")), `${what}: ${shown}`);
  }
});

test("graph: a QueueFlows link breaks queue -> flow; a FlowShell breaks the flows that use it -> the full flow", () => {
  const items: GraphItem[] = [
    { key: "q", kind: "Queue", name: "Sales", needs: [] },
    { key: "f", kind: "Flow", name: "Sales In-Queue", needs: ["q"] },
    { key: "qf", kind: "QueueFlows", name: "Sales", needs: ["q", "f"] },
    { key: "sa", kind: "FlowShell", name: "A", needs: [] },
    { key: "a", kind: "Flow", name: "A", needs: ["sa", "b"] },
    { key: "b", kind: "Flow", name: "B", needs: ["sa"] },
  ];
  const g = buildGraph(items);
  const broken = g.edges.filter((e) => e.brokenBy).map((e) => `${e.from}->${e.to} ${e.brokenBy}`);
  assert.deepEqual(broken.sort(), ["b->a FlowShell", "q->f QueueFlows"]);
  const plain = g.edges.filter((e) => !e.brokenBy).map((e) => `${e.from}->${e.to}`);
  assert.ok(plain.includes("f->q") && plain.includes("qf->q") && plain.includes("a->b"), plain.join(" "));
  // Same graph whatever order the items come in.
  assert.deepEqual(buildGraph([...items].reverse()), g);
});

test("verify HTML report: summary first, differences per type, an inline SVG graph; hostile names escaped", async () => {
  for (const [what, name] of HOSTILE) {
    const report: VerifyReport = {
      equal: false,
      types: [
        {
          type: "queues",
          title: "queues",
          source: 2,
          target: 1,
          missing: [name],
          extra: [],
          different: [{ name, fields: [{ field: "description", source: JSON.stringify(name), target: '"x"' }] }],
        },
      ],
      reachability: {
        routes: 2,
        missing: [{ did: "+35315550100", sourceDid: "+13175550100", hours: "open", flow: name, ivr: name }],
      },
      graph: buildGraph([
        { key: "q", kind: "Queue", name, needs: [] },
        { key: "f", kind: "Flow", name, needs: ["q"] },
        { key: "qf", kind: "QueueFlows", name, needs: ["q", "f"] },
      ]),
    };
    const html = await htmlReport(report, `Parity of ${name}`);
    assertNoInjectedMarkup(html, what);
    assert.ok(html.indexOf("<h2>Summary</h2>") < html.indexOf("<h2>queues</h2>"), `${what}: summary first`);
    assert.ok(html.includes(escapeHtml(`missing in target: ${name}`)), `${what}: missing object named, escaped`);
    assert.ok(
      html.includes(escapeHtml(`IVR '${name}' routes it to flow '${name}'; the target routes it nowhere`)),
      `${what}: the missing route named, escaped`,
    );
    assert.match(html, /<svg[^>]*>[^]*<\/svg>/, `${what}: an inline SVG`);
    assert.match(html, /broken by QueueFlows/, `${what}: the broken link is labelled`);
    if (what === "markup") assert.ok(html.includes("&lt;script&gt;") || html.includes("&#60;script&#62;"));
  }
});

test("rehearsal reports: findings named, hostile names escaped in HTML and kept whole in Markdown", async () => {
  for (const [what, name] of HOSTILE) {
    const conflict = `Queue '${name}' already exists in the target org (id 1): set genesys-clone:onConflict to adopt`;
    const report = analyse({
      stack: "eu-west-1",
      apiBaseUrl: "https://api.mypurecloud.ie",
      counts: { queues: 1 },
      notCopied: [],
      up: { code: 255, stdout: "", stderr: "" },
      seconds: 3.2,
      events: [
        {
          resOutputsEvent: {
            metadata: {
              op: "create",
              urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/genesyscloud:RoutingSkill::a",
              type: "pulumi-nodejs:dynamic/genesyscloud:RoutingSkill",
            },
          },
        },
        {
          resOpFailedEvent: {
            metadata: {
              op: "create",
              urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/genesyscloud:RoutingQueue::q",
              type: "pulumi-nodejs:dynamic/genesyscloud:RoutingQueue",
            },
          },
        },
        {
          diagnosticEvent: {
            urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/genesyscloud:RoutingQueue::q",
            message: conflict,
            severity: "error",
          },
        },
      ],
      resources: [
        {
          urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/genesyscloud:RoutingSkill::a",
          type: "pulumi-nodejs:dynamic/genesyscloud:RoutingSkill",
          outputs: { name },
        },
      ],
      calls: { total: 600, rateLimited: 0, requests: { "GET /api/v2/routing/queues": 600 } },
      perMinute: 300,
      tokens: 1,
    });
    assert.equal(report.ok, false, what);
    assert.deepEqual(report.conflicts, [conflict], what);
    assert.equal(report.rateLimit.minutes, 2, `${what}: 600 calls at 300/min`);
    assert.deepEqual(
      report.objects.map((o) => [o.kind, o.name, o.op, o.failed]),
      [
        ["Queue", "q", "create", true],
        ["Skill", name, "create", false],
      ],
      what,
    );
    const html = await htmlRehearsal(report);
    assertNoInjectedMarkup(html, what);
    assert.ok(html.includes(escapeHtml(conflict)), `${what}: conflict named, escaped`);
    assert.match(html, /The rehearsal failed/);
    const md = markdownRehearsal(report);
    assert.ok(md.includes(conflict.split("\n")[0]!), `${what}: conflict in Markdown`);
  }
});

test("an empty graph renders a page without a picture", async () => {
  const html = await renderHtml({
    title: "t",
    ok: true,
    verdict: "v",
    sections: [],
    graph: { title: "g", graph: { nodes: [], edges: [] } },
  });
  assert.ok(!html.includes("<svg"));
  assert.match(html, /No objects\./);
});
