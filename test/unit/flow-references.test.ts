import assert from "node:assert/strict";
import { test } from "node:test";
import {
  flowReferences,
  literalReferences,
  parseFlow,
  renderTemplate,
} from "@genesys-clone/provider/dist/resources/architect-flow/references";

/** A flow of the given body lines (indented under the flow), for the finder to read. */
const flow = (body: string) => `inboundCall:\n  name: "{{name}}"\n${body}`;

// What the importer and the preview check find in a flow: each case names a way Archy YAML names another object.
test("flow references: users, groups, integrations and data actions besides the kinds before them", () => {
  const cases: { name: string; yaml: string; refs: [string, string][] }[] = [
    {
      name: "Call Data Action names its category (an integration) and its data action by keys",
      yaml: flow(
        "  x:\n    - callData:\n        category:\n          Acme CRM:\n            dataAction:\n              Get Account Status:\n                inputs:\n                  phoneNumber:\n                    exp: Call.Ani\n",
      ),
      refs: [
        ["integrations", "Acme CRM"],
        ["dataactions", "Get Account Status"],
      ],
    },
    {
      name: "two actions of two categories, in document order",
      yaml: flow(
        "  x:\n    - callData:\n        category:\n          A:\n            dataAction:\n              One: {}\n          B:\n            dataAction:\n              Two: {}\n              Three: {}\n",
      ),
      refs: [
        ["integrations", "A"],
        ["dataactions", "One"],
        ["integrations", "B"],
        ["dataactions", "Two"],
        ["dataactions", "Three"],
      ],
    },
    {
      name: "settingsActionDefaults.callData (a timeout, no category) names nothing",
      yaml: flow("  settingsActionDefaults:\n    callData:\n      processingPrompt:\n        noValue: true\n"),
      refs: [],
    },
    {
      name: "a data action's inputs are named by its contract: an input called queue is no queue",
      yaml: flow(
        "  x:\n    - callData:\n        category:\n          CRM:\n            dataAction:\n              Route:\n                inputs:\n                  queue:\n                    lit: Sales\n                successOutputs:\n                  skill:\n                    noValue: true\n",
      ),
      refs: [
        ["integrations", "CRM"],
        ["dataactions", "Route"],
      ],
    },
    {
      name: "the action's own outputs still name objects (a transfer on failure)",
      yaml: flow(
        "  x:\n    - callData:\n        category:\n          CRM:\n            dataAction:\n              Check: {}\n        outputs:\n          failure:\n            actions:\n              - transferToGroup:\n                  targetGroup:\n                    lit:\n                      name: Support Escalations\n",
      ),
      refs: [
        ["integrations", "CRM"],
        ["dataactions", "Check"],
        ["groups", "Support Escalations"],
      ],
    },
    {
      name: "Transfer to User names a user (by email)",
      yaml: flow(
        "  x:\n    - transferToUser:\n        targetUser:\n          lit:\n            name: ana@acme.example.com\n",
      ),
      refs: [["users", "ana@acme.example.com"]],
    },
    {
      name: "a transfer target from an expression names nothing",
      yaml: flow("  x:\n    - transferToGroup:\n        targetGroup:\n          exp: Flow.Group\n"),
      refs: [],
    },
    {
      name: "queues, tables and the division as before",
      yaml: `inboundCall:\n  name: X\n  division: Sales\n  a:\n    targetQueue:\n      lit:\n        name: Q\n  b:\n    dataTable:\n      lit:\n        name: T\n`,
      refs: [
        ["divisions", "Sales"],
        ["queues", "Q"],
        ["datatables", "T"],
      ],
    },
  ];
  for (const c of cases) {
    const { doc, body } = parseFlow(c.yaml, c.name);
    assert.deepEqual(
      flowReferences(doc, body).map((r) => [r.type, r.name]),
      c.refs,
      c.name,
    );
  }
});

test("a data action placeholder in key position renders back to the target's name, hostile names intact", () => {
  const { doc, body } = parseFlow(
    flow("  x:\n    - callData:\n        category:\n          CRM:\n            dataAction:\n              Get: {}\n"),
    "t",
  );
  for (const r of flowReferences(doc, body)) r.node.value = `{{${r.type}.${r.name.toLowerCase()}}}`;
  const template = doc.toString();
  const hostile = `Quote's "CRM" \\ \${x} {{y}} ☎ 数据`;
  const rendered = renderTemplate(
    template,
    { name: "F", "integrations.crm": hostile, "dataactions.get": "Get: it" },
    "t",
  );
  const again = parseFlow(rendered, "t");
  assert.deepEqual(
    flowReferences(again.doc, again.body).map((r) => [r.type, r.name]),
    [
      ["integrations", hostile],
      ["dataactions", "Get: it"],
    ],
  );
});

// What the preview check resolves in the target: names the template writes as they are, not placeholders.
test("literal references: each case names what the preview check must resolve in the target", () => {
  const cases: { name: string; yaml: string; literals: [string, string][] }[] = [
    {
      name: "an imported flow: every reference is a placeholder but the home division",
      yaml: `inboundCall:\n  name: "{{name}}"\n  division: Home\n  a:\n    targetQueue:\n      lit:\n        name: "{{queue.sales}}"\n  b:\n    - callData:\n        category:\n          "{{integration.crm}}":\n            dataAction:\n              "{{dataaction.get}}": {}\n  c:\n    exp: ToAudio(Prompt.{{prompt.welcome}})\n`,
      literals: [["divisions", "Home"]],
    },
    {
      name: "a hand-edited queue, data action and prompt",
      yaml: `inboundCall:\n  name: "{{name}}"\n  a:\n    targetQueue:\n      lit:\n        name: Sales - Nowhere\n  b:\n    - callData:\n        category:\n          "{{integration.crm}}":\n            dataAction:\n              Get Invoice: {}\n  c:\n    exp: ToAudio(Prompt.Goodbye)\n`,
      literals: [
        ["queues", "Sales - Nowhere"],
        ["dataactions", "Get Invoice"],
        ["prompts", "Goodbye"],
      ],
    },
    {
      name: "the same name twice (any case) is resolved once",
      yaml: `inboundCall:\n  name: X\n  a:\n    - targetQueue: Q\n    - targetQueue: q\n`,
      literals: [["queues", "Q"]],
    },
    {
      name: "an unquoted placeholder (a YAML flow map) is no literal",
      yaml: `inboundCall:\n  name: X\n  a:\n    targetQueue:\n      lit:\n        name: {{queue.sales}}\n`,
      literals: [],
    },
    {
      name: "system prompts and expressions name nothing",
      yaml: `inboundCall:\n  name: X\n  a:\n    exp: ToAudio(PromptSystem.on_hold_music)\n  b:\n    targetQueue:\n      exp: Flow.Queue\n`,
      literals: [],
    },
    { name: "broken YAML names nothing here (check reports it)", yaml: "inboundCall:\n  a: [1\n", literals: [] },
  ];
  for (const c of cases)
    assert.deepEqual(
      literalReferences(c.yaml).map((r) => [r.type, r.name]),
      c.literals,
      c.name,
    );
});
