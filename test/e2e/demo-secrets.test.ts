import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { startEmulator, type RunningEmulator } from "@genesys-clone/emulator";
import { fileBackendUrl, pulumiEnv, runPulumi } from "@genesys-clone/scripts/dist/lib/pulumi-env";
import { ROOT, runNode } from "./harness";
import { filesUnder, findSecrets, type Secret, type Text } from "./secret-scan";

// The demo flow (`npm run demo`: import, preview, up, verify, refresh, destroy) run with distinctive OAuth client
// secrets and trunk passwords, isolated (its own emulator, state directory, stack and import directory). Then
// every place a secret could land is scanned for them and for every access token the emulator issued: the state
// directory (state, history, backups, PULUMI_HOME), the stack's config file, the generated code, the verify
// report, .genesys-clone/, and every line the demo, the import, verify and Pulumi printed.
const id = randomBytes(4).toString("hex");
const stack = `demo-secrets-${id}`;
const sourceDir = `.test-demo-${id}`;
const clientSecrets = {
  source: `DemoSource+OAuth/Secret=${id}`,
  target: `DemoTarget+OAuth/Secret=${id}`,
  "target-ap": `DemoTargetAp+OAuth/Secret=${id}`,
};
const trunkPassword = `DemoTrunk+Pass/${id}=`;
let emulator: RunningEmulator;
let backend: string;

before(async () => {
  // A roomier rate limit than the default 300/min: this test is about secrets, not the budget.
  emulator = await startEmulator({ seed: "regions", clientSecrets, rateLimitPerMinute: 3000 });
  backend = await fs.mkdtemp(path.join(os.tmpdir(), "genesys-clone-demo-secrets-"));
});

after(async () => {
  const env = pulumiEnv({
    ...process.env,
    PULUMI_BACKEND_URL: fileBackendUrl(backend),
    PULUMI_HOME: path.join(backend, ".home"),
  });
  for (const s of [stack, `${stack}-ap`]) {
    await runPulumi(["stack", "rm", s, "--force", "--yes", "--non-interactive"], { env });
    await fs.rm(path.join(ROOT, `Pulumi.${s}.yaml`), { force: true });
    await fs.rm(path.join(ROOT, ".genesys-clone", "rollout", `${s}.log`), { force: true });
  }
  await fs.rm(path.join(ROOT, "stacks", sourceDir), { recursive: true, force: true });
  await fs.rm(path.join(ROOT, ".genesys-clone", `${stack}-verify.md`), { force: true });
  await fs.rm(backend, { recursive: true, force: true });
  await emulator.close();
});

test("the demo flow leaks no OAuth secret, access token or trunk password into state, code, reports, logs or output", async () => {
  const demo = await runNode([path.join(ROOT, "scripts", "dist", "demo.js")], {
    ...process.env,
    PULUMI_BACKEND_URL: fileBackendUrl(backend),
    PULUMI_HOME: path.join(backend, ".home"),
    GENESYS_CLONE_DEMO_EMULATOR: emulator.url,
    GENESYS_CLONE_DEMO_TRUNK_PASSWORD: trunkPassword,
    GENESYS_CLONE_DEMO_STACK: stack,
    GENESYS_CLONE_DEMO_SOURCE: sourceDir,
  });
  const output = demo.stdout + demo.stderr;
  assert.equal(demo.code, 0, `the demo failed:\n${output.slice(-4000)}`);
  assert.match(
    demo.stdout,
    /ok: all 2 trunks are connected/,
    "the trunks connected, so they used the configured passwords",
  );
  assert.match(demo.stdout, /rolled back to the exact starting state/);

  const issued = (
    (await (await fetch(`${emulator.url}/__emulator/tokens`)).json()) as { orgs: { name: string; tokens: string[] }[] }
  ).orgs;
  const tokens = issued.flatMap((o) =>
    o.tokens.map((value, i) => ({ name: `${o.name} access token #${i + 1}`, value })),
  );
  assert.ok(issued.find((o) => o.name === "source")!.tokens.length >= 2, "import and verify read the source org");
  assert.ok(
    issued.find((o) => o.name === "target")!.tokens.length >= 3,
    "preview, up, verify, refresh and destroy use the target org",
  );
  const secrets: Secret[] = [
    { name: "source OAuth client secret", value: clientSecrets.source },
    { name: "target OAuth client secret", value: clientSecrets.target },
    { name: "target-ap OAuth client secret", value: clientSecrets["target-ap"] },
    ...["us-carrier-primary", "us-carrier-backup"].map((trunk) => ({
      name: `trunk password of ${trunk}`,
      value: `${trunkPassword}-${trunk}`,
    })),
    ...tokens,
  ];

  const texts: Text[] = [
    { where: "the demo's output (with Pulumi's, import's and verify's)", text: output },
    ...(await filesUnder(backend)).map((t) => ({ ...t, where: `state directory: ${t.where}` })),
    { where: `Pulumi.${stack}.yaml`, text: await fs.readFile(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8") },
    {
      where: `Pulumi.${stack}-ap.yaml`,
      text: await fs.readFile(path.join(ROOT, `Pulumi.${stack}-ap.yaml`), "utf8"),
    },
    ...(await filesUnder(path.join(ROOT, "stacks", sourceDir))).map((t) => ({
      ...t,
      where: `generated code: ${t.where}`,
    })),
    ...(await filesUnder(path.join(ROOT, ".genesys-clone"))).map((t) => ({ ...t, where: `.genesys-clone/${t.where}` })),
  ];
  const where = texts.map((t) => t.where);
  for (const expected of [
    /state directory: .*\.json$/,
    /generated code: telephony-trunks\.ts/,
    new RegExp(`\\.genesys-clone/${stack}-verify\\.md`),
    new RegExp(`\\.genesys-clone/rollout/${stack}-ap\\.log`),
  ]) {
    assert.ok(
      where.some((w) => expected.test(w)),
      `nothing scanned matches ${expected}: the scan would miss that place`,
    );
  }
  assert.deepEqual(findSecrets(texts, secrets), []);
});
