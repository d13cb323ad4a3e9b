import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { differences, E2E, viewOf } from "./harness";

// User prompts through the real CLI: the importer downloads each recording, `up` uploads it and the flow that plays
// `Prompt.Welcome` follows the prompt, refresh sees a re-recording made in Architect, `up` puts the file back,
// `destroy` returns the target to where it started. State holds hashes, never audio.
type Prompt = { name: string; resources: { language: string; audioSha256?: string; uploadStatus: string }[] };
type Flow = { name: string; references?: { prompts?: string[] } };

let e2e: E2E;
before(async () => {
  e2e = await E2E.start("sample");
});
after(async () => e2e.close());

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const audioOf = (org: Record<string, unknown>, name: string) =>
  Object.fromEntries(
    (org.prompts as Prompt[]).find((p) => p.name === name)!.resources.map((r) => [r.language, r.audioSha256]),
  );

test("prompts with audio: import, preview, up, refresh drift, up, destroy back to the start", async () => {
  const source = await e2e.state("source");
  // Trunks are left out: their connection wait adds time and nothing to prompts.
  const imported = await e2e.importSource(e2e.outDir, ["--exclude", "trunks"]);
  assert.equal(imported.code, 0, imported.stderr);
  const files: Record<string, string> = {};
  for (const language of ["en-us", "es-us"])
    files[language] = sha256(await fs.readFile(path.join(e2e.outDir, "prompts", "Welcome", `${language}.wav`)));
  assert.deepEqual(files, audioOf(source, "Welcome"), "the importer wrote the source's recordings byte for byte");
  const code = await fs.readFile(path.join(e2e.outDir, "architect-userprompts.ts"), "utf8");
  assert.match(code, /audio: gc\.promptAudio\(__dirname, "prompts\/Welcome\/en-us\.wav"\)/);
  const flowYaml = await fs.readFile(path.join(e2e.outDir, "flows", "main-ivr-inboundcall.yaml"), "utf8");
  assert.match(flowYaml, /ToAudio\(Prompt\.\{\{prompt\.welcome\}\}\)/, "the flow names the prompt by placeholder");

  const start = viewOf(await e2e.state("target"));
  const stack = await e2e.stack("prompts");
  const preview = await e2e.ok(["preview", "--stack", stack]);
  assert.match(preview.stdout, /genesyscloud:ArchitectUserPrompt\s+welcome\s+create/);
  assert.deepEqual(differences(start, viewOf(await e2e.state("target"))), [], "preview changed the target");

  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  let target = await e2e.state("target");
  assert.deepEqual(audioOf(target, "Welcome"), files, "up uploaded both recordings");
  const ivr = (target.flows as Flow[]).find((f) => f.name === "Main IVR")!;
  assert.deepEqual(ivr.references?.prompts, ["Welcome"], "the published flow plays the cloned prompt");
  // verify compares every type: the trunks this import left out are the only difference.
  const verified = await e2e.verify(stack);
  assert.match(verified.stdout, /\| user prompts \| 1 \| 1 \| 0 \| 0 \| 0 \|/, verified.stdout);
  assert.match(verified.stdout, /\| flows \| (\d+) \| \1 \| 0 \| 0 \| 0 \|/, verified.stdout);
  const state = await e2e.backendText();
  assert.ok(!state.includes("RIFF") && !state.includes(Buffer.from("RIFF").toString("base64").slice(0, 4) + "AAAA"));
  assert.match(state, new RegExp(files["en-us"]!), "state keeps the content hash");

  // Someone records a new English greeting in Architect.
  const listed = (await (await e2e.api("target", "GET", "/api/v2/architect/prompts?name=Welcome")).json()) as {
    entities: { id: string; resources: { language: string; uploadUri: string }[] }[];
  };
  const en = listed.entities[0]!.resources.find((r) => r.language === "en-us")!;
  const recording = Buffer.concat([
    await fs.readFile(path.join(e2e.outDir, "prompts", "Welcome", "en-us.wav")),
    Buffer.alloc(64),
  ]);
  const tokenRes = await fetch(`${e2e.org("target").loginBaseUrl}/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${e2e.org("target").clientId}:${e2e.org("target").clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const form = new FormData();
  form.append("file", new Blob([recording]), "new.wav");
  const uploaded = await fetch(en.uploadUri, {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${access_token}` },
  });
  assert.equal(uploaded.status, 200);

  await e2e.ok(["refresh", "--stack", stack, "--yes", "--skip-preview"]);
  const drift = await e2e.pulumi(["preview", "--stack", stack, "--expect-no-changes", "--diff"]);
  assert.notEqual(drift.code, 0, "the re-recording shows as a change");
  assert.match(drift.stdout, /ArchitectUserPrompt[^\n]*welcome/);
  assert.match(drift.stdout, new RegExp(files["en-us"]!), "the diff names the declared recording by its hash");

  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  target = await e2e.state("target");
  assert.deepEqual(audioOf(target, "Welcome"), files, "up put the declared recording back");
  await e2e.ok(["preview", "--stack", stack, "--expect-no-changes"]);

  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.deepEqual(
    differences(start, viewOf(await e2e.state("target"))),
    [],
    "destroy returns the target to the start",
  );
});
