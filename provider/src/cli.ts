#!/usr/bin/env node
import { Command, Option } from "commander";
import * as path from "path";
import { clientFor, GenesysError } from "./client";
import { resolveSettings } from "./config";
import { importOrg, TYPE_KEYS } from "./importer/import";
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { ClientSettings } from "./client";
import { loadTransforms, NO_TRANSFORMS } from "./program/transforms";
import { htmlReport, markdownReport, verifyOrgs } from "./verify/verify";
import { htmlRehearsal, markdownRehearsal } from "./rehearse/report";
import { initProject, PACKAGE_NAME } from "./project/init";
import { parseRolloutArgs } from "./rollout/progress";

/** Per-object progress: a line rewritten in place on a terminal, every 10% otherwise. */
function progressLine(out: NodeJS.WriteStream) {
  return (title: string, done: number, total: number) => {
    if (out.isTTY) {
      out.write(`\r  ${title}: ${done}/${total}${done === total ? "\x1b[K\r" : ""}`);
    } else if (total >= 20 && done < total && done % Math.ceil(total / 10) === 0) {
      out.write(`  ${title}: ${done}/${total}\n`);
    }
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const program = new Command();
program.name("genesys-clone").description("Clone Genesys Cloud configuration between orgs and regions with Pulumi");

program
  .command("import")
  .description("read a source org and write Pulumi stack code (TypeScript) for it")
  .requiredOption("--out <dir>", "directory to write, e.g. stacks/us-east-1")
  .option("--region <region>", "source org region, e.g. us-east-1 (default: GENESYSCLOUD_REGION)")
  .option("--client-id <id>", "OAuth client id (default: GENESYSCLOUD_OAUTHCLIENT_ID)")
  .option(
    "--api-base-url <url>",
    "API base URL override, for a gateway or the emulator (default: GENESYSCLOUD_API_BASE_URL)",
  )
  .option("--login-base-url <url>", "login base URL override (default: GENESYSCLOUD_LOGIN_BASE_URL)")
  .option(
    "--include <rule>",
    `import only matching objects; repeatable. <type>:<glob>, <type> or <glob>; types: ${TYPE_KEYS.join(", ")}`,
    collect,
    [],
  )
  .option(
    "--exclude <rule>",
    "leave matching objects out (same forms as --include); repeatable, wins over --include",
    collect,
    [],
  )
  .addOption(
    new Option(
      "--members <mode>",
      "queue members and member groups: include (users by email, groups by name; each must exist in the target) or skip",
    )
      .choices(["include", "skip"])
      .default("include"),
  )
  .option("--with-rows", "also import data tables' rows (rows are often data, not configuration)")
  .addHelpText(
    "after",
    "\nThe client secret is read from GENESYSCLOUD_OAUTHCLIENT_SECRET only, so it never shows in the process list.",
  )
  .action(
    async (opts: {
      out: string;
      region?: string;
      clientId?: string;
      apiBaseUrl?: string;
      loginBaseUrl?: string;
      include: string[];
      exclude: string[];
      members: "include" | "skip";
      withRows?: boolean;
    }) => {
      const flags: Record<string, string | undefined> = {
        "genesyscloud:region": opts.region,
        "genesyscloud:oauthClientId": opts.clientId,
        "genesyscloud:apiBaseUrl": opts.apiBaseUrl,
        "genesyscloud:loginBaseUrl": opts.loginBaseUrl,
      };
      const settings = resolveSettings((key) => flags[key]);
      const client = clientFor(settings);
      const outDir = path.resolve(opts.out);
      const region = settings.region ?? "custom endpoint";
      process.stderr.write(
        `Importing from ${client.endpoints.apiBaseUrl} into ${path.relative(process.cwd(), outDir) || "."}\n`,
      );
      const result = await importOrg(client, {
        outDir,
        region,
        include: opts.include,
        // Users and groups are provisioned per org: a target whose directory differs clones its queues without members.
        exclude: opts.members === "skip" ? [...opts.exclude, "queuemembers"] : opts.exclude,
        withRows: opts.withRows === true,
        log: (l) => process.stderr.write(l + "\n"),
        progress: progressLine(process.stderr),
      });
      process.stderr.write(`Wrote ${result.files.length} files to ${outDir}\n`);
      if (result.lookups.length) {
        process.stderr.write(
          `Referenced but not imported (looked up by name in the target org at deploy time; see lookups.ts):\n`,
        );
        for (const l of result.lookups) process.stderr.write(`  ${l.type}: ${l.name}\n`);
      }
      for (const s of result.skipped) process.stderr.write(`Skipped ${s.type}: ${s.reason}\n`);
      for (const o of result.leftOut) process.stderr.write(`Left out ${o.type} '${o.name}': ${o.reason}\n`);
      // Incomplete, though written: a failed export says so in the exit code (2), after everything else was imported.
      if (result.leftOut.some((o) => o.failed)) {
        process.stderr.write(
          "Some objects could not be read (see above): the code was written without them; import again to retry.\n",
        );
        process.exitCode = 2;
      }
      if (result.secretConfig.length) {
        process.stderr.write(
          "Trunk credentials are never exported. Set them for each target stack (each command prompts for the value, or reads it from stdin):\n",
        );
        for (const key of result.secretConfig)
          process.stderr.write(`  npm run -s pulumi -- config set --secret ${key} --stack <stack>\n`);
      }
    },
  );

/** The one environment setting verify honours for any org: the Redis URL of a budget shared with deployers. */
function sharedBudgetEnv(): NodeJS.ProcessEnv {
  return { GENESYSCLOUD_RATE_LIMIT_REDIS_URL: process.env.GENESYSCLOUD_RATE_LIMIT_REDIS_URL };
}

/** A stack's config as `pulumi config --json --show-secrets` prints it (the CLI found on PATH). */
function stackConfig(stack: string): Record<string, { value?: string }> {
  const res = spawnSync("pulumi", ["config", "--json", "--show-secrets", "--stack", stack], { encoding: "utf8" });
  if (res.status !== 0)
    throw new Error(
      `cannot read the config of stack '${stack}': ${(res.stderr || String(res.error)).trim().split("\n")[0]}`,
    );
  return JSON.parse(res.stdout) as Record<string, { value?: string }>;
}

/** Writes a report in the format its file name says: .html (self-contained page), .json, else Markdown. */
async function writeReport(
  file: string,
  forms: { markdown: string; json: unknown; html: () => Promise<string> },
): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  const text =
    ext === ".html" || ext === ".htm"
      ? await forms.html()
      : ext === ".json"
        ? JSON.stringify(forms.json, null, 2) + "\n"
        : forms.markdown;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}

/**
 * An org to verify: `env:PREFIX` reads PREFIX_REGION, PREFIX_OAUTHCLIENT_ID, PREFIX_OAUTHCLIENT_SECRET
 * (+ _API_BASE_URL, _LOGIN_BASE_URL), e.g. env:GENESYSCLOUD; anything else is a Pulumi stack whose
 * config is read with `pulumi config --show-secrets` (run through `npm run clone` so the CLI is found), with
 * the provider's GENESYSCLOUD_* environment variables as its fallback, as in `pulumi up`.
 */
function orgFrom(spec: string): { settings: ClientSettings; transforms?: string } {
  if (spec.startsWith("env:")) {
    const p = spec.slice(4);
    const env: Record<string, string | undefined> = {
      "genesyscloud:region": process.env[`${p}_REGION`],
      "genesyscloud:oauthClientId": process.env[`${p}_OAUTHCLIENT_ID`],
      "genesyscloud:oauthClientSecret": process.env[`${p}_OAUTHCLIENT_SECRET`],
      "genesyscloud:apiBaseUrl": process.env[`${p}_API_BASE_URL`],
      "genesyscloud:loginBaseUrl": process.env[`${p}_LOGIN_BASE_URL`],
    };
    return { settings: resolveSettings((k) => env[k], sharedBudgetEnv()) };
  }
  const config = stackConfig(spec);
  return {
    // As the deployment reads it: the stack's config, falling back to the GENESYSCLOUD_* environment.
    settings: resolveSettings((k) => config[k]?.value),
    // As the deployment finds it: the configured file, else transforms.<stack>.yaml beside Pulumi.yaml.
    transforms:
      config["genesys-clone:transforms"]?.value ??
      (existsSync(`transforms.${spec}.yaml`) ? `transforms.${spec}.yaml` : undefined),
  };
}

program
  .command("verify")
  .description("compare a source and a target org by name, field by field, for every supported type")
  .requiredOption("--source <org>", "env:PREFIX (credentials from PREFIX_* variables) or a Pulumi stack name")
  .requiredOption("--target <org>", "env:PREFIX or a Pulumi stack name (its genesys-clone:transforms applies)")
  .option("--transforms <file>", "region transforms to apply to the source (default: the target stack's)")
  .option("--json", "print the report as JSON")
  .option("--report <file>", "also write the report: .html (a page with the dependency graph), .json, else Markdown")
  .option("--with-rows", "also compare data tables' rows")
  .action(
    async (opts: {
      source: string;
      target: string;
      transforms?: string;
      json?: boolean;
      report?: string;
      withRows?: boolean;
    }) => {
      const source = orgFrom(opts.source);
      const target = orgFrom(opts.target);
      const file = opts.transforms ?? target.transforms;
      const transforms = file ? loadTransforms(path.resolve(file)) : NO_TRANSFORMS;
      const report = await verifyOrgs(clientFor(source.settings), clientFor(target.settings), transforms, undefined, {
        withRows: opts.withRows === true,
      });
      const markdown = markdownReport(report, `Parity of ${opts.target} with ${opts.source}`);
      const title = `Parity of ${opts.target} with ${opts.source}`;
      if (opts.report)
        await writeReport(opts.report, { markdown, json: report, html: () => htmlReport(report, title) });
      process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + "\n" : markdown);
      process.exitCode = report.equal ? 0 : 1;
    },
  );

