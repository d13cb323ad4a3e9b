import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { E2E, ROOT, viewOf, differences } from "./harness";

/**
 * "Use it from your own project": the package packed into a tarball (`npm pack -w provider`), installed into a
 * directory outside the repository, `genesys-clone init` there, then import from the emulated source org,
 * preview, up, verify and destroy with the Pulumi CLI in that directory: nothing of the repository but the
 * tarball (the CLI is the one the tests use, found on the PATH like any `pulumi`). Installing needs the npm
 * registry or npm's cache for the package's dependencies, as any `npm install` does.
 */
let e2e: E2E;
let work: string;
let project: string;
let transcript = "";

function sh(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      transcript += stdout + stderr;
      resolve({ code: code ?? 1, stdout, stderr });
    });
    child.stdin.end(cmd === "pulumi" && args.includes("--secret") ? (env.SECRET_INPUT ?? "") : "");
  });
}

async function ok(cmd: string, args: string[], env: NodeJS.ProcessEnv = e2e.env, cwd = project) {
  const res = await sh(cmd, args, cwd, env);
  assert.equal(res.code, 0, `${cmd} ${args.join(" ")} failed:\n${res.stdout}\n${res.stderr}`);
  return res;
}

/** The test's environment without npm's own variables (the test runner may run under npm). */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(e2e.env).filter(([k]) => !k.startsWith("npm_") && k !== "INIT_CWD")),
    ...extra,
  };
}

before(async () => {
  e2e = await E2E.start("sample");
  work = mkdtempSync(path.join(os.tmpdir(), "genesys-clone-project-"));
  project = path.join(work, "acme-contact-centre");
  mkdirSync(project);
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await e2e.close();
});

test("own project: tarball installed outside the repository, init, import, preview, up, verify, destroy", async () => {
  assert.ok(path.relative(ROOT, project).startsWith(".."), "the project is outside the repository");
  const env = cleanEnv();

  // The tarball, and its installation into an empty directory.
  const packed = await ok("npm", ["pack", "-w", "provider", "--pack-destination", work], env, ROOT);
  const tarball = path.join(work, packed.stdout.trim().split("\n").pop()!);
  assert.match(path.basename(tarball), /^genesys-clone-provider-\d+\.\d+\.\d+\.tgz$/);
  await ok("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], env);
  const installed = path.join(project, "node_modules", "@genesys-clone", "provider");
  assert.ok(lstatSync(installed).isDirectory() && !lstatSync(installed).isSymbolicLink(), "a copy, not a link");
  for (const f of [
    "dist/cli.js",
    "dist/process.js",
    "dist/resources/routing-queue/provider.js",
    "bin/genesys-clone.js",
  ])
    assert.ok(existsSync(path.join(installed, f)), `the tarball holds ${f}`);

  // init writes the project and keeps the installed tarball as the dependency.
  const init = await ok("npx", ["genesys-clone", "init", "."], env);
  assert.match(init.stdout, /Wrote Pulumi\.yaml, index\.ts, tsconfig\.json, \.gitignore, README\.md in \./);
  const pkg = JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  assert.match(pkg.dependencies["@genesys-clone/provider"]!, /^file:.*genesys-clone-provider-.*\.tgz$/);
  assert.equal(pkg.dependencies["@pulumi/pulumi"], "3.248.0");
  assert.match(readFileSync(path.join(project, "Pulumi.yaml"), "utf8"), /^name: acme-contact-centre\n/);
  await ok("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], env);

  // Import from the emulated source org into stacks/us.
  const source = e2e.org("source");
  const target = e2e.org("target");
  await ok(
    "npx",
    [
      "genesys-clone",
      "import",
      "--region",
      source.region,
      "--out",
      "stacks/us",
      "--api-base-url",
      source.apiBaseUrl,
      "--login-base-url",
      source.loginBaseUrl,
      "--client-id",
      source.clientId,
    ],
    { ...env, GENESYSCLOUD_OAUTHCLIENT_SECRET: source.clientSecret },
  );
  assert.ok(existsSync(path.join(project, "stacks", "us", "index.ts")));

  // A stack for the target org, configured with the standard CLI; the demo's region transforms beside Pulumi.yaml.
  const stack = "eu-west-1";
  copyFileSync(
    path.join(ROOT, "stacks", "sample", "transforms.eu-west-1.yaml"),
    path.join(project, `transforms.${stack}.yaml`),
  );
  await ok("pulumi", ["stack", "init", stack, "--non-interactive"], env);
  for (const [key, value] of Object.entries({
    "genesys-clone:source": "us",
    "genesyscloud:region": target.region,
    "genesyscloud:apiBaseUrl": target.apiBaseUrl,
    "genesyscloud:loginBaseUrl": target.loginBaseUrl,
    "genesyscloud:oauthClientId": target.clientId,
  }))
    await ok("pulumi", ["config", "set", key, value, "--stack", stack], env);
  const secrets: Record<string, string> = { "genesyscloud:oauthClientSecret": target.clientSecret };
  for (const trunk of ["us-carrier-primary", "us-carrier-backup"])
    for (const part of ["username", "password"])
      secrets[`genesys-clone:trunk.${trunk}.${part}`] = e2e.trunkSecret(trunk, part);
  for (const [key, value] of Object.entries(secrets))
    await ok("pulumi", ["config", "set", "--secret", key, "--stack", stack], { ...env, SECRET_INPUT: value });

  const before = viewOf(await e2e.state("target"));
  await ok("pulumi", ["preview", "--stack", stack, "--non-interactive"], env);
  const up = await ok("pulumi", ["up", "--stack", stack, "--yes", "--non-interactive"], env);
  assert.match(up.stdout, /Resources:\s*\n\s*\+ \d+ created/);

  const verify = await sh("npx", ["genesys-clone", "verify", "--source", "env:SOURCE", "--target", stack], project, {
    ...env,
    SOURCE_REGION: source.region,
    SOURCE_API_BASE_URL: source.apiBaseUrl,
    SOURCE_LOGIN_BASE_URL: source.loginBaseUrl,
    SOURCE_OAUTHCLIENT_ID: source.clientId,
    SOURCE_OAUTHCLIENT_SECRET: source.clientSecret,
  });
  assert.equal(verify.code, 0, `verify:\n${verify.stdout}\n${verify.stderr}`);
  assert.ok(
    existsSync(path.join(project, ".genesys-clone", "journal", `${stack}.jsonl`)),
    "the journal is the project's",
  );

  await ok("pulumi", ["destroy", "--stack", stack, "--yes", "--non-interactive"], env);
  const afterView = viewOf(await e2e.state("target"));
  assert.deepEqual(afterView, before, differences(before, afterView).join("\n"));
  await ok("pulumi", ["stack", "rm", stack, "--yes", "--non-interactive"], env);

  for (const s of [target.clientSecret, ...Object.values(secrets)])
    assert.ok(!transcript.includes(s), "no secret in any output");
});
