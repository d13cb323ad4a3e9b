// `npm run bench -- [--objects N] [--rate PER_MIN] [--tokens K] [--latency MS] [--window S] [--picture FILE] [--json]`
// `npm run bench -- --sweep [--sizes 100,1000,10000] [--sweep-tokens 1,4] [--sweep-windows 1,60]`: one run per
// size, token count and rate window, one table.
// Builds a synthetic org of N objects on the emulator and measures, in one run: import (under the same rate
// limit as the target, as against a real org), `pulumi up` into an empty org, a no-change preview, refresh,
// destroy, and a naive baseline deploying the same objects by direct API calls (50 workers, exponential backoff
// 2-30 s ignoring Retry-After, five attempts, one token) under the same limits. Figures are ratios against the
// rate-limit bound; the picture of `up` (calls per second against the bound, requests in flight) goes to an SVG.
import { spawn, execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import {
  buildSyntheticOrg,
  clientCredentialsToken,
  emulatorControl,
  plannedCounts,
  startEmulator,
  syntheticOrgPlan,
  syntheticSeed,
  syntheticShares,
  targetDid,
  type OrgInfo,
  type PlanApi,
  type RunningEmulator,
} from "@genesys-clone/emulator";
import { Journal } from "@genesys-clone/provider/dist/resources/journal";
import { seriesOf, svgOf, type Series } from "./lib/bench-picture";
import { benchTransforms, callsPerObject, rateBound, typeOfRoute } from "./lib/bench-types";
import { fileBackendUrl, pulumiEnv, ROOT, runPulumi } from "./lib/pulumi-env";

interface Options {
  objects: number;
  rate: number;
  tokens: number;
  latency: number;
  window: number;
  baseline: boolean;
  picture: string;
  json?: boolean;
  sweep?: boolean;
  sizes: string;
  sweepTokens: string;
  sweepWindows: string;
}

interface Phase {
  seconds: number;
  calls: Record<string, number>;
  /** Calls per object type (skills, queues, flows, ..., oauth). */
  calls_by_type: Record<string, number>;
  /** Calls per route (`POST /api/v2/routing/queues/{queueId}/wrapupcodes`): what each type's calls are. */
  calls_by_route: Record<string, number>;
  total: number;
  rateLimited: number;
  failed: number;
  /** From the phase's start to its first API call (process start-up, program, plugin load). */
  first_call_after_seconds?: number;
  /** From the phase's start to its first change (create, update or delete): when the deployment's own work began. */
  first_change_after_seconds?: number;
  /** From the first API call to the last one. */
  api_span_seconds?: number;
  /** Calls answered per second, 429s and requests in flight over the phase (import and up only). */
  series?: Series;
}

type Stats = {
  total: number;
  requests: Record<string, number>;
  rateLimited: number;
  firstAt?: number;
  lastAt?: number;
  firstChangeAt?: number;
};

async function stats(emu: RunningEmulator, org: string): Promise<Stats> {
  return emulatorControl(emu).stats(org);
}

/** Request counts (keyed `METHOD /path/template`) summed by `keyOf` of the route, keys sorted. */
function countBy(s: Stats, keyOf: (route: string) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(s.requests)) out[keyOf(route)] = (out[keyOf(route)] ?? 0) + n;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The naive deployer: a fixed pool of 50 workers, backoff 2-30 s that ignores Retry-After, five attempts, one
 * token. It deploys the same plan the synthetic org was built from, step by step as the builder does (flows through
 * Architect jobs, prompt audio, queue codes and members), so it makes the same objects; an object whose step fails
 * after five attempts is counted failed and its later steps skipped.
 */
async function baseline(target: OrgInfo, n: number): Promise<{ seconds: number; failed: number; errors: string[] }> {
  const t = await clientCredentialsToken(target);
  const ids = new Map<string, string>();
  let failed = 0;
  const errors: string[] = [];
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const attempt = async (send: () => Promise<Response>, what: string): Promise<Response> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const res = await send();
        if (res.status >= 200 && res.status < 300) return res;
        if (res.status !== 429 && res.status < 500) throw new Error(`${what}: HTTP ${res.status}`);
      } catch (err) {
        if ((err as Error).message.startsWith(what)) throw err;
      }
      await sleep(Math.min(30_000, 2000 * 2 ** attempt));
    }
    throw new Error(`${what}: gave up`);
  };
  const auth = { Authorization: `Bearer ${t}` };
  const api: PlanApi = {
    async call(method, p, body) {
      const res = await attempt(
        () =>
          fetch(target.apiBaseUrl + p, {
            method,
            headers: body === undefined ? auth : { ...auth, "Content-Type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        `${method} ${p}`,
      );
      const text = await res.text();
      return text === "" ? undefined : (JSON.parse(text) as unknown);
    },
    async transfer(method, url, body, headers, bearer) {
      await attempt(() => fetch(url, { method, headers: bearer ? { ...headers, ...auth } : headers, body }), method);
    },
    sleep,
  };
  const start = Date.now();
  for (const wave of syntheticOrgPlan(n, { mapDid: targetDid })) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < wave.length) {
          const p = wave[next++]!;
          try {
            ids.set(p.key, await p.create(api, ids));
          } catch (err) {
            failed++;
            errors.push(`${p.key}: ${(err as Error).message}`);
          }
        }
      }),
    );
  }
  return { seconds: (Date.now() - start) / 1000, failed, errors };
}

