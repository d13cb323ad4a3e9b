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
  return { apiBaseUrl: source.apiBaseUrl, loginBaseUrl: source.loginBaseUrl, clientId: source.clientId, clientSecret: source.clientSecret };
}
let client: GenesysClient;
let dir: string;

before(async () => {
  emu = await startEmulator({ seed: "sample" });
  const source = emu.orgs.find((o) => o.name === "source")!;
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
    assert.deepEqual(result.skipped.map((s) => s.type), ["languages"]);
    assert.ok(lines.some((l) => /warning: skipping routing languages: .*HTTP 403/.test(l)), lines.join("\n"));
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
  const names = [...queues.matchAll(/^ {4}name: "([^"]+)",$/gm)].map((m) => m[1]);
  assert.ok(names.length > 3);
  assert.ok(names.every((n) => n!.startsWith("Support") && !/Chat|Email/.test(n!)), names.join(", "));
  assert.equal(result.counts.skills, 0);
  assert.ok(result.lookups.some((l) => l.type === "wrapupcodes"));
  assert.match(queues, /gc\.lookup\("wrapupcodes", "[^"]+"\)/);
  assert.match(queues, /gc\.lookup\("divisions", "Customer Care", "name"\)/);
  assert.ok(progress.includes("queues 31/31"), "per-queue progress is reported");
});

test("flows: names that slug alike get their own file and placeholder keys, long names a short file name", async () => {
  // Two skills whose names slug alike (both non-Latin), referenced by one flow; two flows whose names slug alike.
  for (const name of ["日本語サポート", "Ελληνικά"]) await client.request({ method: "POST", path: "/api/v2/routing/skills", body: { name } });
  const flow = (name: string) =>
    ["inboundCall:", `  name: ${JSON.stringify(name)}`, "  menu:", "    a:", "      skill:", '        lit: { name: "日本語サポート" }', "    b:", "      skill: Ελληνικά", ""].join("\n");
  const long = `Flow ${"x".repeat(250)}`;
  for (const name of ["Sales - VIP", "Sales VIP", long]) await flowsApi.publishYaml(client, flow(name), name);
  const fresh = new GenesysClient({ ...settings() }); // the flow analysis is cached per client
  const result = await importOrg(fresh, { outDir: dir, region: "us-east-1" });
  const files = result.files.filter((f) => f.startsWith("flows/"));
  assert.equal(files.length, 5 + 3, files.join(", ")); // the sample's 5 flows and these 3
  assert.equal(new Set(files).size, files.length);
  assert.ok(files.every((f) => Buffer.byteLength(path.basename(f)) <= 255), files.join(", "));
  const code = await fs.readFile(path.join(dir, "architect-flows.ts"), "utf8");
  const decl = (name: string) => code.slice(code.indexOf(`name: ${JSON.stringify(name)}`)).split("\n});")[0]!;
  for (const name of ["Sales - VIP", "Sales VIP", long]) {
    const file = /readFlow\(__dirname, "([^"]+)"\)/.exec(decl(name))![1]!;
    const yaml = await fs.readFile(path.join(dir, file), "utf8");
    const keys = [...yaml.matchAll(/\{\{(skill\.[^}]+)\}\}/g)].map((m) => m[1]);
    assert.equal(new Set(keys).size, 2, `${name}: one key per skill (${keys.join(", ")})`);
    // Each key's value is the skill the source named at that place.
    const subs = Object.fromEntries([...decl(name).matchAll(/"(skill\.[^"]+)": (skill\w+)\.name/g)].map((m) => [m[1], m[2]]));
    const menu = parse(yaml).inboundCall.menu;
    const skillsCode = await fs.readFile(path.join(dir, "routing-skills.ts"), "utf8");
    const varOf = Object.fromEntries([...skillsCode.matchAll(/export const (skill\w+) = new gc\.Skill\("[^"]+", \{\n\s+name: "([^"]+)"/g)].map((m) => [m[2], m[1]]));
    assert.equal(subs[menu.a.skill.lit.name.slice(2, -2)], varOf["日本語サポート"], name);
    assert.equal(subs[menu.b.skill.slice(2, -2)], varOf["Ελληνικά"], name);
  }
});
