/**
 * Bad input catalogue: what a user can get wrong, the one message they see, and proof that the stack is still
 * usable afterwards. Real Pulumi CLI, one emulator and one import for the whole file.
 *
 * Every case asserts: the command fails (at preview, or at up when only the API can tell); the output matches
 * the message, which names the object (resource, setting, file and line) and the fix; no stack trace and no
 * secret in the output; `pulumi stack export` parses with no pending operation; a failed preview leaves the
 * target org untouched; and after the fix (last column) a preview or an up succeeds, or ("state") the stack's
 * state is unchanged.
 *
 *   # bad input                                              at       message names                              fix
 *  Settings and credentials (stack "cfg": a skill, a wrap-up code and a trunk, never deployed)
 *   1 unknown region                                         preview  the region, the known regions              preview
 *   2 no region and no base URL                              preview  genesyscloud:region                        preview
 *   3 wrong OAuth client secret                              preview  client id, config set --secret command     preview
 *   4 missing OAuth client secret                            preview  config set --secret command                preview
 *   5 OAuth client secret stored in plaintext                preview  the key, config set --secret command       preview
 *   6 missing OAuth client id                                preview  config set genesyscloud:oauthClientId      preview
 *   7 a base URL that is not a URL                           preview  genesyscloud:apiBaseUrl, an example        preview
 *   8 base URLs that do not answer                           preview  the login URL, genesyscloud:loginBaseUrl   preview
 *   9 rateLimitPerMinute not a positive whole number         preview  the key, an example                        preview
 *  10 tokenPoolSize out of range                             preview  the key, 1 to 50                           preview
 *  11 timeoutSeconds not a number                            preview  the key, at least 1                        preview
 *  12 onConflict neither fail nor adopt                      preview  the key, fail or adopt                     preview
 *  13 genesys-clone:source never imported                    preview  the directory, the import command          preview
 *  14 transforms file missing                                preview  the key and the path                       preview
 *  15 transforms file not valid YAML                         preview  the file and the line                      preview
 *  16 transforms file with an unknown key                    preview  the file, the key, the allowed keys        preview
 *  17 transforms time zone that is not IANA                  preview  the file, the mapping                      preview
 *  18 trunk password missing from the stack config           preview  the key, config set --secret command       preview
 *  19 trunk password stored in plaintext                     preview  the key, config set --secret command       preview
 *  The target org's API misbehaves (stack "code", never deployed, so preview calls the API)
 *  20 the API answers 429 forever                            preview  the request, lower rateLimitPerMinute      preview
 *  21 the API answers 503 forever                            preview  the request, run again later               preview
 *  22 the API answers a malformed (truncated JSON) body      preview  the request, genesyscloud:apiBaseUrl       preview
 *  Stack code (stack "code": hand-written programs; stack "sample": the imported sample, edited)
 *  23 invalid enum value                                     preview  queue, field, allowed values               preview
 *  24 malformed RRULE                                        preview  schedule, the bad part                     preview
 *  25 schedule time with a time zone                         preview  schedule, the expected format              preview
 *  26 schedule that ends before it starts                    preview  schedule, start and end                    preview
 *  27 schedule group time zone that is not IANA              preview  schedule group, an example                 preview
 *  28 unknown property in the stack code                     preview  skill, the property, remove it             preview
 *  29 a skill referenced by a queue, in neither code nor org preview  the skill, create or import it             preview
 *  30 division renamed by transforms to a missing division   preview  the division, the mapping                  preview (mapping fixed)
 *  31 flow of an unsupported type                            preview  flow, the type, the known types            preview
 *  32 flow YAML that does not parse                          preview  flow, the line                             preview
 *  33 flow YAML placeholder without a substitution           preview  flow, the placeholder                      preview
 *  34 name over the API's length limit (sample)              preview  wrap-up code, the limit                    preview
 *  35 two resources with one name (sample)                   preview  both resources, rename one                 state
 *  36 division missing in the target org (sample)            preview  skill, the division                        state
 *  37 flow YAML file truncated mid-line (sample)             preview  flow, the line                             state
 *  38 import --include that matches nothing                  import   the rule, nothing written                  (no stack)
 *  Only the API can tell (own stacks, deployed; each ends with destroy)
 *  39 flow referencing a queue that exists nowhere           up       flow, the queue (Architect's message)      up
 *  40 a type the credentials may not write (403)             up       skill, the permission to grant             up
 *  41 credentials revoked during the run (401 after re-auth) up       wrap-up code, the client settings          up
 *  42 state pointing to an object deleted in the UI          refresh  (no error: refresh drops it, up recreates it)
 *  43 ... and changed in the code before refreshing          up       wrap-up code, run refresh then up          up
 *
 * Elsewhere: names that already exist in the target (onConflict fail, test/e2e/routing); each resource's
 * field checks (test/provider/resources, test/unit/config, test/unit/transforms, test/unit/rrule); retries
 * that give up and an API base URL that does not answer (test/provider/client).
 */
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { E2E, ROOT } from "./harness";
import { findSecrets, type Secret } from "./secret-scan";

let e2e: E2E;
let cfg: string; // settings cases
let code: string; // hand-written programs, rewritten per case
let sample: string; // the imported sample
let codeDir: string;
let transformsDir: string;

