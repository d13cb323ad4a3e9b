import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { OrgInfo, RunningEmulator } from "@genesys-clone/emulator";
import { impl } from "@genesys-clone/provider/dist/process";
import { rawApi, startTarget } from "./target";

// The user prompt provider called as the provider process calls it, against the emulated target org.
let emu: RunningEmulator;
let target: OrgInfo;
const prompts = () => impl("genesyscloud:architect:UserPrompt");
const dir = mkdtempSync(path.join(tmpdir(), "prompts-"));

/** A WAV file (44-byte header + `n` bytes of `fill`) written to the test directory, as gc.promptAudio declares it. */
function audio(file: string, n: number, fill = 0): { file: string; sha256: string } {
  const h = Buffer.alloc(44);
  h.write("RIFF", 0, "latin1");
  h.writeUInt32LE(36 + n, 4);
  h.write("WAVEfmt ", 8, "latin1");
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(16000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write("data", 36, "latin1");
  h.writeUInt32LE(n, 40);
  const bytes = Buffer.concat([h, Buffer.alloc(n, fill)]);
  const full = path.join(dir, file);
  writeFileSync(full, bytes);
  return { file: full, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** What someone does in Architect: records a new file for one language of a prompt. */
async function rerecord(id: string, language: string, bytes: Buffer): Promise<void> {
  const r = await rawApi(target, "GET", `/api/v2/architect/prompts/${id}/resources/${language}`);
  const uploadUri = String((r.body as { uploadUri: string }).uploadUri);
  const tok = await fetch(`${target.loginBaseUrl}/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${target.clientId}:${target.clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const token = ((await tok.json()) as { access_token: string }).access_token;
  const form = new FormData();
  form.append("file", new Blob([bytes]), "new.wav");
  const res = await fetch(uploadUri, { method: "POST", body: form, headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
}

before(async () => {
  ({ emu, target } = await startTarget({ "genesyscloud:retryDeadlineSeconds": "3" }));
});
after(async () => emu.close());

test("check: each bad prompt input is one failure naming the object and the fix", async () => {
  const cases: { name: string; news: Record<string, unknown>; property: string; reason: RegExp }[] = [
    {
      name: "a name with a space is no Archy identifier",
      news: { name: "Main Greeting" },
      property: "name",
      reason: /letters, digits and underscores/,
    },
    {
      name: "a language code that is no code (and no safe file name)",
      news: { name: "Ok", resources: [{ language: "../en" }] },
      property: "resources",
      reason: /lowercase language code/,
    },
    {
      name: "one resource per language",
      news: { name: "Ok", resources: [{ language: "en-us" }, { language: "en-us" }] },
      property: "resources",
      reason: /a language twice/,
    },
    {
      name: "audio is a file and its hash, as gc.promptAudio gives it",
      news: { name: "Ok", resources: [{ language: "en-us", audio: { file: "x.wav", sha256: "abc" } }] },
      property: "resources",
      reason: /gc\.promptAudio/,
    },
  ];
  for (const c of cases) {
    const res = await prompts().check({}, c.news);
    assert.equal(res.failures?.length, 1, `${c.name}: ${JSON.stringify(res.failures)}`);
    assert.equal(res.failures![0]!.property, c.property, c.name);
    assert.match(res.failures![0]!.reason, c.reason, c.name);
  }
});

test("create uploads each recording, refresh shows audio re-recorded in the target, update uploads the file again, delete removes it", async () => {
  const en = audio("en.wav", 400, 1);
  const es = audio("es.wav", 300, 2);
  const inputs = {
    name: "Greeting_1",
    description: "hello",
    resources: [
      { language: "es-us", ttsString: "Hola", audio: es },
      { language: "en-us", ttsString: "Hello", audio: en },
    ],
  };
  assert.deepEqual((await prompts().check({}, inputs)).failures, []);
  const made = await prompts().create(inputs);
  const dump = async () =>
    ((await (await fetch(`${emu.url}/__emulator/state?org=target`)).json()) as { prompts: Record<string, unknown>[] })
      .prompts;
  const stored = (await dump()).find((p) => p["name"] === "Greeting_1")!;
  assert.deepEqual(
    (stored["resources"] as Record<string, unknown>[]).map((r) => [r["language"], r["audioSha256"], r["uploadStatus"]]),
    [
      ["en-us", en.sha256, "transcoded"],
      ["es-us", es.sha256, "transcoded"],
    ],
    "both recordings arrived, byte for byte",
  );
  assert.ok(!JSON.stringify(made.outs).includes("RIFF"), "state keeps hashes, never audio");

  const unchanged = await prompts().read(made.id, made.outs);
  assert.deepEqual(
    (await prompts().diff(made.id, unchanged.props, inputs)).changes,
    false,
    "a refresh of an untouched prompt is no change",
  );

  await rerecord(made.id, "en-us", Buffer.concat([readFileSync(en.file), Buffer.alloc(8)]));
  const drifted = await prompts().read(made.id, made.outs);
  const enAfter = (drifted.props!["resources"] as { language: string; audio?: { sha256: string } }[]).find(
    (r) => r.language === "en-us",
  );
  assert.notEqual(enAfter?.audio?.sha256, en.sha256, "refresh hashes the target's audio");
  assert.equal((await prompts().diff(made.id, drifted.props, inputs)).changes, true, "the drift shows as a change");
  await prompts().update(made.id, drifted.props, inputs);
  const back = (await dump()).find((p) => p["name"] === "Greeting_1")!;
  assert.equal((back["resources"] as Record<string, unknown>[])[0]!["audioSha256"], en.sha256, "update uploads again");

  await prompts().delete(made.id, made.outs);
  assert.equal((await rawApi(target, "GET", `/api/v2/architect/prompts/${made.id}`)).status, 404);
});

test("a file that is no recording fails transcoding, naming the prompt and the language", async () => {
  const bad = path.join(dir, "bad.wav");
  writeFileSync(bad, "this is not audio");
  const sha256 = createHash("sha256").update("this is not audio").digest("hex");
  await assert.rejects(
    prompts().create({ name: "Broken_1", resources: [{ language: "en-us", audio: { file: bad, sha256 } }] }),
    /User prompt 'Broken_1': Genesys Cloud could not transcode the audio of en-us/,
  );
});
