import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { E2E, ROOT } from "./harness";
import { filesUnder, findSecrets } from "./secret-scan";

/**
 * The README's "Using it with a real org" block, run as written: line by line with bash, without a terminal
 * (stdin is /dev/null), in a copy of the project (its own Pulumi.<stack>.yaml, stacks/ and journal; the
 * installed node_modules), against the emulator. The only additions are the emulator's endpoints, through the
 * environment variables a gateway would use: GENESYSCLOUD_API_BASE_URL/_LOGIN_BASE_URL of the org a line talks
 * to, and SOURCE_API_BASE_URL/_LOGIN_BASE_URL for verify's source. The target org lacks the source's named
 * divisions (the stack must create them), the registry is unreachable (npx must run this project), and no
 * secret may show in any output.
 */
let e2e: E2E;
let project: string;

function readmeBlock(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Using it with a real org"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .replace(/\\\n\s*/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

function bash(line: string, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", line], { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

before(async () => {
  e2e = await E2E.start("sample");
  // A target without the source's named divisions (the seed gives it the same names).
  for (const d of (await e2e.state("target")).divisions as { id: string; name: string }[]) {
    if (d.name === "Home") continue;
    const res = await e2e.api("target", "DELETE", `/api/v2/authorization/divisions/${d.id}`);
    assert.equal(res.status, 204, `delete division ${d.name}`);
  }
  // BYOC trunks need per-region sites and credentials (see Trunks): this first clone has none.
  for (const t of (await e2e.state("source")).trunkbasesettings as { id: string }[]) {
    const res = await e2e.api("source", "DELETE", `/api/v2/telephony/providers/edges/trunkbasesettings/${t.id}`);
    assert.ok(res.status < 300, `delete trunk base ${t.id}`);
  }
  // So do queues' callback sites and edge groups and their outbound email domains (see transforms): none here either.
  for (const q of (await e2e.state("source")).queues as Record<string, unknown>[]) {
    const callback = (q.mediaSettings as { callback?: Record<string, unknown> } | undefined)?.callback;
    if (!callback?.site && !callback?.edgeGroup && !q.outboundEmailAddress) continue;
    const { site: _site, edgeGroup: _group, ...rest } = callback ?? {};
    const { outboundEmailAddress: _address, wrapupCodes: _codes, ...queue } = q;
    const body = { ...queue, mediaSettings: { ...(q.mediaSettings as object), callback: rest } };
    const res = await e2e.api("source", "PUT", `/api/v2/routing/queues/${String(q.id)}`, body);
    assert.equal(res.status, 200, `strip per-region references of queue ${String(q.name)}`);
  }
  // IVRs' DIDs need a number of the target for each (the transforms file's dids:): none here either, and the
  // emergency groups apply to no IVR.
  for (const g of (await e2e.state("source")).emergencygroups as Record<string, unknown>[]) {
    const flows = ((g.emergencyCallFlows ?? []) as { emergencyFlow: { id: string } }[]).map((c) => ({
      emergencyFlow: { id: c.emergencyFlow.id },
      ivrs: [],
    }));
    const { id, name, version, division, description, enabled } = g;
    const body = { name, version, division, description, enabled, emergencyCallFlows: flows };
    const res = await e2e.api("source", "PUT", `/api/v2/architect/emergencygroups/${String(id)}`, body);
    assert.equal(res.status, 200, `unlink IVRs from emergency group ${String(name)}`);
  }
  for (const x of (await e2e.state("source")).ivrs as { id: string; state: string }[]) {
    if (x.state === "deleted") continue;
    const res = await e2e.api("source", "DELETE", `/api/v2/architect/ivrs/${x.id}`);
    assert.equal(res.status, 204, `delete IVR ${x.id}`);
  }
  // A copy of the project as git has it, plus the build, sharing the installed packages.
  project = mkdtempSync(path.join(os.tmpdir(), "genesys-clone-readme-"));
  const tracked = spawnSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" })
    .stdout.split("\0")
    .filter(Boolean);
  for (const f of tracked) cpSync(path.join(ROOT, f), path.join(project, f), { recursive: true });
  for (const built of ["scripts/dist", "provider/dist"])
    cpSync(path.join(ROOT, built), path.join(project, built), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
});
after(async () => {
  rmSync(project, { recursive: true, force: true });
  await e2e.close();
});

test("README: the real-org commands run as written, without a terminal, into a target lacking the divisions", async () => {
  const source = e2e.org("source");
  const target = e2e.org("target");
  const base: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(e2e.env).filter(([k]) => !k.startsWith("npm_") && k !== "INIT_CWD"),
  );
  const env = (org: typeof source, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...base,
    npm_config_registry: "http://127.0.0.1:9/", // nothing may come from a registry
    SOURCE_CLIENT_ID: source.clientId,
    SOURCE_CLIENT_SECRET: source.clientSecret,
    TARGET_CLIENT_ID: target.clientId,
    TARGET_CLIENT_SECRET: target.clientSecret,
    GENESYSCLOUD_API_BASE_URL: org.apiBaseUrl,
    GENESYSCLOUD_LOGIN_BASE_URL: org.loginBaseUrl,
    ...extra,
  });
  const lines = readmeBlock();
  assert.ok(
    lines.some((l) => l.includes("genesys-clone import")) &&
      lines.some((l) => l.includes(" up ")) &&
      lines.some((l) => l.includes("verify")),
    lines.join("\n"),
  );
  let transcript = "";
  for (const line of lines) {
    const lineEnv = line.includes("genesys-clone import")
      ? env(source)
      : env(
          target,
          line.includes("verify")
            ? { SOURCE_API_BASE_URL: source.apiBaseUrl, SOURCE_LOGIN_BASE_URL: source.loginBaseUrl }
            : {},
        );
    const res = await bash(line, lineEnv);
    transcript += `$ ${line}\n${res.out}\n`;
    assert.equal(res.code, 0, `${line}\n${res.out}`);
  }
  // The stack created the divisions it declares, and verify (the last line) found the orgs equal.
  const divisions = ((await e2e.state("target")).divisions as { name: string; state?: string }[])
    .map((d) => d.name)
    .sort();
  assert.deepEqual(divisions, ["Billing", "Customer Care", "Home", "Sales"]);
  assert.match(transcript, /Result: the target matches the source/);

  const leaks = findSecrets(
    [
      { where: "the commands' output", text: transcript },
      { where: "the state backend", text: await e2e.backendText() },
      ...(await filesUnder(project)).filter((f) => !f.where.startsWith("node_modules")),
    ],
    [
      { name: "source client secret", value: source.clientSecret },
      { name: "target client secret", value: target.clientSecret },
    ],
  );
  assert.deepEqual(leaks, []);

  const destroyed = await bash("npm run -s pulumi -- destroy --stack eu-west-1 --yes", env(target));
  assert.equal(destroyed.code, 0, destroyed.out);
  await bash("npm run -s pulumi -- stack rm eu-west-1 --yes", env(target));
});
