import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { startEmulator, type RunningEmulator } from "@genesys-clone/emulator";
import { GenesysClient } from "@genesys-clone/provider/dist/client";
import { importOrg } from "@genesys-clone/provider/dist/importer/import";
import { flowsApi } from "@genesys-clone/provider/dist/resources/architect-flow/api";
import { parse } from "yaml";

// The importer in-process against the emulated source org.
let emu: RunningEmulator;
function settings() {
  const source = emu.orgs.find((o) => o.name === "source")!;
  return {
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: source.clientSecret,
  };
}
let client: GenesysClient;
let dir: string;

before(async () => {
  emu = await startEmulator({ seed: "sample" });
  client = new GenesysClient(settings());
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "importer-"));
});
after(async () => {
  await emu.close();
  await fs.rm(dir, { recursive: true, force: true });
});

test("a type the client may not read (403) is skipped with a warning; the rest is imported", async () => {
  await fetch(`${emu.url}/__emulator/faults`, {
    method: "PUT",
    body: JSON.stringify([{ path: "^/api/v2/routing/languages", status: 403 }]),
    headers: { "Content-Type": "application/json" },
  });
  const lines: string[] = [];
  try {
    const result = await importOrg(client, { outDir: dir, region: "us-east-1", log: (l) => lines.push(l) });
    assert.deepEqual(
      result.skipped.map((s) => s.type),
      ["languages"],
    );
    assert.ok(
      lines.some((l) => /warning: skipping routing languages: .*HTTP 403/.test(l)),
      lines.join("\n"),
    );
    assert.equal(result.counts.languages, 0);
    assert.equal(result.counts.queues, 31);
    assert.doesNotMatch(await fs.readFile(path.join(dir, "routing-languages.ts"), "utf8"), /new gc\.Language/);
  } finally {
    await fetch(`${emu.url}/__emulator/faults`, { method: "DELETE" });
  }
});

