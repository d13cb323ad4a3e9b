import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A UUID (version-4 layout) derived from a seed string, so seeded orgs have stable ids across runs. */
export function uuidFromSeed(seed: string): string {
  const b = createHash("sha256").update(seed).digest();
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function newId(): string {
  return randomUUID();
}

/** Opaque bearer token: random, unguessable, carries no information. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** OAuth client secret: random per process start (never derived from a seed). */
export function newClientSecret(): string {
  return randomBytes(32).toString("base64url");
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
