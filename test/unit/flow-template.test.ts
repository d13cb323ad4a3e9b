import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parse } from "yaml";
import { FlowYamlError, renderTemplate } from "@genesys-clone/provider/dist/resources/architect-flow/references";
import { renderFlow } from "@genesys-clone/provider/dist/resources/architect-flow/provider";

// Substitution works on the parsed flow: whatever a name holds reaches the published YAML as that string.
const TEMPLATE = [
  "inboundCall:",
  '  name: "{{name}}"',
  "  menu:",
  "    transferToAcd:",
  "      targetQueue:",
  "        lit:",
  '          name: "{{queue.a}}"',
  "      skill: '{{skill.b}}'",
  "      queue: {{queue.bare}}",
  "      tts: Transferring you to {{queue.a}} now",
  "",
].join("\n");

const value = (yaml: string) =>
  parse(yaml) as { inboundCall: { name: string; menu: { transferToAcd: Record<string, unknown> } } };

const HOSTILE = [
  'say "hi"',
  "back\\slash \\n",
  "${process.exit(1)}",
  "{{name}}",
  "#not a comment",
  "- dash: colon",
  "日本語サポート",
  "Ελληνικά",
  "  spaced  ",
  "'single'",
  "null",
  "true",
  "0x1F",
  "~",
  "a\tb",
  "@at `tick` |pipe >fold",
];

test("every character of a name reaches the YAML as written, for each placeholder form", () => {
  for (const name of HOSTILE) {
    const out = renderTemplate(
      TEMPLATE,
      { name: "Flow", "queue.a": name, "skill.b": name, "queue.bare": name },
      "Flow 'x'",
    );
    const t = value(out).inboundCall.menu.transferToAcd;
    assert.deepEqual((t.targetQueue as { lit: { name: string } }).lit.name, name, name);
    assert.equal(t.skill, name, name);
    assert.equal(t.queue, name, name);
    assert.equal(t.tts, `Transferring you to ${name} now`, name);
  }
});

test("a value is never searched for placeholders again", () => {
  const out = renderTemplate(
    TEMPLATE,
    { name: "The {{queue.a}} flow", "queue.a": "{{name}}", "skill.b": "{{skill.b}}", "queue.bare": "{{queue.a}}" },
    "Flow 'x'",
  );
  const v = value(out).inboundCall;
  assert.equal(v.name, "The {{queue.a}} flow");
  assert.equal(v.menu.transferToAcd.skill, "{{skill.b}}");
  assert.equal(v.menu.transferToAcd.queue, "{{queue.a}}");
});

test("a placeholder without a value names itself; broken YAML names the flow", () => {
  assert.throws(
    () => renderTemplate(TEMPLATE, { name: "F", "queue.a": "Q" }, "Flow 'x'"),
    (err: Error) =>
      err instanceof FlowYamlError &&
      err.message ===
        "Flow 'x': the YAML uses {{queue.bare}}, {{skill.b}} but substitutions has no value for them: add them.",
  );
  assert.throws(
    () => renderTemplate("inboundCall:\n  name: [\n", {}, "Flow 'x'"),
    /Flow 'x' is not valid YAML \(line \d+\)/,
  );
});

test("renderFlow: the declared name wins, a name with a quote is valid YAML", () => {
  const out = renderFlow({
    name: 'Main "IVR"',
    type: "inboundcall",
    yaml: TEMPLATE,
    substitutions: { "queue.a": 'Sales "VIP"', "skill.b": "\\", "queue.bare": "x" },
  });
  assert.equal(value(out).inboundCall.name, 'Main "IVR"');
});

// Names as Genesys allows them: any script, symbols, quotes, backslashes, placeholders, up to 256 characters.
const genesysName = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 256 }),
    fc.string({ unit: fc.constantFrom(..."\"'\\${}#:-|>&*!%@` \t[],?"), minLength: 1, maxLength: 40 }),
    fc.constantFrom(...HOSTILE),
  )
  .filter((s) => s.trim().length > 0);

test("property: rendering then parsing gives back exactly the substituted names (seeded)", () => {
  fc.assert(
    fc.property(genesysName, genesysName, genesysName, (flow, a, b) => {
      const out = renderTemplate(TEMPLATE, { name: flow, "queue.a": a, "skill.b": b, "queue.bare": b }, "Flow 'x'");
      const v = value(out).inboundCall;
      assert.equal(v.name, flow);
      assert.equal((v.menu.transferToAcd.targetQueue as { lit: { name: string } }).lit.name, a);
      assert.equal(v.menu.transferToAcd.skill, b);
      assert.equal(v.menu.transferToAcd.queue, b);
      assert.equal(v.menu.transferToAcd.tts, `Transferring you to ${a} now`);
    }),
    { seed: 20261202, numRuns: 500 },
  );
});