program
  .command("rehearse")
  .description(
    "deploy a stack to a private copy of its target org (read, never written) and report what `up` would do there",
  )
  .requiredOption("--stack <stack>", "the Pulumi stack to rehearse (its config, secrets, transforms and state)")
  .option("--json", "print the report as JSON")
  .option("--report <file>", "also write the report: .html (a page with the dependency graph), .json, else Markdown")
  .action(async (opts: { stack: string; json?: boolean; report?: string }) => {
    const config = stackConfig(opts.stack);
    const settings = resolveSettings((k) => config[k]?.value);
    const { projectDirOf, rehearse } = await loadRehearse();
    const report = await rehearse({
      stack: opts.stack,
      settings,
      projectDir: projectDirOf(process.cwd()),
      log: (l) => process.stderr.write(l + "\n"),
    });
    const markdown = markdownRehearsal(report);
    if (opts.report) await writeReport(opts.report, { markdown, json: report, html: () => htmlRehearsal(report) });
    process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + "\n" : markdown);
    process.exitCode = report.ok ? 0 : 1;
  });

/**
 * The rehearsal runs the emulator package (@genesys-clone/emulator) in this process. In this repository it is a
 * workspace; a project that installed only the provider's tarball gets one message naming what to install. Loaded
 * only by this command, so the others start without it.
 */