/** Peak RSS (MB) of the dynamic-provider processes while `work` runs. */
async function peakProviderRss<T>(work: Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const out = execFileSync("ps", ["-eo", "rss=,args="], { encoding: "utf8" });
      for (const line of out.split("\n"))
        if (line.includes("dynamic-provider")) peak = Math.max(peak, Number(line.trim().split(/\s+/)[0]) / 1024);
    } catch {
      /* ps unavailable: no figure */
    }
  }, 250);
  try {
    return { result: await work, peakMb: Math.round(peak) };
  } finally {
    clearInterval(timer);
  }
}

function parseOptions(): Options {
  return new Command()
    .option("--objects <n>", "objects in the synthetic org", (v) => Number(v), 500)
    .option("--rate <perMin>", "requests per minute per token", (v) => Number(v), 1200)
    .option("--tokens <k>", "token pool size", (v) => Number(v), 1)
    .option("--latency <ms>", "added latency per API response", (v) => Number(v), 40)
    .option(
      "--window <seconds>",
      "emulator rate window (1 = a sustained rate, 60 = the real API's minute)",
      (v) => Number(v),
      1,
    )
    .option("--no-baseline", "skip the baseline (quicker experiments; no baseline_ratio)")
    .option(
      "--picture <file>",
      "SVG of up: calls per second against the bound, in flight",
      ".genesys-clone/bench-up.svg",
    )
    .option("--json", "print one JSON object")
    .option("--sweep", "run every --sizes with every --sweep-tokens and --sweep-windows; print one table")
    .option("--sizes <list>", "object counts of --sweep", "100,1000,10000")
    .option("--sweep-tokens <list>", "token pool sizes of --sweep", "1,4")
    .option("--sweep-windows <list>", "rate windows (seconds) of --sweep", "1")
    .parse(process.argv)
    .opts<Options>();
}

type Result = Awaited<ReturnType<typeof runOnce>>;

