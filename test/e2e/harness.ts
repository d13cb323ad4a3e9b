/**
 * End-to-end harness: an in-process emulator, a throw-away file backend, stacks of the real project
 * (Pulumi.yaml at the root) and imported code under stacks/.test-<id>/ (git-ignored).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { emulatorControl, startEmulator, type OrgInfo, type RunningEmulator } from "@genesys-clone/emulator";
import { Journal } from "@genesys-clone/provider/dist/resources/journal";
import { COLLECTIONS, dumpOrg, type DumpedOrg } from "@genesys-clone/scripts/dist/lib/org-view";
import { fileBackendUrl, pulumiEnv, ROOT, runPulumi, type PulumiRun } from "@genesys-clone/scripts/dist/lib/pulumi-env";

export { ROOT };

export function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export class E2E {
  readonly id = randomBytes(4).toString("hex");
  readonly sourceDir = `.test-${this.id}`;
  readonly stacks: string[] = [];
  readonly extraDirs: string[] = [];
  private constructor(
    readonly emulator: RunningEmulator,
    readonly backend: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(seed: "sample" | "empty" = "sample"): Promise<E2E> {
    const emulator = await startEmulator({ seed });
    const backend = await fs.mkdtemp(path.join(os.tmpdir(), "genesys-clone-e2e-"));
    const env = pulumiEnv({
      ...process.env,
      PULUMI_BACKEND_URL: fileBackendUrl(backend),
      PULUMI_HOME: path.join(backend, ".home"),
    });
    return new E2E(emulator, backend, env);
  }

  /** An emulator seeded with the sample org, its source imported into stacks/.test-<id>. */
  static async imported(): Promise<E2E> {
    const e2e = await E2E.start("sample");
    const imported = await e2e.importSource();
    assert.equal(imported.code, 0, imported.stderr);
    return e2e;
  }

  /** The trunk credential values this run's stacks use (distinctive, so leaks are easy to find). */
  trunkSecret(trunk: string, part: string): string {
    return `${part}-${trunk}-${this.id}-Zq7`;
  }

  org(name: "source" | "target"): OrgInfo {
    return this.emulator.orgs.find((o) => o.name === name)!;
  }

  get outDir(): string {
    return path.join(ROOT, "stacks", this.sourceDir);
  }

  /** Runs `genesys-clone import` of the source org into stacks/.test-<id>. */
  async importSource(outDir = this.outDir, extraArgs: string[] = []) {
    const source = this.org("source");
    return runNode(
      [
        path.join(ROOT, "provider", "dist", "cli.js"),
        "import",
        "--region",
        source.region,
        "--out",
        outDir,
        "--api-base-url",
        source.apiBaseUrl,
        "--login-base-url",
        source.loginBaseUrl,
        "--client-id",
        source.clientId,
        ...extraArgs,
      ],
      { ...process.env, GENESYSCLOUD_OAUTHCLIENT_SECRET: source.clientSecret },
    );
  }

  /** `genesys-clone verify` of a stack's target org against the emulated source org. */
  verify(stack: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const source = this.org("source");
    return runNode(
      [path.join(ROOT, "provider", "dist", "cli.js"), "verify", "--source", "env:SOURCE", "--target", stack],
      {
        ...this.env,
        SOURCE_REGION: source.region,
        SOURCE_API_BASE_URL: source.apiBaseUrl,
        SOURCE_LOGIN_BASE_URL: source.loginBaseUrl,
        SOURCE_OAUTHCLIENT_ID: source.clientId,
        SOURCE_OAUTHCLIENT_SECRET: source.clientSecret,
      },
    );
  }

  /** Everything the CLI printed in this run: secret scans read it. */
  transcript = "";

  async pulumi(args: string[], input?: string): Promise<PulumiRun> {
    const res = await runPulumi([...args, "--non-interactive"], { env: this.env, input });
    this.transcript += res.stdout + res.stderr;
    return res;
  }

  /** Like `pulumi` but fails the test, with the CLI's output, when the command fails. */
  async ok(args: string[], input?: string): Promise<PulumiRun> {
    const res = await this.pulumi(args, input);
    assert.equal(res.code, 0, `pulumi ${args.join(" ")} failed:\n${res.stdout}\n${res.stderr}`);
    return res;
  }

  /**
   * A stack targeting the emulated target org. `config` overrides or removes (undefined) settings;
   * the secret goes through `config set --secret` unless `plaintextSecret`.
   */
  async stack(
    suffix: string,
    opts: { config?: Record<string, string | undefined>; secret?: string | null; plaintextSecret?: boolean } = {},
  ): Promise<string> {
    const name = `test-${this.id}-${suffix}`;
    const target = this.org("target");
    await this.ok(["stack", "init", name]);
    this.stacks.push(name);
    const config: Record<string, string | undefined> = {
      "genesys-clone:source": this.sourceDir,
      "genesys-clone:transforms": "stacks/sample/transforms.eu-west-1.yaml",
      "genesyscloud:region": target.region,
      "genesyscloud:apiBaseUrl": target.apiBaseUrl,
      "genesyscloud:loginBaseUrl": target.loginBaseUrl,
      "genesyscloud:oauthClientId": target.clientId,
      ...opts.config,
    };
    const pairs = Object.entries(config).flatMap(([key, value]) =>
      value === undefined ? [] : ["--plaintext", `${key}=${value}`],
    );
    await this.ok(["config", "set-all", "--stack", name, ...pairs]);
    // Trunk credentials of the sample's BYOC trunks: distinctive values the secret scans look for.
    for (const trunk of ["us-carrier-primary", "us-carrier-backup"]) {
      for (const part of ["username", "password"]) {
        await this.ok(
          ["config", "set", "--stack", name, "--secret", `genesys-clone:trunk.${trunk}.${part}`],
          this.trunkSecret(trunk, part),
        );
      }
    }
    const secret = opts.secret === undefined ? target.clientSecret : opts.secret;
    if (secret !== null) {
      await this.ok(
        [
          "config",
          "set",
          "--stack",
          name,
          ...(opts.plaintextSecret ? ["--plaintext"] : ["--secret"]),
          "genesyscloud:oauthClientSecret",
        ],
        secret,
      );
    }
    return name;
  }

  async state(org: "source" | "target"): Promise<DumpedOrg> {
    return dumpOrg(this.emulator.url, org);
  }

  /** Writes a hand-made source directory (stack code) under stacks/, removed by close(). */
  async writeSource(suffix: string, files: Record<string, string>): Promise<string> {
    const dir = `${this.sourceDir}-${suffix}`;
    await fs.mkdir(path.join(ROOT, "stacks", dir), { recursive: true });
    this.extraDirs.push(path.join(ROOT, "stacks", dir));
    for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(ROOT, "stacks", dir, name), text);
    return dir;
  }

  /** Calls the emulator's control API (reset, faults, org settings, ...); fails the test on an error. */
  async control(p: string, method = "GET", body?: unknown): Promise<unknown> {
    const reply = await emulatorControl(this.emulator).request(method, p, body);
    assert.equal(reply.status, 200, `${method} /__emulator${p}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** Fails the test when the target holds two live objects of one type with one name (flows: per flow type). */
  async noDuplicates(): Promise<void> {
    const target = await this.state("target");
    for (const kind of COLLECTIONS) {
      const live = (
        (target[kind] ?? []) as { name: string; state?: string; deleted?: boolean; type?: string }[]
      ).filter((o) => o.state !== "deleted" && !o.deleted);
      const names = live.map((o) => `${o.type ?? ""}/${o.name}`);
      assert.equal(new Set(names).size, names.length, `${kind} has duplicates: ${names.join(", ")}`);
    }
  }

  /** Calls the emulated org's API as its OAuth client (for changes "made in the UI"). */
  async api(orgName: "source" | "target", method: string, apiPath: string, body?: unknown): Promise<Response> {
    const org = this.org(orgName);
    const tokenRes = await fetch(`${org.loginBaseUrl}/oauth/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${org.clientId}:${org.clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    return fetch(`${org.apiBaseUrl}${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${access_token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Every file of the backend (state, history, backups) as text. */
  async backendText(): Promise<string> {
    const texts: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(p);
        else texts.push(await fs.readFile(p, "utf8"));
      }
    };
    await walk(this.backend);
    return texts.join("\n");
  }

  async close(): Promise<void> {
    for (const name of this.stacks) {
      await this.pulumi(["stack", "rm", name, "--force", "--yes"]);
      await fs.rm(Journal.of(ROOT, name).file, { force: true });
    }
    for (const dir of [this.outDir, ...this.extraDirs]) await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(this.backend, { recursive: true, force: true });
    await this.emulator.close();
  }
}

export { viewOf, differences, counts, COLLECTIONS } from "@genesys-clone/scripts/dist/lib/org-view";
export type { OrgView } from "@genesys-clone/scripts/dist/lib/org-view";
