import assert from "node:assert/strict";
import { test } from "node:test";
import { seal, sealingKey, sharedKey, unseal } from "@genesys-clone/provider/dist/client/seal";

const secret = "client-secret-4f9a7c";
const token = "token-abc123-very-secret";
const key = sharedKey("token", ["https://login.mypurecloud.ie/", "client-id", "0"]);

test("a sealed token opens with the same secret and key name, and shows nothing in the clear", () => {
  const sealed = seal(sealingKey(secret, "client-id"), token, key);
  assert.equal(unseal(sealingKey(secret, "client-id"), sealed, key), token);
  assert.match(sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  for (const clear of [token, secret, "client-id"]) assert.ok(!sealed.includes(clear), `${clear} in the sealed value`);
  assert.notEqual(seal(sealingKey(secret, "client-id"), token, key), sealed, "a fresh nonce each time");
});

test("unseal fails cleanly (undefined, no throw) whenever the value is not ours", () => {
  const sealed = seal(sealingKey(secret, "client-id"), token, key);
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
  const cases: { name: string; key: Buffer; value: string; context: string }[] = [
    { name: "rotated secret", key: sealingKey("another-secret", "client-id"), value: sealed, context: key },
    { name: "another OAuth client", key: sealingKey(secret, "other-client"), value: sealed, context: key },
    {
      name: "copied under another key",
      key: sealingKey(secret, "client-id"),
      value: sealed,
      context: sharedKey("token", ["x", "client-id", "1"]),
    },
    {
      name: "altered ciphertext",
      key: sealingKey(secret, "client-id"),
      value: flip(sealed, sealed.length - 2),
      context: key,
    },
    {
      name: "altered tag",
      key: sealingKey(secret, "client-id"),
      value: flip(sealed, sealed.indexOf(".", 3) + 2),
      context: key,
    },
    { name: "not a sealed value", key: sealingKey(secret, "client-id"), value: token, context: key },
    { name: "unknown version", key: sealingKey(secret, "client-id"), value: sealed.replace(/^v1/, "v2"), context: key },
    {
      name: "truncated",
      key: sealingKey(secret, "client-id"),
      value: sealed.split(".").slice(0, 3).join("."),
      context: key,
    },
  ];
  for (const c of cases) assert.equal(unseal(c.key, c.value, c.context), undefined, c.name);
});

test("shared key names are hashes: stable, distinct per part, with nothing readable in them", () => {
  const parts = ["https://api.mypurecloud.ie/", "client-id", "0"];
  assert.equal(sharedKey("budget", parts), sharedKey("budget", [...parts]));
  assert.match(sharedKey("budget", parts), /^genesys-clone:v1:budget:[0-9a-f]{32}$/);
  const variants = [
    sharedKey("token", parts),
    sharedKey("budget", ["https://api.mypurecloud.de/", "client-id", "0"]),
    sharedKey("budget", [parts[0]!, "other-client", "0"]),
    sharedKey("budget", [parts[0]!, "client-id", "1"]),
    // No ambiguity from joining: ["a|b", "c"] and ["a", "b|c"] differ.
    sharedKey("budget", ["a|b", "c"]),
    sharedKey("budget", ["a", "b|c"]),
  ];
  assert.equal(new Set([sharedKey("budget", parts), ...variants]).size, variants.length + 1);
  for (const k of variants) assert.ok(!k.includes("client") && !k.includes("purecloud"), k);
});

test("the sealing key is 32 bytes, fixed for one (secret, client id), different otherwise", () => {
  assert.equal(sealingKey(secret, "client-id").length, 32);
  assert.deepEqual(sealingKey(secret, "client-id"), sealingKey(secret, "client-id"));
  assert.notDeepEqual(sealingKey(secret, "client-id"), sealingKey(secret + "x", "client-id"));
  assert.notDeepEqual(sealingKey(secret, "client-id"), sealingKey(secret, "client-id2"));
});