test("include + exclude: only matching queues; their wrap-up codes and skills become lookups", async () => {
  const lines: string[] = [];
  const progress: string[] = [];
  const result = await importOrg(client, {
    outDir: dir,
    region: "us-east-1",
    include: ["queues:Support*"],
    exclude: ["queues:*Chat*", "queues:*Email*"],
    log: (l) => lines.push(l),
    progress: (title, done, total) => progress.push(`${title} ${done}/${total}`),
  });
  const queues = await fs.readFile(path.join(dir, "routing-queues.ts"), "utf8");
  const names = [...queues.matchAll(/^ {2}name: "([^"]+)",$/gm)].map((m) => m[1]);
  assert.ok(names.length > 3);
  assert.ok(
    names.every((n) => n!.startsWith("Support") && !/Chat|Email/.test(n!)),
    names.join(", "),
  );
  assert.equal(result.counts.skills, 0);
  assert.ok(result.lookups.some((l) => l.type === "wrapupcodes"));
  assert.match(queues, /gc\.lookup\("wrapupcodes", "[^"]+"\)/);
  assert.match(queues, /gc\.lookup\("divisions", "Customer Care", "name"\)/);
  assert.ok(progress.includes("queues 31/31"), "per-queue progress is reported");
});

test("trunks: properties are read per trunk when the listing leaves them out; the media site is exported", async () => {
  await fetch(`${emu.url}/__emulator/orgs/source/settings`, {
    method: "PUT",
    body: JSON.stringify({ trunkListingProperties: false }),
    headers: { "Content-Type": "application/json" },
  });
  try {
    await importOrg(client, { outDir: dir, region: "us-east-1", include: ["trunks"] });
    const code = await fs.readFile(path.join(dir, "telephony-trunks.ts"), "utf8");
    assert.match(code, /sipServers: \["sip1\.carrier-us\.example\.com:5061", "sip2\.carrier-us\.example\.com:5061"\]/);
    assert.match(code, /trunk_sip_termination_uri: "[^"]+"/);
    assert.match(code, /site: "US East Site"/);
    assert.doesNotMatch(code, /trunk_internal_routingCache/, "internal properties are never exported");
  } finally {
    await fetch(`${emu.url}/__emulator/orgs/source/settings`, {
      method: "PUT",
      body: JSON.stringify({ trunkListingProperties: true }),
      headers: { "Content-Type": "application/json" },
    });
  }
});

test("flows: the export names the published version (not a draft saved since), and a job failing as Archy does under load is retried", async () => {
  const state = (await (await fetch(`${emu.url}/__emulator/state?org=source`)).json()) as {
    flows: { id: string; name: string; yaml: string }[];
  };
  const flow = state.flows.find((f) => f.name === "Sales In-Queue")!;
  const control = (method: string, p: string, body: unknown) =>
    fetch(`${emu.url}/__emulator${p}`, {
      method,
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    });
  const draft = flow.yaml.replace(/description: .*/, "description: DRAFT NOT PUBLISHED");
  assert.equal((await control("POST", `/orgs/source/flows/${flow.id}/draft`, { yaml: draft })).status, 200);
  assert.equal((await control("PUT", "/orgs/source/settings", { flowExportJobTransientFailures: 1 })).status, 200);
  // a client of its own: the flow analysis is cached per client
  const source = emu.orgs.find((o) => o.name === "source")!;
  const fresh = new GenesysClient({
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: source.clientSecret,
  });
  await importOrg(fresh, { outDir: dir, region: "us-east-1", include: ["flows:Sales In-Queue"] });
  const yaml = await fs.readFile(path.join(dir, "flows", "sales-in-queue-inqueuecall.yaml"), "utf8");
  assert.doesNotMatch(yaml, /DRAFT NOT PUBLISHED/);
  assert.match(yaml, /description: Sales hold experience; long waits move to the VIP line/);
  const settings = (await (await fetch(`${emu.url}/__emulator/orgs/source/settings`)).json()) as {
    flowExportJobTransientFailures: number;
  };
  assert.equal(settings.flowExportJobTransientFailures, 0, "the failing job happened and was retried");
});

const freshClient = (): GenesysClient => {
  const source = emu.orgs.find((o) => o.name === "source")!;
  return new GenesysClient({
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: source.clientSecret,
  });
};
const emuControl = (method: string, p: string, body?: unknown) =>
  fetch(`${emu.url}/__emulator${p}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

test("flows: every type the API lists is read; a type that cannot be deployed and a failed export are left out with a warning, never abort the import", async () => {
  assert.equal(
    (
      await emuControl("POST", "/orgs/source/flows", {
        name: "Ticket Triage",
        type: "WORKITEM",
        yaml: "workitem:\n  name: Ticket Triage\n",
      })
    ).status,
    200,
  );
  assert.equal(
    (
      await emuControl("POST", "/orgs/source/flows", {
        name: "After Call Survey",
        type: "voicesurvey",
        yaml: "voiceSurvey:\n  name: After Call Survey\n",
      })
    ).status,
    200,
  );
  // the first export job (flows are exported by name) is refused
  await emuControl("PUT", "/faults", [
    { org: "source", method: "POST", path: "^/api/v2/flows/export/jobs$", status: 400, times: 1 },
  ]);
  const lines: string[] = [];
  try {
    const result = await importOrg(freshClient(), {
      outDir: dir,
      region: "us-east-1",
      include: ["flows", "flowshells"],
      // Main IVR is then the first flow exported (by name), one job at a time
      exclude: ["flows:Emergency Closure"],
      exportJobs: 1,
      log: (l) => lines.push(l),
    });
    assert.deepEqual(
      result.leftOut.map((o) => [o.type, o.name, o.failed]),
      [
        ["flows", "After Call Survey", false],
        ["flows", "Ticket Triage", false],
        ["flows", "Main IVR", true],
      ],
    );
    assert.match(
      result.leftOut[0]!.reason,
      /^voicesurvey flows cannot be deployed from Archy YAML by genesys-clone; references to it are looked up by name/,
    );
    assert.match(
      result.leftOut[2]!.reason,
      /^its export failed \(POST \/api\/v2\/flows\/export\/jobs failed: HTTP 400/,
    );
    assert.ok(
      lines.some((l) => /warning: flows: 'Main IVR' left out: its export failed/.test(l)),
      lines.join("\n"),
    );
    assert.equal(result.counts.flows, 5, "the other flows are imported");
    assert.deepEqual(
      result.lookups.filter((l) => l.type === "flows").map((l) => l.name),
      ["Main IVR"],
      "Spanish IVR's reference to Main IVR is looked up",
    );
    assert.equal(result.counts.flowshells, 0, "no cycle is left among the exported flows");
  } finally {
    await emuControl("DELETE", "/faults");
  }
});

test("flows: --include/--exclude apply before any export job is started", async () => {
  await emuControl("DELETE", "/stats");
  const result = await importOrg(freshClient(), {
    outDir: dir,
    region: "us-east-1",
    include: ["flows:*IVR"],
    exclude: ["flows:Spanish*"],
  });
  assert.equal(result.counts.flows, 1);
  const stats = (await (await emuControl("GET", "/stats?org=source")).json()) as {
    orgs: { requests: Record<string, number> }[];
  };
  assert.equal(stats.orgs[0]!.requests["POST /api/v2/flows/export/jobs"], 1, "one export job: Main IVR's");
});

test("flows: the default flows every org has are never declared; a reference to one is a lookup", async () => {
  const yaml = [
    "inboundCall:",
    "  name: After Hours IVR",
    "  defaultLanguage: en-us",
    "  startUpRef: ./tasks/task[vm]",
    "  tasks:",
    "    - task:",
    "        name: Voicemail",
    "        refId: vm",
    "        actions:",
    "          - transferToFlow:",
    "              name: To voicemail",
    "              targetFlow:",
    "                name: Default Voicemail Flow",
    "                type: voicemail",
    "",
  ].join("\n");
  assert.equal(
    (await emuControl("POST", "/orgs/source/flows", { name: "After Hours IVR", type: "inboundcall", yaml })).status,
    200,
  );
  const result = await importOrg(freshClient(), { outDir: dir, region: "us-east-1", include: ["flows", "flowshells"] });
  const code = await fs.readFile(path.join(dir, "architect-flows.ts"), "utf8");
  assert.doesNotMatch(code, /name: "Default (In-Queue|Voicemail) Flow"/, "no resource for a default flow");
  assert.ok(
    !(await fs.readdir(path.join(dir, "flows"))).some((f) => f.startsWith("default-")),
    "no flow file for a default flow",
  );
  assert.deepEqual(
    result.lookups.filter((l) => l.type === "flows").map((l) => l.name),
    ["Default Voicemail Flow"],
  );
  assert.match(code, /gc\.lookup\("flows", "Default Voicemail Flow", "name"\)/);
});

test("flows: an --include naming a flow that is left out is not reported as a typo", async () => {
  // Ticket Triage (a workitem flow, published by an earlier test) cannot be deployed: left out, but it exists.
  const result = await importOrg(freshClient(), { outDir: dir, region: "us-east-1", include: ["flows:Ticket Triage"] });
  assert.deepEqual(
    result.leftOut.map((o) => o.name),
    ["Ticket Triage"],
  );
  assert.equal(result.counts.flows, 0);
});

test("flows: names that slug alike get their own file and placeholder keys, long names a short file name", async () => {
  // Two skills whose names slug alike (both non-Latin), referenced by one flow; two flows whose names slug alike.
  for (const name of ["日本語サポート", "Ελληνικά"])
    await client.request({ method: "POST", path: "/api/v2/routing/skills", body: { name } });
  const flow = (name: string) =>
    [
      "inboundCall:",
      `  name: ${JSON.stringify(name)}`,
      "  defaultLanguage: en-us",
      "  startUpRef: ./tasks/task[start]",
      "  tasks:",
      "    - task:",
      "        name: Start",
      "        refId: start",
      "        actions: []",
      "  menu:",
      "    a:",
      "      skill:",
      '        lit: { name: "日本語サポート" }',
      "    b:",
      "      skill: Ελληνικά",
      "",
    ].join("\n");
  const long = `Flow ${"x".repeat(250)}`;
  for (const name of ["Sales - VIP", "Sales VIP", long]) await flowsApi.publishYaml(client, flow(name), name);
  const fresh = new GenesysClient({ ...settings() }); // the flow analysis is cached per client
  const result = await importOrg(fresh, { outDir: dir, region: "us-east-1" });
  const files = result.files.filter((f) => f.startsWith("flows/"));
  assert.equal(files.length, 7 + 1 + 3, files.join(", ")); // the sample's 7 flows, After Hours IVR (an earlier test) and these 3
  assert.equal(new Set(files).size, files.length);
  assert.ok(
    files.every((f) => Buffer.byteLength(path.basename(f)) <= 255),
    files.join(", "),
  );
  const code = await fs.readFile(path.join(dir, "architect-flows.ts"), "utf8");
  const decl = (name: string) => code.slice(code.indexOf(`name: ${JSON.stringify(name)}`)).split("\n});")[0]!;
  for (const name of ["Sales - VIP", "Sales VIP", long]) {
    // Prettier may wrap a long call over several lines.
    const file = /readFlow\(\s*__dirname,\s*"([^"]+)",?\s*\)/.exec(decl(name))![1]!;
    const yaml = await fs.readFile(path.join(dir, file), "utf8");
    const keys = [...yaml.matchAll(/\{\{(skill\.[^}]+)\}\}/g)].map((m) => m[1]);
    assert.equal(new Set(keys).size, 2, `${name}: one key per skill (${keys.join(", ")})`);
    // Each key's value is the skill the source named at that place.
    const subs = Object.fromEntries(
      [...decl(name).matchAll(/"(skill\.[^"]+)":\s*(skill\w+)\.name/g)].map((m) => [m[1], m[2]]),
    );
    const menu = parse(yaml).inboundCall.menu;
    const skillsCode = await fs.readFile(path.join(dir, "routing-skills.ts"), "utf8");
    const varOf = Object.fromEntries(
      [...skillsCode.matchAll(/export const (skill\w+) = new gc\.Skill\("[^"]+", \{\n\s+name: "([^"]+)"/g)].map((m) => [
        m[2],
        m[1],
      ]),
    );
    assert.equal(subs[menu.a.skill.lit.name.slice(2, -2)], varOf["日本語サポート"], name);
    assert.equal(subs[menu.b.skill.slice(2, -2)], varOf["Ελληνικά"], name);
  }
});