async function runOnce(opts: Options) {
  const log = (s: string) => (opts.json ? process.stderr : process.stdout).write(s + "\n");

  const emu = await startEmulator({ seedData: syntheticSeed(), rateLimitPerMinute: opts.rate });
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "genesys-bench-"));
  const sourceDir = `.bench-${path.basename(work)}`;
  const stack = `bench-${path.basename(work).slice(-6).toLowerCase()}`;
  const env = pulumiEnv({
    ...process.env,
    PULUMI_BACKEND_URL: fileBackendUrl(work),
    PULUMI_HOME: path.join(work, ".home"),
  });
  const phases: Record<string, Phase> = {};
  try {
    const source = emu.orgs.find((o) => o.name === "source")!;
    const target = emu.orgs.find((o) => o.name === "target")!;
    log(`building a synthetic org of ${opts.objects} objects`);
    await buildSyntheticOrg(emu, source, opts.objects);
    const shares = syntheticShares(opts.objects);
    const objectsByType = plannedCounts(syntheticOrgPlan(opts.objects));
    await emulatorControl(emu).setFaults([{ latencyMs: opts.latency }]);
    // Both orgs get the same limits: import reads a real org under the same 300/min (or raised) budget as up.
    for (const org of ["source", "target"])
      await emulatorControl(emu).updateSettings(org, {
        rateLimitPerMinute: opts.rate,
        rateWindowSeconds: opts.window,
      });

    const measure = async (
      name: string,
      org: string,
      run: () => Promise<{ code: number; failed?: number }>,
      picture = false,
    ) => {
      await emulatorControl(emu).clearStats();
      const start = Date.now();
      const res = await run();
      const s = await stats(emu, org);
      const series = picture ? seriesOf(await emulatorControl(emu).timeline(org), start) : undefined;
      const secs = (ms: number) => Number((ms / 1000).toFixed(2));
      phases[name] = {
        seconds: (Date.now() - start) / 1000,
        calls: countBy(s, (route) => route.split(" ")[0]!),
        calls_by_type: countBy(s, typeOfRoute),
        calls_by_route: countBy(s, (route) => route),
        total: s.total,
        rateLimited: s.rateLimited,
        failed: res.failed ?? (res.code === 0 ? 0 : -1),
        ...(s.firstAt !== undefined && s.lastAt !== undefined
          ? { first_call_after_seconds: secs(s.firstAt - start), api_span_seconds: secs(s.lastAt - s.firstAt) }
          : {}),
        ...(s.firstChangeAt !== undefined ? { first_change_after_seconds: secs(s.firstChangeAt - start) } : {}),
        ...(series ? { series } : {}),
      };
      const ph = phases[name]!;
      log(
        `${name}: ${ph.seconds.toFixed(1)} s (first call after ${ph.first_call_after_seconds ?? "-"} s, first change after ${ph.first_change_after_seconds ?? "-"} s, API span ${ph.api_span_seconds ?? "-"} s), ${s.total} calls, ${s.rateLimited} x 429${res.code !== 0 ? " (FAILED)" : ""}`,
      );
      log(
        `  by type: ${Object.entries(ph.calls_by_type)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}`,
      );
    };

    const outDir = path.join(ROOT, "stacks", sourceDir);
    await measure(
      "import",
      "source",
      () =>
        new Promise((resolve) => {
          const child = spawn(
            process.execPath,
            [
              path.join(ROOT, "provider", "dist", "cli.js"),
              "import",
              "--out",
              outDir,
              "--api-base-url",
              source.apiBaseUrl,
              "--login-base-url",
              source.loginBaseUrl,
              "--client-id",
              source.clientId,
            ],
            {
              env: {
                ...process.env,
                GENESYSCLOUD_OAUTHCLIENT_SECRET: source.clientSecret,
                GENESYSCLOUD_RATE_LIMIT_PER_MINUTE: String(opts.rate),
              },
              stdio: "ignore",
            },
          );
          child.on("close", (code) => resolve({ code: code ?? 1 }));
        }),
      true,
    );
    const pulumi = (args: string[], input?: string) => runPulumi([...args, "--non-interactive"], { env, input });
    // The target's own site and numbers (the transforms file), and each imported trunk's digest credentials.
    await fs.writeFile(path.join(outDir, "transforms.bench.yaml"), benchTransforms(shares.ivrs!));
    const trunkCode = await fs.readFile(path.join(outDir, "telephony-trunks.ts"), "utf8").catch(() => "");
    const trunkKeys = [...trunkCode.matchAll(/gc\.trunkCredentials\("([^"]+)"\)/g)].map((m) => m[1]!);
    await pulumi(["stack", "init", stack]);
    await pulumi([
      "config",
      "set-all",
      "--stack",
      stack,
      "--plaintext",
      `genesys-clone:source=${sourceDir}`,
      "--plaintext",
      `genesyscloud:apiBaseUrl=${target.apiBaseUrl}`,
      "--plaintext",
      `genesyscloud:loginBaseUrl=${target.loginBaseUrl}`,
      "--plaintext",
      `genesyscloud:oauthClientId=${target.clientId}`,
      "--plaintext",
      `genesyscloud:rateLimitPerMinute=${opts.rate}`,
      "--plaintext",
      `genesyscloud:tokenPoolSize=${opts.tokens}`,
      "--plaintext",
      `genesys-clone:transforms=stacks/${sourceDir}/transforms.bench.yaml`,
      ...trunkKeys.flatMap((k) => [
        "--secret",
        `genesys-clone:trunk.${k}.username=bench-${k}`,
        "--secret",
        `genesys-clone:trunk.${k}.password=bench-secret-${k}`,
      ]),
    ]);
    await pulumi(
      ["config", "set", "--stack", stack, "--secret", "genesyscloud:oauthClientSecret"],
      target.clientSecret,
    );

    let peakMb = 0;
    await measure(
      "up",
      "target",
      async () => {
        const { result, peakMb: p } = await peakProviderRss(
          pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]),
        );
        peakMb = p;
        if (result.code !== 0)
          log(
            result.stdout
              .split("\n")
              .filter((l) => /error/i.test(l))
              .slice(0, 5)
              .join("\n"),
          );
        const failed = (result.stdout.match(/\*\*creating failed\*\*|failed/g) ?? []).length;
        return { code: result.code, failed: result.code === 0 ? 0 : failed };
      },
      true,
    );
    await measure("preview_no_change", "target", () => pulumi(["preview", "--stack", stack, "--expect-no-changes"]));
    await measure("refresh", "target", () => pulumi(["refresh", "--stack", stack, "--yes", "--skip-preview"]));
    await measure("destroy", "target", () => pulumi(["destroy", "--stack", stack, "--yes", "--skip-preview"]));
    // The baseline deploys the same objects into the (now empty again) target under the same limits.
    if (opts.baseline) {
      await emulatorControl(emu).revokeTokens("target");
      await measure("baseline", "target", async () => {
        const b = await baseline(target, opts.objects);
        for (const e of b.errors.slice(0, 5)) log(`  baseline failed: ${e}`);
        return { code: 0, failed: b.failed };
      });
    }

    const up = phases.up!;
    const bound = rateBound(up, opts.rate, opts.tokens, opts.window);
    // The import runs on one token, under the same per-token limit.
    const importBound = rateBound(phases.import!, opts.rate, 1, opts.window);
    const result = {
      objects: opts.objects,
      rate_per_minute: opts.rate,
      tokens: opts.tokens,
      latency_ms: opts.latency,
      rate_window_seconds: opts.window,
      phases,
      bound_seconds: Number(bound.toFixed(2)),
      /** The bound over the phase's time; null when every call fits in the first window (no rate bound applies). */
      efficiency: bound > 0 ? Number((bound / up.seconds).toFixed(3)) : null,
      import_bound_seconds: Number(importBound.toFixed(2)),
      import_efficiency: importBound > 0 ? Number((importBound / phases.import!.seconds).toFixed(3)) : null,
      rate_limited_share_of_up: Number((up.rateLimited / Math.max(1, up.total)).toFixed(4)),
      baseline_ratio: phases.baseline ? Number((phases.baseline.seconds / up.seconds).toFixed(2)) : null,
      baseline_failed_objects: phases.baseline?.failed ?? null,
      /** The baseline's own efficiency: the bound of its answered (non-429) calls over its time. */
      baseline_efficiency: phases.baseline
        ? Number(
            (
              (((phases.baseline.total - phases.baseline.rateLimited) / opts.rate) * 60) /
              phases.baseline.seconds
            ).toFixed(3),
          )
        : null,
      provider_peak_rss_mb: peakMb,
      /** Objects of each type in the synthetic org. */
      objects_by_type: objectsByType,
      /** `up`'s calls of each type per object of the type (lookups, which have no objects, left out). */
      calls_per_object_by_type: callsPerObject(up.calls_by_type, objectsByType),
    };
    const picture = path.resolve(ROOT, opts.picture);
    await fs.mkdir(path.dirname(picture), { recursive: true });
    await fs.writeFile(
      picture,
      svgOf(
        up.series!,
        (opts.rate * opts.tokens) / 60,
        `pulumi up, ${opts.objects} objects, ${opts.tokens} token(s) at ${opts.rate}/min, window ${opts.window} s: efficiency ${result.efficiency}`,
      ),
    );
    log(
      `\nbound ${result.bound_seconds} s, efficiency ${result.efficiency}, import efficiency ${result.import_efficiency}, 429 share ${result.rate_limited_share_of_up}, baseline ratio ${result.baseline_ratio} (baseline failed ${result.baseline_failed_objects}), provider peak RSS ${peakMb} MB; picture of up: ${path.relative(process.cwd(), picture)}`,
    );
    return result;
  } finally {
    await runPulumi(["stack", "rm", stack, "--force", "--yes", "--non-interactive"], { env }).catch(() => undefined);
    await fs.rm(path.join(ROOT, "stacks", sourceDir), { recursive: true, force: true });
    await fs.rm(Journal.of(ROOT, stack).file, { force: true });
    await fs.rm(work, { recursive: true, force: true });
    await emu.close();
  }
}

