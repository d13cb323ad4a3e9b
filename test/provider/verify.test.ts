import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startEmulator, type RunningEmulator } from "@genesys-clone/emulator";
import { GenesysClient } from "@genesys-clone/provider/dist/client";
import { flowsApi } from "@genesys-clone/provider/dist/resources/architect-flow/api";
import { verifyOrgs } from "@genesys-clone/provider/dist/verify/verify";

// verify compares what each org published: a target flow naming another object than the source's
// differs, however the stack code produced it.
let emu: RunningEmulator;
const clients: Record<string, GenesysClient> = {};

// Names that slug alike (the placeholders of old gave both skills and both queues one key).
const SKILLS = ["日本語サポート", "Ελληνικά"];
const LANGUAGES = ["Español", "Français"];
const QUEUES = ["Sales - VIP", "Sales VIP"];

const flow = (queue: string, skill: string, language: string) =>
  [
    "inboundCall:",
    "  name: Routing IVR",
    "  defaultLanguage: en-us",
    "  startUpRef: ./tasks/task[start]",
    "  tasks:",
    "    - task:",
    "        name: Start",
    "        refId: start",
    "        actions: []",
    "  menu:",
    "    transferToAcd:",
    "      targetQueue:",
    "        lit:",
    `          name: ${JSON.stringify(queue)}`,
    "      skill:",
    "        lit:",
    `          name: ${JSON.stringify(skill)}`,
    "      languageSkill:",
    "        lit:",
    `          name: ${JSON.stringify(language)}`,
    // The other skill of the look-alike pair, elsewhere in the flow: with one placeholder for both,
    // the old verify compared the target's wrong skill above through that same placeholder and saw no difference.
    "  settingsErrorHandling:",
    "    transferToAcd:",
    "      skill:",
    "        lit:",
    `          name: ${JSON.stringify(SKILLS[1])}`,
    "",
  ].join("\n");

before(async () => {
  emu = await startEmulator({ seed: "empty" });
  for (const org of emu.orgs) {
    const c = new GenesysClient({
      apiBaseUrl: org.apiBaseUrl,
      loginBaseUrl: org.loginBaseUrl,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
    });
    clients[org.name] = c;
    for (const name of SKILLS) await c.request({ method: "POST", path: "/api/v2/routing/skills", body: { name } });
    for (const name of LANGUAGES)
      await c.request({ method: "POST", path: "/api/v2/routing/languages", body: { name } });
    for (const name of QUEUES) await c.request({ method: "POST", path: "/api/v2/routing/queues", body: { name } });
  }
  await flowsApi.publishYaml(clients.source!, flow(QUEUES[0]!, SKILLS[0]!, LANGUAGES[0]!), "source flow");
});
after(async () => emu.close());

const client = (name: string) => {
  const org = emu.orgs.find((o) => o.name === name)!;
  return new GenesysClient({
    apiBaseUrl: org.apiBaseUrl,
    loginBaseUrl: org.loginBaseUrl,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
};
// Fresh clients: the importer's flow analysis is cached per client for one run.
const flowsReport = async () =>
  (await verifyOrgs(client("source"), client("target"))).types.find((t) => t.type === "flows")!;

test("verify: a target flow naming the same objects is equal", async () => {
  await flowsApi.publishYaml(clients.target!, flow(QUEUES[0]!, SKILLS[0]!, LANGUAGES[0]!), "target flow");
  const report = await flowsReport();
  assert.deepEqual(report.different, []);
  assert.deepEqual(report.missing, []);
});

const WRONG: { name: string; yaml: string; field: string; source: string; target: string }[] = [
  {
    name: "another queue",
    yaml: flow(QUEUES[1]!, SKILLS[0]!, LANGUAGES[0]!),
    field: "yaml inboundCall.menu.transferToAcd.targetQueue.lit.name",
    source: QUEUES[0]!,
    target: QUEUES[1]!,
  },
  {
    name: "another skill",
    yaml: flow(QUEUES[0]!, SKILLS[1]!, LANGUAGES[0]!),
    field: "yaml inboundCall.menu.transferToAcd.skill.lit.name",
    source: SKILLS[0]!,
    target: SKILLS[1]!,
  },
  {
    name: "another language",
    yaml: flow(QUEUES[0]!, SKILLS[0]!, LANGUAGES[1]!),
    field: "yaml inboundCall.menu.transferToAcd.languageSkill.lit.name",
    source: LANGUAGES[0]!,
    target: LANGUAGES[1]!,
  },
];

for (const c of WRONG) {
  test(`verify: a target flow naming ${c.name} is reported different, at that reference`, async () => {
    await flowsApi.publishYaml(clients.target!, c.yaml, "target flow");
    const report = await flowsReport();
    assert.deepEqual(report.different, [
      {
        name: "Routing IVR",
        fields: [{ field: c.field, source: JSON.stringify(c.source), target: JSON.stringify(c.target) }],
      },
    ]);
  });
}
