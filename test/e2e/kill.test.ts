import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { E2E, ROOT, differences, viewOf } from "./harness";

// `pulumi up` killed with SIGKILL mid-run (the CLI, the language host and the provider at once, as a
// crash or a lost machine would), then the documented recovery:
//   pulumi cancel --stack S --yes                                   (the dead run's lock)
//   pulumi refresh --stack S --clear-pending-creates --yes          (creates it never saw finish)
//   pulumi up --stack S
// Objects the killed run created but never wrote to state are taken over through the stack's
// create journal: the target verifies equal, nothing exists twice, and destroy removes them all.
let e2e: E2E;

before(async () => {
  e2e = await E2E.imported();
});
after(async () => e2e.close());

/** Every live descendant of `pid` (the engine puts plugins in process groups of their own). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, ppid] of parent)
      if (ppid === p) {
        out.push(child);
        walk(child);
      }
  };
  walk(pid);
  return out;
}

for (const mode of [
  { name: "our wrapper's default (final checkpoint only)", env: { PULUMI_SKIP_CHECKPOINTS: "true" } },
  { name: "Pulumi's default (a checkpoint per step)", env: { PULUMI_SKIP_CHECKPOINTS: "false" } },
]) {
  test(`SIGKILL mid-up, then cancel, refresh --clear-pending-creates and up: ${mode.name}`, async () => {
    await e2e.control("/reset", "POST", {});
    await e2e.control("/orgs/target/settings", "PUT", { rateLimitPerMinute: 3000 });
    const before_ = await e2e.state("target");
    const stack = await e2e.stack(`kill${mode.env.PULUMI_SKIP_CHECKPOINTS === "true" ? "a" : "b"}`);
    const env = { ...e2e.env, ...mode.env };
    // Slow responses, so the kill lands with creates committed, in flight and not yet started.
    await e2e.control("/faults", "PUT", [{ org: "target", path: "^/api/v2/", latencyMs: 150 }]);
    const child = spawn("pulumi", ["up", "--stack", stack, "--yes", "--skip-preview", "--non-interactive"], {
      env,
      cwd: ROOT,
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    for (let i = 0; ; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const t = await e2e.state("target");
      if ((t.skills as unknown[]).length >= 12 && (t.wrapupcodes as unknown[]).length >= 5) break;
      assert.ok(i < 300, "up never got going");
    }
    // Everything at once, as a crash would: the CLI, the language host and the provider processes.
    for (const pid of [child.pid!, ...descendants(child.pid!)]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await exited;
    await e2e.control("/faults", "PUT", []);
    const partly = await e2e.state("target");
    assert.ok(
      (partly.skills as unknown[]).length > (before_.skills as unknown[]).length,
      "the killed run created nothing",
    );

    const run = async (args: string[]) => {
      const res = await import("@genesys-clone/scripts/dist/lib/pulumi-env").then((m) =>
        m.runPulumi([...args, "--non-interactive"], { env }),
      );
      e2e.transcript += res.stdout + res.stderr;
      assert.equal(res.code, 0, `pulumi ${args.join(" ")}:\n${res.stdout}\n${res.stderr}`);
      return res;
    };
    await run(["cancel", "--stack", stack, "--yes"]);
    await run(["refresh", "--stack", stack, "--clear-pending-creates", "--yes", "--skip-preview"]);
    await run(["up", "--stack", stack, "--yes", "--skip-preview"]);
    await e2e.noDuplicates();
    // No state file has a `.attrs` sidecar: fileblob writes those in place, and one cut short by the kill made
    // every later command fail with "failed to load checkpoint: EOF" (pulumi-env's fileBackendUrl).
    const sidecars = (readdirSync(e2e.backend, { recursive: true }) as string[]).filter((f) => f.endsWith(".attrs"));
    assert.deepEqual(
      sidecars.map((f) => path.basename(f)),
      [],
      "the file backend wrote .attrs sidecars",
    );
    const verify = await e2e.verify(stack);
    assert.equal(verify.code, 0, verify.stdout.slice(verify.stdout.indexOf("##")));
    await run(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
    assert.deepEqual(
      differences(viewOf(before_), viewOf(await e2e.state("target"))),
      [],
      "destroy left the target different from before up",
    );
  });
}
