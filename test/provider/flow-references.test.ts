import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { emulatorControl, type RunningEmulator } from "@genesys-clone/emulator";
import { impl } from "@genesys-clone/provider/dist/process";
import { inboundFlowTemplate as template, startTarget } from "./target";

// The preview check of names a flow's YAML writes as they are, through the flow provider against the emulated target
// (the sample's eu-west-1 org: its divisions, directory and Acme CRM integration, but no queues).
let emu: RunningEmulator;
const flows = () => impl("genesyscloud:architect:Flow");

before(async () => {
  ({ emu } = await startTarget());
});
after(async () => emu.close());

const callData = (category: string, action: string) => [
  "- callData:",
  "    name: Check",
  "    category:",
  `      ${category}:`,
  "        dataAction:",
  `          ${action}: {}`,
];
const toQueue = (queue: string) => [
  "- transferToAcd:",
  "    name: To Queue",
  "    targetQueue:",
  `      lit: {name: ${queue}}`,
];
const toGroup = (group: string) => [
  "- transferToGroup:",
  "    name: To Group",
  "    targetGroup:",
  `      lit: {name: ${group}}`,
];

/** GET requests the target answered since the last reset of the counters, by route. */
async function gets(): Promise<Record<string, number>> {
  const stats = await emulatorControl(emu).stats("target");
  return Object.fromEntries(Object.entries(stats.requests).filter(([route]) => route.startsWith("GET /api/v2/")));
}

test("preview check costs nothing without literal names or with an unchanged template, and lists each type once a run (runs first: a fresh run)", async () => {
  const imported = {
    name: "Imported",
    type: "inboundcall",
    yaml: template([
      ...toQueue('"{{queue.sales}}"'),
      ...callData('"{{integration.crm}}"', '"{{dataaction.get}}"'),
    ]).replace("  division: Home\n", ""),
    substitutions: { "queue.sales": "Sales", "integration.crm": "Acme CRM", "dataaction.get": "Get Account Status" },
  };
  // A deployed flow (olds hold its inputs) whose template changed but names everything through placeholders.
  const changed = { ...imported, yaml: imported.yaml.replace("name: To Queue", "name: To Sales") };
  assert.deepEqual((await flows().check(imported, changed)).failures, []);
  // A deployed flow whose template is unchanged, though it names a queue the target lacks (it deployed before).
  const literal = { ...imported, yaml: template(toQueue("Nowhere")) };
  assert.deepEqual((await flows().check(literal, literal)).failures, []);
  assert.deepEqual(await gets(), {}, "no API call");

  // Two changed flows naming literal queues: the target's queues are listed once.
  const a = { ...literal, name: "A", yaml: template(toQueue("Nowhere A")) };
  const b = { ...literal, name: "B", yaml: template(toQueue("Nowhere B")) };
  await flows().check(literal, a);
  await flows().check(literal, b);
  const calls = await gets();
  assert.equal(calls["GET /api/v2/routing/queues"], 1, JSON.stringify(calls));
  assert.equal(calls["GET /api/v2/authorization/divisions"], 1, JSON.stringify(calls));
});

test("preview check: a data action an admin installed in the target resolves, names matching ignoring case", async () => {
  await emulatorControl(emu).addIntegration("target", { name: "Billing Service", actions: [{ name: "Get Balance" }] });
  const news = {
    name: "Billing Line",
    type: "inboundcall",
    yaml: template([...callData("billing service", "get balance"), ...toGroup("support escalations")]),
  };
  assert.deepEqual((await flows().check({}, news)).failures, []);
});

test("preview check: one failure names the flow, every literal name the target lacks (kind and name) and the fix", async () => {
  const news = {
    name: "Hand Edited",
    type: "inboundcall",
    yaml: template([
      ...toQueue("General Enquiries"),
      ...callData("Acme CRM", "Get Invoice"),
      ...toGroup("Support Escalations"),
      ...callData('"{{integration.crm}}"', '"{{dataaction.get}}"'),
    ]),
    substitutions: { "integration.crm": "Acme CRM", "dataaction.get": "Get Account Status" },
  };
  const { failures } = await flows().check({}, news);
  assert.equal(failures?.length, 1, JSON.stringify(failures));
  assert.equal(failures![0]!.property, "");
  assert.match(
    failures![0]!.reason,
    /^Flow 'Hand Edited' \(inboundcall\) names 2 object\(s\) the target org does not have: queue 'General Enquiries', data action 'Get Invoice'\. Its YAML writes these names as they are, not through substitutions: create them in the target org, or make each a \{\{placeholder\}\}/,
  );
  // The group, the integration and the home division exist in the target: not named.
  assert.doesNotMatch(failures![0]!.reason, /Support Escalations|Acme CRM|Home/);
});

test("lookups: one error groups what is missing by its fix, naming the flow or queue of each", async () => {
  const { prefetchLookups, lookup } = await import("@genesys-clone/provider/dist/program/lookup");
  const { parseTransforms } = await import("@genesys-clone/provider/dist/program/transforms");
  const { client } = await import("@genesys-clone/provider/dist/process");
  const t = parseTransforms("integrations:\n  Acme CRM: Acme CRM EU\n", "transforms.test.yaml");
  const error = await prefetchLookups(
    client(),
    [
      { type: "dataactions", name: "Get Account Status", flows: ["Store Locator"] },
      { type: "integrations", name: "Acme CRM", flows: ["Store Locator", "Main IVR"] },
      { type: "groups", name: "Night Shift", usedBy: ["Support - Tier 2"], flows: ["Store Locator"] },
      { type: "users", name: "ben.okafor@acme.example.com", usedBy: ["Sales - New Business"] },
      { type: "schedulegroups", name: "Lunch Hours" },
    ],
    t,
  ).then(
    () => undefined,
    (err: unknown) => err as Error,
  );
  assert.ok(error);
  assert.equal(
    error.message,
    "1 user(s) or group(s) the code names do not exist in the target org: group 'Night Shift' (member of queue " +
      "'Support - Tier 2'; named by flow 'Store Locator'). genesys-clone never creates users or groups (each org " +
      "provisions its own directory): provision them in the target org, map them in the transforms file (users:, " +
      "groups:), or import again with `genesys-clone import --members skip` to leave queue members out. " +
      "1 data action(s) or integration(s) the flows call do not exist in the target org: integration 'Acme CRM EU' " +
      "('Acme CRM' in the code, renamed by the transforms file) (its data actions called by flow 'Store Locator', " +
      "'Main IVR'). genesys-clone never creates integrations or data actions (their credentials cannot be cloned): " +
      "install the integration and create the data action in the target org, or map them to the target's names in " +
      "the transforms file (integrations:, dataActions:). Also: the imported code references 1 object(s) it does " +
      "not declare and the target org does not have: schedule group 'Lunch Hours'. Create them in the target org, " +
      "import them too (drop the filter that excluded them and run genesys-clone import again).",
  );
  // What exists resolves (names ignoring case), and the flows read it through gc.lookup.
  await prefetchLookups(client(), [{ type: "dataactions", name: "get account status", flows: ["Store Locator"] }], t);
  assert.equal(
    await new Promise((resolve) => lookup("dataactions", "get account status", "name").apply(resolve)),
    "Get Account Status",
  );
});