const NO_LOOKUPS = "export const LOOKUPS: { type: string; name: string }[] = [];\n";
const program = (...lines: string[]) => `import * as gc from "@genesys-clone/provider";\n${lines.join("\n")}\n`;
// Open hours for a schedule group (the API requires at least one open schedule).
const HOURS =
  'const hours = new gc.Schedule("hours", { name: "Bad Group Hours", start: "2027-01-04T08:00:00.000", end: "2027-01-04T18:00:00.000", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" });';
const MINI = program(
  'export const skill = new gc.Skill("chess", { name: "Chess" });',
  'export const code = new gc.WrapupCode("checkmate", { name: "Checkmate" });',
  'export const trunk = new gc.Trunk("eu-carrier", { name: "EU Carrier", trunkMetabaseId: "external_sip_pcv_byoc_carrier.json", inboundSite: "US East Site", credentials: gc.trunkCredentials("us-carrier-primary") });',
);
const FINE = program('export const skill = new gc.Skill("fine", { name: "Fine" });');

before(async () => {
  e2e = await E2E.start("sample");
  const imported = await e2e.importSource();
  assert.equal(imported.code, 0, imported.stderr);
  const mini = await e2e.writeSource("mini", { "index.ts": MINI, "lookups.ts": NO_LOOKUPS });
  cfg = await e2e.stack("cfg", { config: { "genesys-clone:source": mini } });
  codeDir = await e2e.writeSource("code", { "index.ts": FINE, "lookups.ts": NO_LOOKUPS });
  // A target that keeps failing (cases 20-21) gives up within seconds, not the default minutes.
  code = await e2e.stack("code", {
    config: { "genesys-clone:source": codeDir, "genesyscloud:retryDeadlineSeconds": "4" },
  });
  sample = await e2e.stack("sample");
  transformsDir = await e2e.writeSource("transforms", {
    "broken.yaml": "names:\n  suffix: [oops\n",
    "unknown-key.yaml": "timezones:\n  America/New_York: Europe/Dublin\n",
    "bad-zone.yaml": "timeZones:\n  America/New_York: Europe/Dubln\n",
    "divisions.yaml": "divisions:\n  Billing: EMEA Billing\n",
  });
});
after(async () => e2e.close());

/** Every secret of this run: none may appear in any output. */
function secrets(extra: string[] = []): Secret[] {
  return [
    { name: "target OAuth secret", value: e2e.org("target").clientSecret },
    { name: "source OAuth secret", value: e2e.org("source").clientSecret },
    ...["us-carrier-primary", "us-carrier-backup"].flatMap((t) =>
      ["username", "password"].map((p) => ({ name: `trunk ${p} of ${t}`, value: e2e.trunkSecret(t, p) })),
    ),
    ...extra.map((value) => ({ name: "a secret of this case", value })),
  ];
}

const TRACE = /\n\s+at (?:.+ \()?\S+:\d+:\d+\)?\n/;

/** Runs a command that must fail: the message, no stack trace, no secret. */
async function fails(stack: string, args: string[], message: RegExp, extraSecrets: string[] = []): Promise<string> {
  const res = await e2e.pulumi([...args, "--stack", stack]);
  const output = res.stdout + res.stderr;
  assert.notEqual(res.code, 0, `pulumi ${args.join(" ")} should fail:\n${output}`);
  assert.match(output, message);
  assert.doesNotMatch(output, TRACE, `stack trace in the output:\n${output}`);
  assert.deepEqual(findSecrets([{ where: "the output", text: output }], secrets(extraSecrets)), []);
  return output;
}

interface Deployment {
  resources?: { type: string; urn: string; outputs?: Record<string, unknown> }[];
  pending_operations?: unknown[];
}

/** The stack's state parses and no operation was left pending (which would block the next run). */
async function usable(stack: string): Promise<Deployment> {
  const exported = JSON.parse((await e2e.ok(["stack", "export", "--stack", stack])).stdout) as {
    deployment?: Deployment;
  };
  assert.ok(exported.deployment, "stack export has a deployment");
  assert.deepEqual(exported.deployment.pending_operations ?? [], [], "pending operations left in state");
  return exported.deployment;
}

/** A preview that must fail without touching the target org or the stack's state. */
async function previewFails(stack: string, message: RegExp, extraSecrets: string[] = []): Promise<string> {
  const before_ = await e2e.state("target");
  const output = await fails(stack, ["preview"], message, extraSecrets);
  assert.deepEqual(await e2e.state("target"), before_, "preview changed the target org");
  await usable(stack);
  return output;
}

async function previewOk(stack: string): Promise<void> {
  await e2e.ok(["preview", "--stack", stack]);
}

type Setting = { key: string; value?: string; secret?: boolean };

/** Sets (or removes, without a value) settings of a stack; secrets go through stdin, never the command line. */
async function configure(stack: string, settings: Setting[]): Promise<void> {
  const sensitive = (s: Setting) => s.secret || /secret|password|username/i.test(s.key);
  const removed = settings.filter((s) => s.value === undefined).map((s) => s.key);
  const plain = settings
    .filter((s) => s.value !== undefined && !sensitive(s))
    .flatMap((s) => ["--plaintext", `${s.key}=${s.value}`]);
  if (removed.length) await e2e.ok(["config", "rm-all", "--stack", stack, ...removed]);
  if (plain.length) await e2e.ok(["config", "set-all", "--stack", stack, ...plain]);
  for (const s of settings.filter((x) => x.value !== undefined && sensitive(x))) {
    await e2e.ok(["config", "set", "--stack", stack, s.secret ? "--secret" : "--plaintext", s.key], s.value);
  }
}

