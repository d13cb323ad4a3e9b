import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { E2E } from "./harness";

// Bad configuration and bad stack code fail `preview` with one clear message naming the fix,
// without a stack trace, without the secret, and without touching the target org.
let e2e: E2E;

before(async () => {
  e2e = await E2E.start("sample");
  const imported = await e2e.importSource();
  assert.equal(imported.code, 0, imported.stderr);
});
after(async () => e2e.close());

async function previewFails(stack: string, message: RegExp, secrets: string[] = []) {
  const before_ = await e2e.state("target");
  const res = await e2e.pulumi(["preview", "--stack", stack]);
  const output = res.stdout + res.stderr;
  assert.notEqual(res.code, 0, `preview should fail:\n${output}`);
  assert.match(output, message);
  assert.doesNotMatch(output, /\n\s+at .+\(.+:\d+:\d+\)/, `stack trace in output:\n${output}`);
  for (const s of secrets) assert.ok(!output.includes(s), "secret in output");
  assert.deepEqual(await e2e.state("target"), before_, "preview changed the target org");
  return output;
}

test("wrong client secret: one error naming the setting to fix; the secret is not printed", async () => {
  const wrong = "wrong-secret-0123456789abcdef";
  const stack = await e2e.stack("badsecret", { secret: wrong });
  const out = await previewFails(stack, /rejected the OAuth client credentials.*pulumi config set --secret genesyscloud:oauthClientSecret/s, [wrong]);
  assert.equal(out.match(/rejected the OAuth client credentials/g)!.length, 2 /* diagnostics list repeats the message once */);
});

test("unknown region: names the region and lists the known ones", async () => {
  const stack = await e2e.stack("badregion", {
    config: { "genesyscloud:region": "eu-west-9", "genesyscloud:apiBaseUrl": undefined, "genesyscloud:loginBaseUrl": undefined },
  });
  await previewFails(stack, /Unknown Genesys Cloud region 'eu-west-9'. Known regions: us-east-1/);
});

test("missing secret: says how to set it as a secret", async () => {
  const stack = await e2e.stack("nosecret", { secret: null });
  await previewFails(stack, /Missing OAuth client secret: run `pulumi config set --secret genesyscloud:oauthClientSecret/);
});

test("a secret stored in plaintext is refused", async () => {
  const stack = await e2e.stack("plaintext", { plaintextSecret: true });
  await previewFails(stack, /stored in plaintext.*pulumi config set --secret genesyscloud:oauthClientSecret/s, [e2e.org("target").clientSecret]);
});

test("a base URL that does not answer: names the login service and the setting", async () => {
  const stack = await e2e.stack("deadurl", {
    config: { "genesyscloud:apiBaseUrl": "http://127.0.0.1:9/api", "genesyscloud:loginBaseUrl": "http://127.0.0.1:9/login" },
  });
  await previewFails(stack, /Cannot reach the Genesys Cloud login service at http:\/\/127\.0\.0\.1:9\/login.*genesyscloud:loginBaseUrl/s);
});

test("source directory that was never imported", async () => {
  const stack = await e2e.stack("nosource", { config: { "genesys-clone:source": "never-imported" } });
  await previewFails(stack, /genesys-clone:source is 'never-imported'.*genesys-clone import --out stacks\/never-imported/s);
});

test("a name over the API's length limit fails at preview, naming the object", async () => {
  const file = path.join(e2e.outDir, "routing-wrapupcodes.ts");
  const original = await fs.readFile(file, "utf8");
  try {
    await fs.writeFile(file, original.replace('name: "Abandoned",', `name: "${"A".repeat(300)}",`));
    const stack = await e2e.stack("longname");
    await previewFails(stack, /Wrap-up code 'AAAA+': Wrap-up code name is longer than the API's limit of 256 characters/);
  } finally {
    await fs.writeFile(file, original);
  }
});

test("a division missing in the target org fails at preview, naming the object and the division", async () => {
  const file = path.join(e2e.outDir, "routing-skills.ts");
  const original = await fs.readFile(file, "utf8");
  try {
    assert.ok(original.includes("division: divisionBilling.name,"));
    await fs.writeFile(file, original.replace("division: divisionBilling.name,", 'division: "Collections Team",'));
    const stack = await e2e.stack("nodivision");
    await previewFails(stack, /Skill '[^']+': division 'Collections Team' does not exist in the target org/);
  } finally {
    await fs.writeFile(file, original);
  }
});

test("routing bad inputs fail at preview with one message each: media-settings enum, malformed RRULE, unknown time zone", async () => {
  const cases: { suffix: string; code: string; message: RegExp }[] = [
    {
      suffix: "enum",
      code: 'export const queue = new gc.Queue("q", { name: "Bad Queue", mediaSettings: { callback: { mode: "CustomerLast" } } });',
      message: /Queue 'Bad Queue': mediaSettings\.callback\.mode 'CustomerLast' is not one of AgentFirst, CustomerFirst/,
    },
    {
      suffix: "rrule",
      code: 'export const schedule = new gc.Schedule("s", { name: "Bad Hours", start: "2027-01-04T08:00:00.000", end: "2027-01-04T18:00:00.000", rrule: "FREQ=WEEKLY;BYDAY=MON" });',
      message: /Schedule 'Bad Hours': rrule 'FREQ=WEEKLY;BYDAY=MON' is not a valid iCalendar RRULE: BYDAY=MON is not valid/,
    },
    {
      suffix: "zone",
      code: 'export const group = new gc.ScheduleGroup("g", { name: "Bad Group", timeZone: "Europe/Dubln" });',
      message: /Schedule group 'Bad Group': timeZone 'Europe\/Dubln' is not an IANA time zone \(e\.g\. Europe\/Dublin\)/,
    },
  ];
  for (const c of cases) {
    const dir = await e2e.writeSource(c.suffix, {
      "index.ts": `import * as gc from "@genesys-clone/provider";\n${c.code}\n`,
      "lookups.ts": "export const LOOKUPS: { type: string; name: string }[] = [];\n",
    });
    const stack = await e2e.stack(`bad${c.suffix}`, { config: { "genesys-clone:source": dir } });
    await previewFails(stack, c.message);
  }
});

test("a transforms file naming an unknown time zone fails at preview, naming the file and the zone", async () => {
  const dir = await e2e.writeSource("tz", { "transforms.yaml": "timeZones:\n  America/New_York: Europe/Dubln\n" });
  const stack = await e2e.stack("badtransforms", { config: { "genesys-clone:transforms": `stacks/${dir}/transforms.yaml` } });
  await previewFails(stack, /Transforms file .*transforms\.yaml: timeZones maps 'America\/New_York' to 'Europe\/Dubln', which is not an IANA time zone/);
});
