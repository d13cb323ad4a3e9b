import assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { z } from "zod";
import { GenesysClient } from "@genesys-clone/provider/dist/client";
import { flowsApi } from "@genesys-clone/provider/dist/resources/architect-flow/api";
import { E2E, ROOT } from "./harness";

/**
 * Property: for any source org whose objects carry hostile names (every script and symbol, quotes,
 * backslashes, `${...}`, `{{...}}`, JavaScript keywords, names that slug alike, the API's maximum length),
 * import -> up -> verify -> destroy through the real Pulumi CLI succeeds, and every reference in every
 * deployed flow names the object the source flow named at that place. A few small generated orgs
 * (seeded, so a failure reproduces with its counterexample; no shrinking, each run is a whole deployment).
 */
let e2e: E2E;
before(async () => {
  e2e = await E2E.start("empty");
});
after(async () => e2e.close());

const SYMBOLS = [..."\"'\\`${}[]#:-|>&*!%@?,~=+<()/;^"];
const HOSTILE = [
  'Sales "VIP"',
  "Sales - VIP",
  "Sales VIP",
  "sales/vip",
  "back\\slash\\n",
  "${process.exit(1)}",
  "{{name}}",
  "{{queue.sales-vip}}",
  "class",
  "constructor",
  "__proto__",
  "toString",
  "null",
  "true",
  "- item",
  "#hash",
  "key: value",
  "日本語サポート",
  "Ελληνικά",
  "עברית",
  "العربية",
  "हिन्दी",
  "😀 Emoji",
  "A 1b",
  "A1b",
  "x".repeat(256),
  `${"é".repeat(255)}z`,
];
// C0/C1 controls and line separators cannot appear in a name the UI accepts.
// eslint-disable-next-line no-control-regex
const printable = (s: string) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(s);
const hostileName = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...SYMBOLS, "a", " "), minLength: 1, maxLength: 16 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 240, maxLength: 256 }) },
  )
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && s.length <= 256 && printable(s));

const names = (min: number, max: number) =>
  fc.uniqueArray(hostileName, { selector: (s) => s.toLowerCase(), minLength: min, maxLength: max });

const orgArb = fc
  .record({
    divisions: names(0, 2),
    skills: names(1, 3),
    languages: names(1, 2),
    queues: names(1, 3),
    flows: names(1, 2),
    picks: fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
  })
  .filter((o) => o.divisions.every((d) => d.toLowerCase() !== "home"));

type Org = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

/** An Archy flow of the shape the emulator and Architect accept, naming its objects at several places. */
function flowYaml(o: Org, i: number): string {
  const pick = <T>(list: T[], k: number) => list[o.picks[(i * 8 + k) % o.picks.length]! % list.length]!;
  const division = o.divisions.length && pick([true, false], 0) ? { division: pick(o.divisions, 1) } : {};
  const transfer = (n: number) => ({
    transferToAcd: {
      name: `Transfer ${n}`,
      targetQueue: { lit: { name: pick(o.queues, 2 + n) } },
      skill: { lit: { name: pick(o.skills, 3 + n) } },
      languageSkill: { lit: { name: pick(o.languages, 4 + n) } },
      priority: { lit: 0 },
    },
  });
  const toEarlier = i > 0 ? [{ transferToFlow: { name: "Onwards", targetFlow: { name: o.flows[i - 1] } } }] : [];
  return stringify({
    inboundCall: {
      name: o.flows[i],
      description: "generated",
      ...division,
      startUpRef: "/inboundCall/tasks/task[Route_10]",
      defaultLanguage: "en-us",
      supportedLanguages: {
        "en-us": { defaultLanguageSkill: { noValue: true }, textToSpeech: { defaultEngine: { voice: "Jill" } } },
      },
      initialGreeting: { tts: "Hello" },
      settingsErrorHandling: { errorHandling: { disconnect: { none: true } } },
      tasks: [
        {
          task: {
            name: "Route",
            refId: "Route_10",
            actions: [transfer(0), transfer(1), ...toEarlier, { disconnect: { name: "End" } }],
          },
        },
      ],
    },
  });
}

function client(org: "source" | "target"): GenesysClient {
  const o = e2e.org(org);
  return new GenesysClient({
    apiBaseUrl: o.apiBaseUrl,
    loginBaseUrl: o.loginBaseUrl,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
  });
}

async function seedSource(o: Org): Promise<void> {
  await e2e.control("/reset", "POST", { seed: "empty" });
  const c = client("source");
  const divisionIds: string[] = [];
  for (const name of o.divisions) {
    const d = await c.request({
      method: "POST",
      path: "/api/v2/authorization/divisions",
      body: { name, description: "" },
      schema: z.object({ id: z.string() }),
    });
    divisionIds.push(d.id);
  }
  for (const name of o.skills) await c.request({ method: "POST", path: "/api/v2/routing/skills", body: { name } });
  for (const name of o.languages)
    await c.request({ method: "POST", path: "/api/v2/routing/languages", body: { name } });
  for (const [i, name] of o.queues.entries()) {
    const division = divisionIds.length ? { division: { id: divisionIds[o.picks[i]! % divisionIds.length]! } } : {};
    await c.request({ method: "POST", path: "/api/v2/routing/queues", body: { name, ...division } });
  }
  for (const i of o.flows.keys()) await flowsApi.publishYaml(c, flowYaml(o, i), `source flow ${i}`);
}

type DumpedFlow = {
  name: string;
  type: string;
  yaml?: string;
  deleted?: boolean;
  system?: boolean;
  references?: unknown;
};
/** The org's own flows: not deleted, and not the default flows every org comes with (never cloned). */
const liveFlows = async (org: "source" | "target") =>
  ((await e2e.state(org)).flows as DumpedFlow[]).filter((f) => !f.deleted && !f.system);

let run = 0;
test("property: hostile names survive import -> up -> verify -> destroy, every flow reference naming the source's object", async () => {
  await fc.assert(
    fc.asyncProperty(orgArb, async (o) => {
      run++;
      await seedSource(o);
      const out = path.join(ROOT, "stacks", `${e2e.sourceDir}-pbt${run}`);
      e2e.extraDirs.push(out);
      const imported = await e2e.importSource(out);
      assert.equal(imported.code, 0, imported.stderr);
      const stack = await e2e.stack(`pbt${run}`, {
        config: { "genesys-clone:source": path.basename(out), "genesys-clone:transforms": undefined },
      });
      // With a preview first: the target lacks the generated divisions, which the stack declares.
      await e2e.ok(["up", "--stack", stack, "--yes"]);

      const sourceFlows = await liveFlows("source");
      const targetFlows = await liveFlows("target");
      assert.equal(targetFlows.length, sourceFlows.length);
      for (const s of sourceFlows) {
        const t = targetFlows.find((f) => f.name === s.name && f.type === s.type);
        assert.ok(t, `flow ${JSON.stringify(s.name)} deployed`);
        // The published documents are equal: each reference names, at its place, what the source named.
        assert.deepEqual(parse(t.yaml!), parse(s.yaml!), `flow ${JSON.stringify(s.name)}`);
        assert.deepEqual(t.references, s.references);
      }
      const verified = await e2e.verify(stack);
      assert.equal(verified.code, 0, verified.stdout + verified.stderr);

      await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
      const after = await e2e.state("target");
      assert.deepEqual(
        (after.divisions as { name: string }[]).map((d) => d.name),
        ["Home"],
      );
      assert.deepEqual(await liveFlows("target"), []);
      assert.deepEqual(after.queues, []);
    }),
    { seed: 20261202, numRuns: 3, endOnFailure: true, includeErrorInReport: true },
  );
});
