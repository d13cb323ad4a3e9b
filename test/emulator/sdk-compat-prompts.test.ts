import assert from "node:assert/strict";
import { test } from "node:test";
import { call, obj, org, withEmulator, withSource } from "./helpers";
// The official SDK, loaded the way its README shows (a CommonJS require), typed by its own index.d.ts.
import platformClient = require("purecloud-platform-client-v2");
import { useOrg } from "./sdk-gateway";

/** A minimal valid WAV (44-byte header + `n` bytes of silence). */
function wav(n: number): Buffer {
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
  return Buffer.concat([h, Buffer.alloc(n)]);
}

/** The official clients' upload: multipart form data, field `file`, with the bearer token (Terraform's uploadPromptFileFn). */
async function upload(uri: string, token: string | undefined, bytes: Buffer): Promise<number> {
  const form = new FormData();
  form.append("file", new Blob([bytes]), "audio.wav");
  const res = await fetch(uri, {
    method: "POST",
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return res.status;
}

test("official JS SDK: user prompts, their resources, the audio upload, transcoding and the media download", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    useOrg(emu, source);
    const auth = await platformClient.ApiClient.instance.loginClientCredentialsGrant(
      source.clientId,
      source.clientSecret,
    );
    const architect = new platformClient.ArchitectApi();

    const prompt = await architect.postArchitectPrompts({ name: "Sdk_Prompt", description: "from the SDK" });
    assert.ok(prompt.id);
    const asset = await architect.postArchitectPromptResources(prompt.id, {
      language: "en-us",
      ttsString: "Hello",
      tags: { filename: ["hello.wav"] },
    });
    assert.equal(asset.uploadStatus, "created");
    assert.equal(asset.mediaUri, undefined);
    assert.ok(asset.uploadUri);

    const bytes = wav(800);
    assert.equal(await upload(asset.uploadUri, undefined, bytes), 401, "the upload needs the token");
    assert.equal(await upload(asset.uploadUri, auth.accessToken, bytes), 200);
    const read = await architect.getArchitectPrompt(prompt.id, { includeMediaUris: true, includeResources: true });
    const en = read.resources?.find((r) => r.language === "en-us");
    assert.equal(en?.uploadStatus, "transcoded");
    assert.equal(en?.durationSeconds, 0.05);
    assert.deepEqual(en?.tags, { filename: ["hello.wav"] });
    assert.ok(en?.mediaUri);
    const media = await fetch(en.mediaUri);
    assert.equal(media.status, 200);
    assert.deepEqual(Buffer.from(await media.arrayBuffer()), bytes, "the media URL serves the bytes uploaded");
    const forged = await fetch(en.mediaUri.replace(/signature=[0-9a-f]+/, "signature=00"));
    assert.equal(forged.status, 403);

    const es = await architect.postArchitectPromptResources(prompt.id, { language: "es-us", ttsString: "Hola" });
    assert.equal(await upload(es.uploadUri!, auth.accessToken, Buffer.from("not a wav file at all")), 200);
    assert.equal((await architect.getArchitectPromptResource(prompt.id, "es-us")).uploadStatus, "transcodeFailed");

    const put = await architect.putArchitectPromptResource(prompt.id, "en-us", { language: "en-us", ttsString: "Hi" });
    assert.equal(put.ttsString, "Hi");
    assert.equal(put.uploadStatus, "transcoded", "a PUT keeps the audio");
    const listed = await architect.getArchitectPrompts({ name: ["Sdk_*"] });
    assert.deepEqual(
      listed.entities?.map((p) => p.name),
      ["Sdk_Prompt"],
    );
    const resources = await architect.getArchitectPromptResources(prompt.id, { pageSize: 100 });
    assert.deepEqual(
      resources.entities?.map((r) => r.language),
      ["en-us", "es-us"],
    );
    await architect.deleteArchitectPromptResource(prompt.id, "es-us");
    await architect.deleteArchitectPrompt(prompt.id, { allResources: true });
    await assert.rejects(architect.getArchitectPrompt(prompt.id), (e: unknown) => obj(e)["status"] === 404);
  });
});

test("user prompt rules: each case names the behaviour", async () => {
  await withSource({}, async (_emu, source, token) => {
    const cases: { name: string; method: string; path: string; body?: unknown; status: number; message?: RegExp }[] = [
      {
        name: "a name that is not an identifier is refused (Archy names it Prompt.<name>)",
        method: "POST",
        path: "/api/v2/architect/prompts",
        body: { name: "Main Greeting" },
        status: 400,
        message: /letters, numbers and underscores/,
      },
      {
        name: "names are unique ignoring case (the org's duplicate-name answer)",
        method: "POST",
        path: "/api/v2/architect/prompts",
        body: { name: "welcome" },
        status: 409,
      },
      {
        name: "a prompt a published flow plays cannot be deleted",
        method: "DELETE",
        path: "/api/v2/architect/prompts/{welcome}?allResources=true",
        status: 409,
        message: /in use by flow\(s\): Main IVR/,
      },
      {
        name: "a second resource of one language is a conflict",
        method: "POST",
        path: "/api/v2/architect/prompts/{welcome}/resources",
        body: { language: "EN-US" },
        status: 409,
      },
      {
        name: "a language code is checked",
        method: "POST",
        path: "/api/v2/architect/prompts/{welcome}/resources",
        body: { language: "../x" },
        status: 400,
      },
    ];
    const listed = await call(source, token, "GET", "/api/v2/architect/prompts?name=Welcome");
    const welcome = obj((obj(listed.body)["entities"] as unknown[])[0]);
    for (const c of cases) {
      const r = await call(source, token, c.method, c.path.replace("{welcome}", String(welcome["id"])), c.body);
      assert.equal(r.status, c.status, c.name);
      if (c.message) assert.match(String(obj(r.body)["message"]), c.message, c.name);
    }
    // The sample's Welcome prompt: both languages transcoded, media served without a token.
    const resources = welcome["resources"] as Record<string, unknown>[];
    assert.deepEqual(
      resources.map((r) => [r["language"], r["uploadStatus"]]),
      [
        ["en-us", "transcoded"],
        ["es-us", "transcoded"],
      ],
    );
    const media = await fetch(String(resources[0]!["mediaUri"]));
    assert.equal(media.headers.get("content-type"), "audio/wav");
    assert.equal(Buffer.from(await media.arrayBuffer()).toString("latin1", 0, 4), "RIFF");
  });
});
