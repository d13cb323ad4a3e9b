import assert from "node:assert/strict";
import { test } from "node:test";
import { findSecrets } from "../e2e/secret-scan";

// The scan the secrets tests rely on: it must find a leak in every form one would take.
const secret = { name: "the OAuth secret", value: "Demo+OAuth/Secret=42ab" };

test("findSecrets finds plaintext, base64 at any alignment (also inside Basic auth), URL- or form-encoded and JSON-escaped forms", () => {
  const cases: [string, string][] = [
    ["plaintext", `secret: ${secret.value}\n`],
    ["base64", `Authorization: Basic ${Buffer.from(`client-id:${secret.value}`).toString("base64")}`],
    ["base64", Buffer.from(`x${secret.value}`).toString("base64url")],
    ["base64", Buffer.from(`xy${secret.value}yz`).toString("base64")],
    ["URL-encoded", `client_secret=${encodeURIComponent(secret.value)}`],
    ["URL-encoded", new URLSearchParams({ client_secret: `${secret.value} ` }).toString()], // same as form encoding for this value
  ];
  for (const [form, text] of cases) {
    const found = findSecrets([{ where: "t", text }], [secret]);
    assert.ok(found.includes(`the OAuth secret (${form}) in t`), `${form} not found in ${text}: ${found.join("; ")}`);
  }
  const quoted = { name: "a password", value: 'Pass"word\\42' };
  assert.deepEqual(findSecrets([{ where: "state.json", text: JSON.stringify({ password: quoted.value }) }], [quoted]), [
    "a password (JSON-escaped) in state.json",
  ]);
});

test("findSecrets reports nothing for text without the secret, and refuses secrets too short to scan for", () => {
  assert.deepEqual(findSecrets([{ where: "t", text: "Demo+OAuth/Secret=42a, [secret], ********" }], [secret]), []);
  assert.throws(() => findSecrets([], [{ name: "short", value: "abc" }]), /too short/);
});
