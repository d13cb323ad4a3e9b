import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { differences, E2E, ROOT, runNode, viewOf } from "./harness";

// `genesys-clone rehearse` and `verify --report x.html` through the real Pulumi CLI against the emulator:
// a rehearsal reads the target (GET only), deploys to a private copy, leaves the target, the stack's
// config file and its state as they were, and exits 0 only when the deployment went through cleanly.
let e2e: E2E;
let stack: string;
let dir: string;

type Stats = { orgs: { name: string; requests: Record<string, number> }[] };

before(async () => {
  e2e = await E2E.imported();
  stack = await e2e.stack("rehearse");
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "genesys-clone-rehearse-test-"));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await e2e.close();
});

const cli = (args: string[]) => runNode([path.join(ROOT, "provider", "dist", "cli.js"), ...args], e2e.env);

/** What the stack's own backend and config file hold: a rehearsal must leave both as they were. */
async function stackFootprint(): Promise<string> {
  const state = await e2e.ok(["stack", "export", "--stack", stack]);
  const config = await fs.readFile(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8");
  return `${config}\n${JSON.stringify(JSON.parse(state.stdout).deployment.resources ?? [])}`;
}

/** Requests the target answered since the counters were cleared, other than reads and token grants. */
async function writesToTarget(): Promise<string[]> {
  const stats = (await e2e.control("/stats?org=target")) as Stats;
  return Object.keys(stats.orgs[0]!.requests).filter((k) => !k.startsWith("GET ") && !/^POST \S*oauth\/token$/.test(k));
}

test("rehearse a first deployment: exit 0, creates reported with calls and rate-limit time; the target and the stack untouched", async () => {
  const targetBefore = viewOf(await e2e.state("target"));
  const footprint = await stackFootprint();
  await e2e.control("/stats", "DELETE");
  const report = path.join(dir, "rehearsal.html");
  const res = await cli(["rehearse", "--stack", stack, "--report", report]);
  assert.equal(res.code, 0, res.stdout + res.stderr);
  assert.match(res.stdout, /deployed cleanly/);
  const created = /\| changes \| (\d+) create, 3 adopt, 0 update, 0 replace, 0 delete/.exec(res.stdout); // the target has the divisions
  assert.ok(created && Number(created[1]) > 20, res.stdout);
  assert.match(res.stdout, /\| API calls \| \d+ /);
  assert.match(res.stdout, /\| rate-limit time \| [\d.]+ min at 300 requests\/min per token x 1 token/);

  assert.deepEqual(await writesToTarget(), [], "the rehearsal wrote to the target");
  assert.deepEqual(differences(targetBefore, viewOf(await e2e.state("target"))), []);
  assert.equal(await stackFootprint(), footprint, "the stack's config or state changed");

  const html = await fs.readFile(report, "utf8");
  assert.ok(html.indexOf("<h2>Summary</h2>") < html.indexOf("<h2>Changes: Queue</h2>"), "summary first");
  assert.match(html, /The rehearsal deployed cleanly/);
  assert.match(html, /<svg[^]*<\/svg>/);
  assert.match(html, /QueueFlows/);
  assert.match(html, /broken by QueueFlows/);
  assert.ok(!/<script/i.test(html));
});

test("rehearse against a target with a conflicting object: exit 1, the object named; the target untouched", async () => {
  const source = await e2e.state("source");
  const skill = (source.skills as { name: string; state?: string }[]).find((s) => s.state !== "deleted")!;
  const made = await e2e.api("target", "POST", "/api/v2/routing/skills", { name: skill.name });
  assert.equal(made.status, 200, await made.text());
  try {
    const targetBefore = viewOf(await e2e.state("target"));
    await e2e.control("/stats", "DELETE");
    const json = path.join(dir, "conflict.json");
    const res = await cli(["rehearse", "--stack", stack, "--report", json]);
    assert.equal(res.code, 1, res.stdout + res.stderr);
    assert.match(res.stdout, /The rehearsal failed/);
    assert.match(res.stdout, /## Conflicts/);
    const report = JSON.parse(await fs.readFile(json, "utf8")) as { ok: boolean; conflicts: string[] };
    assert.equal(report.ok, false);
    assert.ok(
      report.conflicts.some((m) => m.includes(`'${skill.name}'`) && m.includes("already exists in the target org")),
      report.conflicts.join("\n"),
    );
    assert.deepEqual(await writesToTarget(), []);
    assert.deepEqual(differences(targetBefore, viewOf(await e2e.state("target"))), []);
  } finally {
    const skills = (await (await e2e.api("target", "GET", "/api/v2/routing/skills?pageSize=500")).json()) as {
      entities: { id: string; name: string }[];
    };
    const id = skills.entities.find((s) => s.name === skill.name)!.id;
    assert.equal((await e2e.api("target", "DELETE", `/api/v2/routing/skills/${id}`)).status < 300, true);
  }
});

test("after up: verify --report x.html shows parity and the graph; a rehearsal of the deployed stack changes nothing", async () => {
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  const page = path.join(dir, "parity.html");
  const source = e2e.org("source");
  const verified = await runNode(
    [
      path.join(ROOT, "provider", "dist", "cli.js"),
      "verify",
      "--source",
      "env:SOURCE",
      "--target",
      stack,
      "--report",
      page,
    ],
    {
      ...e2e.env,
      SOURCE_REGION: source.region,
      SOURCE_API_BASE_URL: source.apiBaseUrl,
      SOURCE_LOGIN_BASE_URL: source.loginBaseUrl,
      SOURCE_OAUTHCLIENT_ID: source.clientId,
      SOURCE_OAUTHCLIENT_SECRET: source.clientSecret,
    },
  );
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  const html = await fs.readFile(page, "utf8");
  assert.match(html, /The target matches the source\./);
  assert.match(html, /<th>type<\/th><th>source<\/th><th>target<\/th>/);
  assert.match(html, /<svg[^]*<\/svg>/);
  assert.match(html, /QueueFlows/);
  assert.ok(!html.includes(source.clientSecret) && !html.includes(e2e.org("target").clientSecret));

  await e2e.control("/stats", "DELETE");
  const res = await cli(["rehearse", "--stack", stack, "--json"]);
  assert.equal(res.code, 0, res.stdout + res.stderr);
  const report = JSON.parse(res.stdout) as { ok: boolean; changes: Record<string, number> };
  assert.equal(report.ok, true);
  assert.deepEqual(Object.keys(report.changes), ["same"], JSON.stringify(report.changes));
  assert.deepEqual(await writesToTarget(), []);
});
