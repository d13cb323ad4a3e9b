// `npm run demo`: clone the sample contact centre from the emulated us-east-1 org into the emulated
// eu-west-1 org with the real Pulumi CLI, check the result, roll back, check the rollback; then rehearse
// ap-southeast-2 on a read-only copy of that org, roll the clone out to eu-west-1 and ap-southeast-2 at once with
// `genesys-clone rollout`, and roll both back.
//
// Environment, all optional (test/e2e/demo-secrets runs the demo isolated, with secrets it then scans for):
//   GENESYS_CLONE_DEMO_EMULATOR        URL of a running emulator to use (reset to the sample seed) instead of starting one
//   GENESYS_CLONE_DEMO_TRUNK_PASSWORD  trunk passwords become <value>-<trunk> instead of random ones
//   GENESYS_CLONE_DEMO_STACK           stack name (default demo-eu-west-1; the rollout's second one is <stack>-ap, default
//                                      demo-ap-southeast-2); the report is then .genesys-clone/<stack>-verify.md
//   GENESYS_CLONE_DEMO_SOURCE          directory under stacks/ to import into (default sample)
//   PULUMI_BACKEND_URL, PULUMI_HOME    where state goes, as for `npm run pulumi` (default .pulumi-state/)
import { spawn } from "child_process";
import * as path from "path";
import { randomBytes } from "crypto";
import { isDeepStrictEqual } from "util";
import { startEmulator, type OrgInfo } from "@genesys-clone/emulator";
import { counts, differences, dumpOrg, viewOf } from "./lib/org-view";
import { pulumiEnv, ROOT, runPulumi } from "./lib/pulumi-env";

const STACK = process.env.GENESYS_CLONE_DEMO_STACK || "demo-eu-west-1";
const SOURCE_DIR = process.env.GENESYS_CLONE_DEMO_SOURCE || "sample";
const STACK_AP = process.env.GENESYS_CLONE_DEMO_STACK ? `${STACK}-ap` : "demo-ap-southeast-2";
const TRANSFORMS = "stacks/sample/transforms.eu-west-1.yaml";
const TRANSFORMS_AP = "stacks/sample/transforms.ap-southeast-2.yaml";
const REPORT = process.env.GENESYS_CLONE_DEMO_STACK ? `${STACK}-verify.md` : "demo-verify.md";
const EXTERNAL_EMULATOR = process.env.GENESYS_CLONE_DEMO_EMULATOR;
const TRUNK_PASSWORD = process.env.GENESYS_CLONE_DEMO_TRUNK_PASSWORD;

function step(text: string): void {
  process.stdout.write(`\n=== ${text}\n`);
}

