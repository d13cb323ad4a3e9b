import { createHash, randomBytes } from "crypto";
import * as path from "path";
import { GenesysError, isNotFound, pollUntil, type GenesysClient } from "../../client";
import { deleteIfPresent, getLive, sameName } from "../common";
import { Prompt, PromptAsset, type PromptAssetBody, type PromptBody } from "./schema";

const BASE = "/api/v2/architect/prompts";
const enc = encodeURIComponent;
/** Terraform waits 20 s for transcoding (verifyPromptResourceFilesAreTranscoded); a little more here. */
const TRANSCODE_DEADLINE_MS = 60_000;

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * The calls a user prompt needs (the Terraform provider's architect_user_prompt proxy): the prompt, its resources
 * per language, the multipart upload of each resource's audio to its `uploadUri`, and the `mediaUri` download.
 */
export const promptsApi = {
  list: (c: GenesysClient) =>
    c.listAll(BASE, Prompt, { pageSize: 100, query: { includeResources: "false", includeMediaUris: "false" } }),

  async findByName(c: GenesysClient, name: string): Promise<Prompt | undefined> {
    const page = await c.listAll(BASE, Prompt, {
      pageSize: 100,
      query: { name, includeResources: "false", includeMediaUris: "false" },
    });
    const found = page.find((p) => sameName(p.name, name));
    return found ? promptsApi.get(c, found.id) : undefined;
  },

  /** Every prompt with its resources and media URLs: what refresh reads, a page per 100 prompts, not a GET each. */
  listWithResources: (c: GenesysClient) =>
    c.listAll(BASE, Prompt, { pageSize: 100, query: { includeResources: "true", includeMediaUris: "true" } }),

  /** The prompt with its resources and media URLs, or undefined when it is gone. */
  get: (c: GenesysClient, id: string) =>
    getLive(c, `${BASE}/${enc(id)}`, Prompt, () => false, { includeResources: "true", includeMediaUris: "true" }),

  create: (c: GenesysClient, body: PromptBody) => c.request({ method: "POST", path: BASE, body, schema: Prompt }),

  replace: (c: GenesysClient, id: string, body: PromptBody) =>
    c.request({ method: "PUT", path: `${BASE}/${enc(id)}`, body, schema: Prompt }),

  async delete(c: GenesysClient, id: string): Promise<void> {
    try {
      await c.request({ method: "DELETE", path: `${BASE}/${enc(id)}`, query: { allResources: "true" } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },

  createResource: (c: GenesysClient, id: string, body: PromptAssetBody) =>
    c.request({ method: "POST", path: `${BASE}/${enc(id)}/resources`, body, schema: PromptAsset }),

  replaceResource: (c: GenesysClient, id: string, body: PromptAssetBody) =>
    c.request({
      method: "PUT",
      path: `${BASE}/${enc(id)}/resources/${enc(body.language)}`,
      body,
      schema: PromptAsset,
    }),

  deleteResource: (c: GenesysClient, id: string, language: string) =>
    deleteIfPresent(c, `${BASE}/${enc(id)}/resources/${enc(language)}`),

  /**
   * POSTs the audio to the resource's upload URL as the official clients do: multipart form data, the file in the
   * field `file`, with the bearer token. Retried like any file transfer (the same bytes again are harmless).
   */
  async upload(c: GenesysClient, uploadUri: string, file: string, bytes: Uint8Array, owner: string): Promise<void> {
    const boundary = `----genesys-clone-${randomBytes(12).toString("hex")}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n` +
        "Content-Type: audio/wav\r\n\r\n",
      "utf8",
    );
    const body = Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`, "utf8")]);
    const res = await c.http.transfer({
      method: "POST",
      url: uploadUri,
      headers: {
        Authorization: `Bearer ${await c.tokens.token()}`,
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
      },
      data: body,
      what: `${owner}: uploading ${path.basename(file)}`,
    });
    if (res.status < 200 || res.status >= 300)
      throw new GenesysError("Server", `${owner}: uploading ${path.basename(file)} failed (HTTP ${res.status}).`, {
        status: res.status,
      });
  },

  /** The transcoded audio of a resource (its presigned `mediaUri`). */
  async download(c: GenesysClient, mediaUri: string, what: string): Promise<Buffer> {
    const res = await c.http.transfer({ method: "GET", url: mediaUri, binary: true, what });
    if (res.status !== 200 || !Buffer.isBuffer(res.data))
      throw new GenesysError("Server", `${what} failed (HTTP ${res.status}).`, { status: res.status });
    return res.data;
  },

  /**
   * Waits until every language in `languages` is transcoded (Terraform: verifyPromptResourceFilesAreTranscoded);
   * a failed transcoding throws naming the language. Returns the prompt as read last.
   */
  async transcoded(c: GenesysClient, id: string, languages: string[], owner: string): Promise<Prompt> {
    return pollUntil(
      async () => {
        const p = await promptsApi.get(c, id);
        if (!p) throw new GenesysError("NotFound", `${owner} disappeared while its audio was transcoding.`);
        const of = (l: string) => (p.resources ?? []).find((r) => r.language === l);
        const failed = languages.filter((l) => of(l)?.uploadStatus === "transcodeFailed");
        if (failed.length)
          throw new GenesysError(
            "Validation",
            `${owner}: Genesys Cloud could not transcode the audio of ${failed.join(", ")}: check that the file is a valid WAV recording.`,
          );
        return languages.every((l) => of(l)?.uploadStatus === "transcoded" && of(l)?.mediaUri) ? p : undefined;
      },
      { deadlineMs: TRANSCODE_DEADLINE_MS, intervalMs: 500, what: `the audio of ${owner} to be transcoded` },
    );
  },
};