async function loadRehearse(): Promise<typeof import("./rehearse/rehearse")> {
  try {
    return await import("./rehearse/rehearse");
  } catch (err) {
    if ((err as { code?: string }).code === "MODULE_NOT_FOUND" && String(err).includes("@genesys-clone/emulator"))
      throw new Error(
        "rehearse needs the emulator package beside this one: in the genesys-clone repository run " +
          "`npm pack -w emulator`, then `npm install <path to genesys-clone-emulator-0.1.0.tgz>` in this project.",
        { cause: err },
      );
    throw err;
  }
}

/** This package's own version (init writes it when no tarball is given). */
function ownVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

program
  .command("init")
  .description("write a Pulumi project that deploys imported code with this package, in a directory of your own")
  .argument("<dir>", "the project directory (created when missing)")
  .option("--name <name>", "Pulumi project name (default: from the directory's name)")
  .option(
    "--package <spec>",
    "how package.json depends on @genesys-clone/provider when it does not yet: a tarball from `npm pack -w provider`, or a version",
  )
  .action((dir: string, opts: { name?: string; package?: string }) => {
    const result = initProject(dir, { name: opts.name, packageSpec: opts.package ?? `^${ownVersion()}` });
    const where = path.relative(process.cwd(), path.resolve(dir)) || ".";
    process.stdout.write(
      `Wrote ${result.written.join(", ")} in ${where}` +
        (result.kept.length ? ` (kept and merged: ${result.kept.join(", ")})` : "") +
        `\n${PACKAGE_NAME}: ${result.dependency}\n` +
        `Next: cd ${where} && npm install, then import into stacks/<name> and create a stack per target org (see README.md).\n`,
    );
  });

program
  .command("rollout")
  .description("run preview, up or destroy on several stacks at once, one live line per region, then a summary")
  .argument("<action>", "preview, up or destroy")
  .requiredOption("--stacks <names>", "stacks separated by commas, e.g. eu-west-1,ap-southeast-2")
  .option("--max-parallel <n>", "how many stacks run at once (default: all)")
  .option("--cwd <dir>", "the Pulumi project directory (default: the current directory)")
  .addHelpText(
    "after",
    "\nEach stack runs as its own `pulumi` process (the CLI on the PATH) against its own org; a failed stack does not stop the others. " +
      "Each stack's full output goes to .genesys-clone/rollout/<stack>.log. Exit code 1 when any stack failed.",
  )
  .action(async (action: string, opts: { stacks: string; maxParallel?: string; cwd?: string }) => {
    const args = parseRolloutArgs(opts.stacks, action, opts.maxParallel);
    const workDir = path.resolve(opts.cwd ?? ".");
    if (!existsSync(path.join(workDir, "Pulumi.yaml")))
      throw new Error(`${workDir} holds no Pulumi.yaml: run rollout in the project directory, or pass --cwd.`);
    // Loaded here: the Automation API is only needed by this command.
    const { rollout } = await import("./rollout/run");
    const regions = await rollout({ ...args, workDir, out: process.stdout });
    process.exitCode = regions.every((p) => p.phase === "done") ? 0 : 1;
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof GenesysError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`genesys-clone: error: ${message}\n`);
  process.exit(1);
});