function check(ok: boolean, what: string, detail: string[] = []): void {
  if (!ok) {
    process.stderr.write(`\nDEMO FAILED: ${what}\n${detail.map((d) => `  ${d}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write(`ok: ${what}\n`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function pulumi(args: string[], input?: string): Promise<string> {
  const res = await runPulumi([...args, "--non-interactive"], { input, echo: true, env: pulumiEnv() });
  check(res.code === 0, `pulumi ${args.join(" ")}`);
  return res.stdout;
}

/** The emulator this run uses: a fresh in-process one, or the given one reset to the regions seed (left running). */
async function emulatorForDemo(): Promise<{ url: string; orgs: OrgInfo[]; close(): Promise<void> }> {
  if (!EXTERNAL_EMULATOR) {
    step("Starting the Genesys Cloud emulator (the sample contact centre and two empty target regions)");
    return startEmulator({ seed: "regions" });
  }
  step(`Using the Genesys Cloud emulator at ${EXTERNAL_EMULATOR} (reset to the regions seed)`);
  const res = await fetch(`${EXTERNAL_EMULATOR}/__emulator/reset`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: '{"seed":"regions"}',
  });
  check(res.ok, `reset the emulator at ${EXTERNAL_EMULATOR}`);
  const { orgs } = (await res.json()) as { orgs: OrgInfo[] };
  return { url: EXTERNAL_EMULATOR, orgs, close: async () => undefined };
}

/** A stack for one target org: the imported source, its region transforms, credentials (secret) and trunk credentials. */
async function configureStack(stack: string, org: OrgInfo, transforms: string): Promise<void> {
  await runPulumi(["stack", "rm", stack, "--force", "--yes", "--non-interactive"], { env: pulumiEnv() }); // a previous run's emulator is gone
  await pulumi(["stack", "init", stack]);
  const set = (key: string, value: string, secret = false) =>
    pulumi(["config", "set", "--stack", stack, ...(secret ? ["--secret"] : []), key], value);
  await set("genesys-clone:source", SOURCE_DIR);
  await set("genesys-clone:transforms", transforms);
  await set("genesyscloud:region", org.region);
  await set("genesyscloud:apiBaseUrl", org.apiBaseUrl);
  await set("genesyscloud:loginBaseUrl", org.loginBaseUrl);
  await set("genesyscloud:oauthClientId", org.clientId);
  await set("genesyscloud:oauthClientSecret", org.clientSecret, true);
  // Trunk credentials are never copied from the source: each target stack supplies its own.
  for (const trunk of ["us-carrier-primary", "us-carrier-backup"]) {
    await set(`genesys-clone:trunk.${trunk}.username`, `${org.region}-${trunk}`, true);
    await set(
      `genesys-clone:trunk.${trunk}.password`,
      TRUNK_PASSWORD ? `${TRUNK_PASSWORD}-${trunk}` : randomBytes(18).toString("base64url"),
      true,
    );
  }
}

async function main(): Promise<void> {
  const emulator = await emulatorForDemo();
  try {
    const source = emulator.orgs.find((o) => o.name === "source")!;
    const target = emulator.orgs.find((o) => o.name === "target")!;
    const targetAp = emulator.orgs.find((o) => o.name === "target-ap")!;
    process.stdout.write(
      `source org: ${source.region} at ${source.apiBaseUrl}\ntarget org: ${target.region} at ${target.apiBaseUrl}\n`,
    );

    step(`Importing the source org into stacks/${SOURCE_DIR}`);
    // Async: the emulator serves from this process, so nothing here may block the event loop.
    const imported = await run(
      process.execPath,
      [
        path.join(ROOT, "provider", "dist", "cli.js"),
        "import",
        "--region",
        source.region,
        "--out",
        path.join(ROOT, "stacks", SOURCE_DIR),
        "--api-base-url",
        source.apiBaseUrl,
        "--login-base-url",
        source.loginBaseUrl,
        "--client-id",
        source.clientId,
        // the sample's data table rows (Store Locations) are configuration the flows need
        "--with-rows",
      ],
      { ...process.env, GENESYSCLOUD_OAUTHCLIENT_SECRET: source.clientSecret },
    );
    check(imported === 0, "import");

    step(`Configuring stack ${STACK} for the target org`);
    const env = pulumiEnv();
    await configureStack(STACK, target, TRANSFORMS);

    const before = await dumpOrg(emulator.url, "target");
    const sourceView = viewOf(await dumpOrg(emulator.url, "source"));

    step("pulumi preview");
    await pulumi(["preview", "--stack", STACK]);
    step("pulumi up");
    await pulumi(["up", "--stack", STACK, "--yes", "--skip-preview"]);
    step("genesys-clone verify: the target against the source, field by field, transforms applied");
    const report = path.join(ROOT, ".genesys-clone", REPORT);
    const verified = await run(
      process.execPath,
      [
        path.join(ROOT, "provider", "dist", "cli.js"),
        "verify",
        "--source",
        "env:SOURCE",
        "--target",
        STACK,
        "--report",
        report,
        "--with-rows",
      ],
      {
        ...env,
        SOURCE_REGION: source.region,
        SOURCE_API_BASE_URL: source.apiBaseUrl,
        SOURCE_LOGIN_BASE_URL: source.loginBaseUrl,
        SOURCE_OAUTHCLIENT_ID: source.clientId,
        SOURCE_OAUTHCLIENT_SECRET: source.clientSecret,
      },
    );
    check(
      verified === 0,
      `target matches the source (${counts(sourceView)}); report in ${path.relative(ROOT, report)}`,
    );
    const deployed = await dumpOrg(emulator.url, "target");
    const flows = deployed.flows as { name: string; publishedVersion?: unknown }[];
    check(
      flows.length > 0 && flows.every((f) => f.publishedVersion),
      `all ${flows.length} flows are published in the target`,
      flows.filter((f) => !f.publishedVersion).map((f) => f.name),
    );
    const trunks = deployed.trunks as { name: string; connectedStatus?: { connected?: boolean } }[];
    check(
      trunks.length > 0 && trunks.every((t) => t.connectedStatus?.connected),
      `all ${trunks.length} trunks are connected`,
      trunks.filter((t) => !t.connectedStatus?.connected).map((t) => t.name),
    );

    step("pulumi refresh, then preview: no drift");
    await pulumi(["refresh", "--stack", STACK, "--yes", "--skip-preview"]);
    await pulumi(["preview", "--stack", STACK, "--expect-no-changes"]);

    step("pulumi destroy (roll back)");
    await pulumi(["destroy", "--stack", STACK, "--yes", "--skip-preview"]);
    const after = await dumpOrg(emulator.url, "target");
    check(
      isDeepStrictEqual(viewOf(after), viewOf(before)),
      "target org is back to its starting state (adopted divisions restored)",
      differences(viewOf(before), viewOf(after)),
    );

    step(`genesys-clone rollout: ${target.region} and ${targetAp.region} at once (stacks ${STACK}, ${STACK_AP})`);
    await configureStack(STACK_AP, targetAp, TRANSFORMS_AP);
    const beforeAp = await dumpOrg(emulator.url, "target-ap");
    step(`genesys-clone rehearse: ${targetAp.region} first, on a private copy of that org (it is only read)`);
    const rehearsal = path.join(ROOT, ".genesys-clone", `${STACK_AP}-rehearsal.html`);
    const rehearsed = await run(
      process.execPath,
      [path.join(ROOT, "provider", "dist", "cli.js"), "rehearse", "--stack", STACK_AP, "--report", rehearsal],
      env,
    );
    check(rehearsed === 0, `the rehearsal deployed cleanly; report in ${path.relative(ROOT, rehearsal)}`);
    check(
      isDeepStrictEqual(viewOf(await dumpOrg(emulator.url, "target-ap")), viewOf(beforeAp)),
      `the rehearsal left ${targetAp.region} as it was`,
    );

    const rollout = (action: string) =>
      run(
        process.execPath,
        [
          path.join(ROOT, "provider", "dist", "cli.js"),
          "rollout",
          action,
          "--stacks",
          `${STACK},${STACK_AP}`,
          "--cwd",
          ROOT,
        ],
        env,
      );
    check((await rollout("up")) === 0, `rollout up: both regions deployed`);
    check((await rollout("destroy")) === 0, `rollout destroy: both regions rolled back`);
    for (const [org, start] of [
      ["target", before],
      ["target-ap", beforeAp],
    ] as const) {
      const now = await dumpOrg(emulator.url, org);
      check(
        isDeepStrictEqual(viewOf(now), viewOf(start)),
        `${org} is back to its starting state`,
        differences(viewOf(start), viewOf(now)),
      );
    }

    step("Summary");
    process.stdout.write(
      `Cloned ${counts(sourceView)} from ${source.region} to ${target.region}, ` +
        "verified them field by field, found no drift, and rolled back to the exact starting state; " +
        `then rolled the clone out to ${target.region} and ${targetAp.region} at once and rolled both back.\n`,
    );
  } finally {
    await emulator.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nDEMO FAILED: ${(err as Error).message}\n`);
  process.exit(1);
});