/** One row per run of a sweep: the figures the README's performance table shows. */
export function sweepTable(rows: Result[]): string {
  const head =
    "| objects | tokens | window s | up s | bound s | efficiency | 429s | import efficiency | refresh calls | no-change preview s (calls) | baseline ratio | provider RSS MB |";
  const line = (r: Result) =>
    `| ${r.objects} | ${r.tokens} | ${r.rate_window_seconds} | ${r.phases.up!.seconds.toFixed(1)} | ${r.bound_seconds} | ${r.efficiency ?? "-"} | ${r.phases.up!.rateLimited} | ${r.import_efficiency ?? "-"} | ${r.phases.refresh!.total} | ${r.phases.preview_no_change!.seconds.toFixed(1)} (${r.phases.preview_no_change!.total}) | ${r.baseline_ratio ?? "-"} | ${r.provider_peak_rss_mb} |`;
  return [head, "|" + " --- |".repeat(12), ...rows.map(line)].join("\n") + "\n";
}

async function main(): Promise<void> {
  const opts = parseOptions();
  if (!opts.sweep) {
    const result = await runOnce(opts);
    if (opts.json) process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  const list = (v: string) => v.split(",").map((x) => Number(x.trim()));
  const rows: Result[] = [];
  for (const window of list(opts.sweepWindows))
    for (const objects of list(opts.sizes))
      for (const tokens of list(opts.sweepTokens)) {
        const suffix = `-${objects}x${tokens}${window > 1 ? `-w${window}` : ""}.svg`;
        const picture = opts.picture.replace(/(\.svg)?$/, suffix);
        rows.push(await runOnce({ ...opts, objects, tokens, window, picture, json: true }));
      }
  if (opts.json) process.stderr.write(sweepTable(rows)); // the table beside the JSON, as the README shows it
  process.stdout.write(opts.json ? JSON.stringify(rows) + "\n" : sweepTable(rows));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).message}\n`);
  process.exit(1);
});
