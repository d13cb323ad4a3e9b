import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "crypto";

/**
 * What deployers share through Redis is named and sealed here, with no I/O: key names are hashes
 * (no URL, client id or secret in them), and a token is stored only encrypted with a key derived
 * from the client secret, so Redis never holds a usable token and a rotated secret cannot open
 * tokens stored under the old one.
 */

const VERSION = "v1";

/** A Redis key for one shared thing, e.g. ("token", [login origin, client id, pool index]). */
export function sharedKey(kind: "token" | "budget", parts: readonly string[]): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([kind, ...parts]))
    .digest("hex")
    .slice(0, 32);
  return `genesys-clone:${VERSION}:${kind}:${digest}`;
}

/** The AES-256 key for tokens of one OAuth client: HKDF-SHA256 of its secret. */
export function sealingKey(clientSecret: string, clientId: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", clientSecret, `genesys-clone/${clientId}`, `genesys-clone shared token ${VERSION}`, 32),
  );
}

/**
 * AES-256-GCM with a random 96-bit nonce; `context` (the Redis key) is authenticated too, so a value
 * copied under another key does not open. Result: `v1.<nonce>.<tag>.<ciphertext>`, base64url.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plaintext, or undefined when the value was sealed with another key or context, or altered. */
export function unseal(key: Buffer, sealed: string, context: string): string | undefined {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return undefined;
  const [nonce, tag, body] = parts.slice(1).map((p) => Buffer.from(p, "base64url"));
  if (nonce!.length !== 12 || tag!.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce!);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