async function faults(rules: unknown[]): Promise<void> {
  await e2e.control("/faults", "PUT", rules);
}

// ---------------------------------------------------------------------------------------------------------------
// Settings and credentials. Each case breaks settings of "cfg", previews, restores them, previews again.

const good = (): Record<string, Setting> => {
  const target = e2e.org("target");
  return {
    region: { key: "genesyscloud:region", value: target.region },
    api: { key: "genesyscloud:apiBaseUrl", value: target.apiBaseUrl },
    login: { key: "genesyscloud:loginBaseUrl", value: target.loginBaseUrl },
    id: { key: "genesyscloud:oauthClientId", value: target.clientId },
    secret: { key: "genesyscloud:oauthClientSecret", value: target.clientSecret, secret: true },
    source: { key: "genesys-clone:source", value: `${e2e.sourceDir}-mini` },
    transforms: { key: "genesys-clone:transforms", value: "stacks/sample/transforms.eu-west-1.yaml" },
    trunkPassword: {
      key: "genesys-clone:trunk.us-carrier-primary.password",
      value: e2e.trunkSecret("us-carrier-primary", "password"),
      secret: true,
    },
  };
};
const WRONG_SECRET = "wrong-secret-0123456789abcdef";

const settingsCases: {
  n: number;
  name: string;
  bad: () => Setting[];
  restore: (g: Record<string, Setting>) => Setting[];
  message: RegExp;
}[] = [
  {
    n: 1,
    name: "unknown region: names the region and lists the known ones",
    bad: () => [
      { key: "genesyscloud:region", value: "eu-west-9" },
      { key: "genesyscloud:apiBaseUrl" },
      { key: "genesyscloud:loginBaseUrl" },
    ],
    restore: (g) => [g.region!, g.api!, g.login!],
    message: /Unknown Genesys Cloud region 'eu-west-9'. Known regions: us-east-1/,
  },
  {
    n: 2,
    name: "no region and no base URL: says which setting to set",
    bad: () => [
      { key: "genesyscloud:region" },
      { key: "genesyscloud:apiBaseUrl" },
      { key: "genesyscloud:loginBaseUrl" },
    ],
    restore: (g) => [g.region!, g.api!, g.login!],
    message: /No Genesys Cloud region configured: set genesyscloud:region/,
  },
  {
    n: 3,
    name: "wrong OAuth client secret: names the client and the command that sets the secret; the secret is not printed",
    bad: () => [{ key: "genesyscloud:oauthClientSecret", value: WRONG_SECRET, secret: true }],
    restore: (g) => [g.secret!],
    message:
      /rejected the OAuth client credentials for client id [0-9a-f-]+ .*pulumi config set --secret genesyscloud:oauthClientSecret/s,
  },
  {
    n: 4,
    name: "missing OAuth client secret: says how to set it as a secret",
    bad: () => [{ key: "genesyscloud:oauthClientSecret" }],
    restore: (g) => [g.secret!],
    message: /Missing OAuth client secret: run `pulumi config set --secret genesyscloud:oauthClientSecret/,
  },
  {
    n: 5,
    name: "OAuth client secret stored in plaintext is refused",
    bad: () => [{ key: "genesyscloud:oauthClientSecret", value: e2e.org("target").clientSecret }],
    restore: (g) => [g.secret!],
    message:
      /genesyscloud:oauthClientSecret is stored in plaintext.*pulumi config set --secret genesyscloud:oauthClientSecret/s,
  },
  {
    n: 6,
    name: "missing OAuth client id: says how to set it",
    bad: () => [{ key: "genesyscloud:oauthClientId" }],
    restore: (g) => [g.id!],
    message: /Missing OAuth client id: run `pulumi config set genesyscloud:oauthClientId <client id>`/,
  },
  {
    n: 7,
    name: "a base URL that is not a URL: names the setting and gives an example",
    bad: () => [{ key: "genesyscloud:apiBaseUrl", value: "api.mypurecloud.ie" }],
    restore: (g) => [g.api!],
    message:
      /genesyscloud:apiBaseUrl 'api.mypurecloud.ie' is not an http\(s\) URL: set it to e.g. https:\/\/api.mypurecloud.ie/,
  },
  {
    n: 8,
    name: "base URLs that do not answer: names the login service and the setting",
    bad: () => [
      { key: "genesyscloud:apiBaseUrl", value: "http://127.0.0.1:9/api" },
      { key: "genesyscloud:loginBaseUrl", value: "http://127.0.0.1:9/login" },
    ],
    restore: (g) => [g.api!, g.login!],
    message:
      /Cannot reach the Genesys Cloud login service at http:\/\/127\.0\.0\.1:9\/login.*genesyscloud:loginBaseUrl/s,
  },
  {
    n: 9,
    name: "rateLimitPerMinute that is not a positive whole number",
    bad: () => [{ key: "genesyscloud:rateLimitPerMinute", value: "0" }],
    restore: () => [{ key: "genesyscloud:rateLimitPerMinute" }],
    message: /genesyscloud:rateLimitPerMinute '0' must be a whole number of requests per minute, e.g. 300/,
  },
  {
    n: 10,
    name: "tokenPoolSize out of range",
    bad: () => [{ key: "genesyscloud:tokenPoolSize", value: "64" }],
    restore: () => [{ key: "genesyscloud:tokenPoolSize" }],
    message: /genesyscloud:tokenPoolSize '64' must be a whole number from 1 to 50/,
  },
  {
    n: 11,
    name: "timeoutSeconds that is not a number",
    bad: () => [{ key: "genesyscloud:timeoutSeconds", value: "soon" }],
    restore: () => [{ key: "genesyscloud:timeoutSeconds" }],
    message: /genesyscloud:timeoutSeconds 'soon' must be a number of seconds, at least 1/,
  },
  {
    n: 12,
    name: "onConflict that is neither fail nor adopt",
    bad: () => [{ key: "genesys-clone:onConflict", value: "merge" }],
    restore: () => [{ key: "genesys-clone:onConflict" }],
    message: /genesys-clone:onConflict is 'merge': set it to fail \(the default\) or adopt/,
  },
  {
    n: 13,
    name: "a source directory that was never imported: says which import to run",
    bad: () => [{ key: "genesys-clone:source", value: "never-imported" }],
    restore: (g) => [g.source!],
    message: /genesys-clone:source is 'never-imported'.*run `genesys-clone import --out stacks\/never-imported` first/s,
  },
  {
    n: 14,
    name: "a transforms file that does not exist",
    bad: () => [{ key: "genesys-clone:transforms", value: "stacks/transforms.nowhere.yaml" }],
    restore: (g) => [g.transforms!],
    message:
      /genesys-clone:transforms is 'stacks\/transforms.nowhere.yaml', but \S+transforms.nowhere.yaml does not exist: create it or unset the key/,
  },
  {
    n: 15,
    name: "a transforms file that is not valid YAML: names the file and the line",
    bad: () => [{ key: "genesys-clone:transforms", value: `stacks/${transformsDir}/broken.yaml` }],
    restore: (g) => [g.transforms!],
    message: /Transforms file \S+broken\.yaml is not valid YAML \(line 3\)/,
  },
  {
    n: 16,
    name: "a transforms file with an unknown key: names the key and the allowed ones",
    bad: () => [{ key: "genesys-clone:transforms", value: `stacks/${transformsDir}/unknown-key.yaml` }],
    restore: (g) => [g.transforms!],
    message:
      /Transforms file \S+unknown-key\.yaml: \(top level\): unknown key\(s\) timezones; allowed: timeZones, names, divisions, sites, sipServers/,
  },
  {
    n: 17,
    name: "a transforms file mapping to a time zone that is not IANA",
    bad: () => [{ key: "genesys-clone:transforms", value: `stacks/${transformsDir}/bad-zone.yaml` }],
    restore: (g) => [g.transforms!],
    message:
      /Transforms file \S+bad-zone\.yaml: timeZones maps 'America\/New_York' to 'Europe\/Dubln', which is not an IANA time zone \(e\.g\. Europe\/Dublin\)/,
  },
  {
    n: 18,
    name: "a trunk whose password is missing from the stack config: names the key and the command",
    bad: () => [{ key: "genesys-clone:trunk.us-carrier-primary.password" }],
    restore: (g) => [g.trunkPassword!],
    message:
      /genesys-clone:trunk\.us-carrier-primary\.password.*pulumi config set --secret genesys-clone:trunk\.us-carrier-primary\.password/s,
  },
  {
    n: 19,
    name: "a trunk password stored in plaintext is refused",
    bad: () => [
      {
        key: "genesys-clone:trunk.us-carrier-primary.password",
        value: e2e.trunkSecret("us-carrier-primary", "password"),
      },
    ],
    restore: (g) => [g.trunkPassword!],
    message:
      /genesys-clone:trunk\.us-carrier-primary\.password is stored in plaintext in the stack's config file: run `pulumi config set --secret genesys-clone:trunk\.us-carrier-primary\.password` to encrypt it \(it prompts for the password, or reads it from stdin/,
  },
];

for (const c of settingsCases) {
  test(`${c.n}. ${c.name}`, async () => {
    await configure(cfg, c.bad());
    try {
      await previewFails(cfg, c.message, [WRONG_SECRET]);
    } finally {
      await configure(cfg, c.restore(good()));
    }
    await previewOk(cfg);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The target org's API misbehaves. "code" holds a fresh skill: its check lists the skills of the target org.

const apiCases: { n: number; name: string; rules: unknown[]; message: RegExp }[] = [
  {
    n: 20,
    name: "the API answers 429 forever: gives up with the request and what to do",
    rules: [{ org: "target", path: "^/api/v2/", status: 429, retryAfter: 0 }],
    message:
      /GET \/api\/v2\/\S+ failed: HTTP 429 .*Still rate limited after \d+(\.\d)? s, \d+ attempts: .*raise genesyscloud:retryDeadlineSeconds, or lower genesyscloud:rateLimitPerMinute/,
  },
  {
    n: 21,
    name: "the API answers 503 forever: gives up with the request and what to do",
    rules: [{ org: "target", path: "^/api/v2/", status: 503, retryAfter: 0 }],
    message:
      /GET \/api\/v2\/\S+ failed: HTTP 503 .*Genesys Cloud kept failing for \d+(\.\d)? s, \d+ attempts \(genesyscloud:retryDeadlineSeconds\): .*run the command again later/,
  },
  {
    n: 22,
    name: "the API answers a malformed body: names the request and the setting to check",
    rules: [{ org: "target", method: "GET", path: "^/api/v2/routing/skills", body: '{"entities": [{"id": "7f1c' }],
    message:
      /GET \/api\/v2\/routing\/skills returned a body this tool does not understand .*Check that genesyscloud:apiBaseUrl points at the Genesys Cloud Platform API/,
  },
];

for (const c of apiCases) {
  test(`${c.n}. ${c.name}`, async () => {
    await faults(c.rules);
    try {
      await previewFails(code, c.message);
    } finally {
      await faults([]);
    }
    await previewOk(code);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Stack code: hand-written programs in "code" (each case, then its fix).

async function writeCode(files: Record<string, string>): Promise<void> {
  await e2e.writeSource("code", { "lookups.ts": NO_LOOKUPS, ...files });
}

/** A minimal valid inbound call flow (a language and a start menu, as Archy needs) transferring to `queue`. */
const flowYaml = (queue: string) =>
  [
    "inboundCall:",
    "  name: Fresh IVR",
    "  defaultLanguage: en-us",
    "  startUpRef: ./menus/menu[main]",
    "  menus:",
    "    - menu:",
    "        name: Main Menu",
    "        refId: main",
    "        choices:",
    "          - menuTransferToAcd:",
    "              name: Queue",
    "              dtmf: digit_1",
    "              targetQueue:",
    "                lit:",
    `                  name: ${queue}`,
    "",
  ].join("\n");
const flowProgram = (yaml: string, substitutions = "{ queue: queue.name }") =>
  program(
    'export const queue = new gc.Queue("fresh", { name: "Fresh Queue" });',
    `export const flow = new gc.Flow("fresh-ivr", { name: "Fresh IVR", type: "inboundcall", yaml: ${JSON.stringify(yaml)}, substitutions: ${substitutions} });`,
  );

/** `transforms`: the case's transforms file; its fix is the stack's usual transforms, with the code unchanged. */
const codeCases: {
  n: number;
  name: string;
  bad: Record<string, string>;
  fix?: Record<string, string>;
  message: RegExp;
  transforms?: string;
}[] = [
  {
    n: 23,
    name: "an invalid enum value: names the queue, the field and the allowed values",
    bad: {
      "index.ts": program(
        'export const q = new gc.Queue("q", { name: "Bad Queue", mediaSettings: { callback: { mode: "CustomerLast" } } });',
      ),
    },
    fix: {
      "index.ts": program(
        'export const q = new gc.Queue("q", { name: "Bad Queue", mediaSettings: { callback: { mode: "CustomerFirst" } } });',
      ),
    },
    message: /Queue 'Bad Queue': mediaSettings\.callback\.mode 'CustomerLast' is not one of AgentFirst, CustomerFirst/,
  },
  {
    n: 24,
    name: "a malformed RRULE: names the schedule and the bad part",
    bad: {
      "index.ts": program(
        'export const s = new gc.Schedule("s", { name: "Bad Hours", start: "2027-01-04T08:00:00.000", end: "2027-01-04T18:00:00.000", rrule: "FREQ=WEEKLY;BYDAY=MON" });',
      ),
    },
    fix: {
      "index.ts": program(
        'export const s = new gc.Schedule("s", { name: "Bad Hours", start: "2027-01-04T08:00:00.000", end: "2027-01-04T18:00:00.000", rrule: "FREQ=WEEKLY;BYDAY=MO" });',
      ),
    },
    message:
      /Schedule 'Bad Hours': rrule 'FREQ=WEEKLY;BYDAY=MON' is not a valid iCalendar RRULE: BYDAY=MON is not valid/,
  },
  {
    n: 25,
    name: "a schedule time with a time zone: names the schedule and the expected format",
    bad: {
      "index.ts": program(
        'export const s = new gc.Schedule("s", { name: "Zulu Hours", start: "2027-01-04T08:00:00Z", end: "2027-01-04T18:00:00.000" });',
      ),
    },
    fix: {
      "index.ts": program(
        'export const s = new gc.Schedule("s", { name: "Zulu Hours", start: "2027-01-04T08:00:00.000", end: "2027-01-04T18:00:00.000" });',
      ),
    },
    message:
      /Schedule 'Zulu Hours': start must be a local date-time without time zone, yyyy-MM-ddTHH:mm:ss\.SSS \(e\.g\. 2027-01-04T08:00:00\.000\)/,
  },
  {
    n: 26,
    name: "a schedule that ends before it starts",
    bad: {
      "index.ts": program(
        'export const s = new gc.Schedule("s", { name: "Backwards", start: "2027-01-04T18:00:00.000", end: "2027-01-04T08:00:00.000" });',
      ),
    },
    fix: {
      "index.ts": program(
        'export const s = new gc.Schedule("s", { name: "Backwards", start: "2027-01-04T08:00:00.000", end: "2027-01-04T18:00:00.000" });',
      ),
    },
    message: /Schedule 'Backwards': end 2027-01-04T08:00:00\.000 must be after start 2027-01-04T18:00:00\.000/,
  },
  {
    n: 27,
    name: "a schedule group time zone that is not IANA",
    bad: {
      "index.ts": program(
        HOURS,
        'export const g = new gc.ScheduleGroup("g", { name: "Bad Group", timeZone: "Europe/Dubln", openSchedules: [hours.id] });',
      ),
    },
    fix: {
      "index.ts": program(
        HOURS,
        'export const g = new gc.ScheduleGroup("g", { name: "Bad Group", timeZone: "Europe/Dublin", openSchedules: [hours.id] });',
      ),
    },
    message: /Schedule group 'Bad Group': timeZone 'Europe\/Dubln' is not an IANA time zone \(e\.g\. Europe\/Dublin\)/,
  },
  {
    n: 28,
    name: "an unknown property in the stack code",
    bad: {
      "index.ts": program('export const s = new gc.Skill("s", { name: "Colourful", colour: "red" } as gc.SkillArgs);'),
    },
    fix: { "index.ts": program('export const s = new gc.Skill("s", { name: "Colourful" });') },
    message: /Skill 'Colourful': unknown property 'colour': remove it from the stack code/,
  },
  {
    n: 29,
    name: "a queue referencing a skill that is neither in the program nor in the target org",
    bad: {
      "index.ts": program(
        'export const q = new gc.Queue("q", { name: "Deep Sea Queue", bullseye: { rings: [{ expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 60 }], skillsToRemove: [gc.lookup("skills", "Underwater Basket Weaving")] }, {}] } });',
      ),
      "lookups.ts": 'export const LOOKUPS = [{ type: "skills", name: "Underwater Basket Weaving" }];\n',
    },
    fix: {
      "index.ts": program(
        'export const basket = new gc.Skill("basket", { name: "Underwater Basket Weaving" });',
        'export const q = new gc.Queue("q", { name: "Deep Sea Queue", bullseye: { rings: [{ expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 60 }], skillsToRemove: [basket.id] }, {}] } });',
      ),
    },
    message:
      /references 1 object\(s\) it does not declare and the target org does not have: skill 'Underwater Basket Weaving'\. Create them in the target org, import them too/,
  },
  {
    n: 30,
    name: "a division renamed by the transforms file to one the target org does not have",
    bad: {
      "index.ts": program(
        'export const s = new gc.Skill("s", { name: "Collections", division: gc.lookup("divisions", "Billing", "name") });',
      ),
      "lookups.ts": 'export const LOOKUPS = [{ type: "divisions", name: "Billing" }];\n',
    },
    transforms: "divisions.yaml",
    message:
      /does not have: division 'EMEA Billing' \('Billing' in the code, renamed by the transforms file\)\..*or correct the transforms file's mapping/s,
  },
  {
    n: 31,
    name: "a flow of an unsupported type",
    bad: {
      "index.ts": program(
        'export const f = new gc.Flow("f", { name: "Fax In", type: "inboundfax", yaml: "inboundFax:\\n  name: Fax In\\n" });',
      ),
    },
    fix: {
      "index.ts": program(
        `export const f = new gc.Flow("f", { name: "Fax In", type: "inboundcall", yaml: ${JSON.stringify("inboundCall:\n  name: Fax In\n  defaultLanguage: en-us\n  startUpRef: ./menus/menu[main]\n  menus:\n    - menu:\n        name: Main Menu\n        refId: main\n")} });`,
      ),
    },
    message: /Flow 'Fax In' \(inboundfax\): type 'inboundfax' is not an Archy flow type \(inboundcall, inqueuecall/,
  },
  {
    n: 32,
    name: "flow YAML that does not parse: names the flow and the line",
    bad: { "index.ts": flowProgram("inboundCall:\n  name: Fresh IVR\n   description: one space too many\n") },
    fix: { "index.ts": flowProgram(flowYaml("{{queue}}")) },
    message: /Flow 'Fresh IVR' \(inboundcall\) is not valid YAML \(line 2\)/,
  },
  {
    n: 33,
    name: "a flow YAML placeholder without a substitution",
    bad: { "index.ts": flowProgram(flowYaml("{{queue}}"), "{ line: queue.name }") },
    fix: { "index.ts": flowProgram(flowYaml("{{queue}}")) },
    message:
      /Flow 'Fresh IVR' \(inboundcall\): the YAML uses \{\{queue\}\} but substitutions has no value for it: add it/,
  },
];

for (const c of codeCases) {
  test(`${c.n}. ${c.name}`, async () => {
    if (c.transforms)
      await configure(code, [{ key: "genesys-clone:transforms", value: `stacks/${transformsDir}/${c.transforms}` }]);
    try {
      await writeCode(c.bad);
      const output = await previewFails(code, c.message);
      assert.doesNotMatch(output, /property yaml value/, "the whole flow printed");
      if (c.transforms) await configure(code, [good().transforms!]);
      if (c.fix) await writeCode(c.fix);
      await previewOk(code);
    } finally {
      if (c.transforms) await configure(code, [good().transforms!]);
      await writeCode({ "index.ts": FINE });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The imported sample, edited the way a user would edit generated code (each edit undone afterwards).

/** The fix is undoing the edit: one case previews it, the others check the state is unchanged (a full preview costs seconds). */
async function editSample(
  file: string,
  edit: (text: string) => string,
  message: RegExp,
  previewFix = false,
): Promise<void> {
  const p = path.join(e2e.outDir, file);
  const original = await fs.readFile(p, "utf8");
  const edited = edit(original);
  assert.notEqual(edited, original, `the edit of ${file} changed nothing`);
  try {
    await fs.writeFile(p, edited);
    await previewFails(sample, message);
  } finally {
    await fs.writeFile(p, original);
  }
  if (previewFix) await previewOk(sample);
  else assert.deepEqual((await usable(sample)).resources ?? [], [], "the sample stack has no state to change");
}

test("34. a name over the API's length limit: names the object and the limit", async () => {
  await editSample(
    "routing-wrapupcodes.ts",
    (t) => t.replace('name: "Abandoned",', `name: "${"A".repeat(300)}",`),
    /Wrap-up code 'AAAA+': Wrap-up code name is longer than the API's limit of 256 characters: shorten it/,
    true,
  );
});

test("35. two resources with the same name (different variables): one error naming both", async () => {
  await editSample(
    "routing-skills.ts",
    (t) => t.replace('name: "French",', 'name: "English",'),
    /Two resources in the stack code declare Skill 'English': 'english' and 'french'\. Names are unique per type in Genesys Cloud \(ignoring case\): rename or remove one of them/,
  );
});

test("36. a division missing in the target org: names the object and the division", async () => {
  await editSample(
    "routing-skills.ts",
    (t) => t.replace("division: divisionBilling.name,", 'division: "Collections Team",'),
    /Skill '[^']+': division 'Collections Team' does not exist in the target org\. Create it there, or change the division in the stack code/,
  );
});

test("37. a flow YAML file truncated mid-line: names the flow and the line", async () => {
  await editSample(
    "flows/main-ivr-inboundcall.yaml",
    (t) => t.slice(0, t.indexOf('"{{schedulegroup.main-line-hours}}"') + 8),
    /Flow 'Main IVR' \(inboundcall\) is not valid YAML \(line \d+\): Missing closing "quote/,
  );
});

test("38. import --include that matches nothing: fails naming the rule, and writes nothing", async () => {
  const out = path.join(ROOT, "stacks", `${e2e.sourceDir}-typo`);
  e2e.extraDirs.push(out);
  const res = await e2e.importSource(out, ["--include", "queues:Suport*"]);
  assert.equal(res.code, 1, res.stderr);
  assert.match(
    res.stderr,
    /genesys-clone: error: --include 'queues:Suport\*' matches no object in the source org: check the spelling .*Nothing was written\./,
  );
  assert.doesNotMatch(res.stderr, TRACE);
  await assert.rejects(fs.access(out), "nothing written");
  const fixed = await e2e.importSource(out, ["--include", "queues:Support*"]);
  assert.equal(fixed.code, 0, fixed.stderr);
});

// ---------------------------------------------------------------------------------------------------------------
// Only the API can tell: `up` fails part-way; state keeps what was created; after the fix `up` completes.

async function deployedStack(suffix: string, index: string): Promise<string> {
  const dir = await e2e.writeSource(suffix, { "index.ts": index, "lookups.ts": NO_LOOKUPS });
  return e2e.stack(suffix, { config: { "genesys-clone:source": dir } });
}

const UP = ["up", "--yes", "--skip-preview"];
const names = (d: Deployment) =>
  (d.resources ?? [])
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
    .map((r) => String(r.outputs?.name))
    .sort();
type Named = {
  id: string;
  name: string;
  description?: string;
  wrapupCodes?: string[];
  yaml?: string;
  publishedVersion?: unknown;
};
const inTarget = async (kind: string, name: string) =>
  ((await e2e.state("target"))[kind] as Named[]).find(
    (o) => o.name === name && (o as { state?: string }).state !== "deleted",
  );

// A name written into the YAML itself is refused at the flow's check (test/e2e/flowrefs); a substitution's value is
// trusted (it is normally a declared resource's name or a lookup), so a wrong one reaches the Architect job.
test("39. a flow whose substitution names a queue that exists nowhere: up fails with Architect's message; fixed, up publishes", async () => {
  const stack = await deployedStack("lostqueue", flowProgram(flowYaml("{{queue}}"), '{ queue: "Nowhere Queue" }'));
  await fails(
    stack,
    UP,
    /Flow 'Fresh IVR' \(inboundcall\) could not be published: Unable to find a queue named 'Nowhere Queue' referenced by inboundCall 'Fresh IVR'/,
  );
  assert.deepEqual(names(await usable(stack)), ["Fresh Queue"], "the queue created before the failure is in state");
  assert.equal(await inTarget("flows", "Fresh IVR"), undefined);
  await e2e.writeSource("lostqueue", { "index.ts": flowProgram(flowYaml("{{queue}}")) });
  await e2e.ok([...UP, "--stack", stack]);
  assert.match((await inTarget("flows", "Fresh IVR"))!.yaml!, /name: Fresh Queue/);
  await e2e.ok(["destroy", "--yes", "--skip-preview", "--stack", stack]);
});

test("40. a type the credentials may not write (403): names the object and the permission; granted, up completes", async () => {
  const stack = await deployedStack(
    "forbidden",
    program(
      'export const rook = new gc.Skill("rook", { name: "Rook" });',
      'export const bishop = new gc.Skill("bishop", { name: "Bishop" });',
      'export const castled = new gc.WrapupCode("castled", { name: "Castled" });',
    ),
  );
  await faults([
    { org: "target", method: "POST", path: "^/api/v2/routing/skills$", status: 403, code: "missing.permissions" },
  ]);
  try {
    // Without --continue-on-error the engine stops the update at the first failed step, and whether the
    // wrap-up code's create had started by then is a race (CI saw it not started). With it, every step that
    // does not depend on a failed one runs: the wrap-up code is created, both skills fail. Whichever failed
    // first is named.
    await fails(
      stack,
      [...UP, "--continue-on-error"],
      /Skill '(Rook|Bishop)': the OAuth client is not allowed to create it in the home division \(HTTP 403 missing\.permissions on POST \/api\/v2\/routing\/skills\)\. Grant the client's role the permission to create this type in the target org, with the home division \(or all divisions\)/,
    );
  } finally {
    await faults([]);
  }
  assert.deepEqual(names(await usable(stack)), ["Castled"]);
  await e2e.ok([...UP, "--stack", stack]);
  assert.ok((await inTarget("skills", "Rook")) && (await inTarget("skills", "Bishop")));
  await e2e.ok(["destroy", "--yes", "--skip-preview", "--stack", stack]);
});

test("41. credentials revoked during the run (401 even with a fresh token): names the object and the client settings", async () => {
  const stack = await deployedStack(
    "revoked",
    program(
      'export const pawn = new gc.Skill("pawn", { name: "Pawn" });',
      'export const promoted = new gc.WrapupCode("promoted", { name: "Promoted" });',
    ),
  );
  await faults([{ org: "target", method: "POST", path: "^/api/v2/routing/wrapupcodes$", status: 401 }]);
  try {
    await fails(
      stack,
      UP,
      /Wrap-up code 'Promoted': POST \/api\/v2\/routing\/wrapupcodes failed: HTTP 401 .*A freshly minted token was rejected too: .*genesyscloud:oauthClientId/,
    );
  } finally {
    await faults([]);
  }
  assert.deepEqual(names(await usable(stack)), ["Pawn"]);
  await e2e.ok([...UP, "--stack", stack]);
  assert.ok(await inTarget("wrapupcodes", "Promoted"));
  await e2e.ok(["destroy", "--yes", "--skip-preview", "--stack", stack]);
});

const uiProgram = (resignedDescription: string) =>
  program(
    'export const stalemate = new gc.WrapupCode("stalemate", { name: "Stalemate" });',
    `export const resigned = new gc.WrapupCode("resigned", { name: "Resigned", description: ${JSON.stringify(resignedDescription)} });`,
    'export const endgame = new gc.Queue("endgame", { name: "Endgame", wrapupCodes: [stalemate.id] });',
  );
let uiStack: string;

test("42. state pointing to an object deleted in the UI: refresh drops it from state, up creates it again", async () => {
  uiStack = await deployedStack("ui", uiProgram("gave up"));
  await e2e.ok([...UP, "--stack", uiStack]);
  const queue = (await inTarget("queues", "Endgame"))!;
  const deleted = await e2e.api("target", "DELETE", `/api/v2/routing/queues/${queue.id}`);
  assert.ok(deleted.ok, await deleted.text());
  const preview = await e2e.ok(["preview", "--refresh", "--stack", uiStack]);
  assert.match(preview.stdout, /\+\s+pulumi-nodejs:dynamic\/genesyscloud:RoutingQueue endgame create/);
  assert.match(preview.stdout, /\+ 1 to create/);
  await e2e.ok([...UP, "--refresh", "--stack", uiStack]);
  const again = (await inTarget("queues", "Endgame"))!;
  assert.notEqual(again.id, queue.id);
  assert.deepEqual(
    again.wrapupCodes,
    [(await inTarget("wrapupcodes", "Stalemate"))!.id],
    "recreated with its wrap-up code",
  );
  await e2e.ok(["preview", "--expect-no-changes", "--stack", uiStack]);
  await usable(uiStack);
});

test("43. an object deleted in the UI, then changed in the code before a refresh: names it and says refresh, then up", async () => {
  const code = (await inTarget("wrapupcodes", "Resigned"))!;
  const deleted = await e2e.api("target", "DELETE", `/api/v2/routing/wrapupcodes/${code.id}`);
  assert.ok(deleted.ok, await deleted.text());
  await e2e.writeSource("ui", { "index.ts": uiProgram("resigned on time") });
  await fails(
    uiStack,
    UP,
    /Wrap-up code 'Resigned' \(id [0-9a-f-]+\) no longer exists in the target org: run `pulumi refresh`, then `pulumi up` to create it again/,
  );
  await usable(uiStack);
  await e2e.ok(["refresh", "--yes", "--skip-preview", "--stack", uiStack]);
  await e2e.ok([...UP, "--stack", uiStack]);
  assert.equal((await inTarget("wrapupcodes", "Resigned"))!.description, "resigned on time");
  await e2e.ok(["destroy", "--yes", "--skip-preview", "--stack", uiStack]);
  assert.equal(await inTarget("queues", "Endgame"), undefined);
});

test("no secret and no access token in anything the CLI printed during the catalogue", async () => {
  const issued = ((await e2e.control("/tokens")) as { orgs: { name: string; tokens: string[] }[] }).orgs;
  const tokens = issued.flatMap((o) => o.tokens.map((value) => ({ name: `${o.name} access token`, value })));
  assert.ok(tokens.length > 10);
  assert.deepEqual(
    findSecrets([{ where: "the CLI output", text: e2e.transcript }], [...secrets([WRONG_SECRET]), ...tokens]),
    [],
  );
});
