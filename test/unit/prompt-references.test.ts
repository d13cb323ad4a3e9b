import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "yaml";
import {
  promptReferences,
  renderTemplate,
  rewritePrompts,
} from "@genesys-clone/provider/dist/resources/architect-flow/references";

// User prompts inside Archy expressions: what the importer turns into placeholders, and what renders back.
test("Prompt.<name> in flow expressions: each case names what counts as a user prompt reference", () => {
  const cases: { name: string; yaml: string; prompts: string[] }[] = [
    { name: "an expression playing one prompt", yaml: "a:\n  exp: ToAudio(Prompt.Welcome)\n", prompts: ["Welcome"] },
    {
      name: "two prompts in one expression, in order",
      yaml: "a:\n  exp: Append(ToAudio(Prompt.Hello_1), ToAudio(Prompt.Bye))\n",
      prompts: ["Hello_1", "Bye"],
    },
    {
      name: "system prompts are not user prompts",
      yaml: "a:\n  exp: ToAudio(PromptSystem.on_hold_music)\n",
      prompts: [],
    },
    { name: "a member access is not a prompt", yaml: "a:\n  exp: Flow.Prompt.X\n", prompts: [] },
    { name: "TTS text is not a reference", yaml: "a:\n  tts: Prompt Welcome says hi\n", prompts: [] },
    { name: "inside lists and nested maps", yaml: "a:\n  - b:\n      exp: ToAudio(Prompt.Deep)\n", prompts: ["Deep"] },
  ];
  for (const c of cases) {
    const doc = parseDocument(c.yaml);
    assert.deepEqual(
      promptReferences(doc).map((r) => r.name),
      c.prompts,
      c.name,
    );
  }
});

test("a prompt placeholder renders back to the target prompt's name, the rest of the expression untouched", () => {
  const doc = parseDocument("a:\n  exp: AudioPlaybackOptions(ToAudio(Prompt.Welcome), true)\n");
  for (const r of promptReferences(doc)) rewritePrompts(r.node, () => "{{prompt.welcome}}");
  const template = doc.toString();
  assert.match(template, /Prompt\.\{\{prompt\.welcome\}\}/);
  const rendered = renderTemplate(template, { "prompt.welcome": "Welcome" }, "test");
  assert.equal(rendered, "a:\n  exp: AudioPlaybackOptions(ToAudio(Prompt.Welcome), true)\n");
});
