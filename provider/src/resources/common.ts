import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { GenesysClient, GenesysError, isConflict, isNotFound, pollUntil } from "../client";
import type { Models, SdkRead } from "../sdk";

/** What the engine sends for inputs that are not known yet during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type CheckFailure = { property: string; reason: string };

/** The provider-process side of a dynamic resource: what the serialized shim calls. */
export interface ResourceImpl<I = Record<string, unknown>, O = Record<string, unknown>> {
  check(olds: Partial<I>, news: I): Promise<pulumi.dynamic.CheckResult>;
  diff(id: string, olds: O, news: I): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: I): Promise<pulumi.dynamic.CreateResult>;
  read(id: string, props: O): Promise<pulumi.dynamic.ReadResult>;
  update(id: string, olds: O, news: I): Promise<pulumi.dynamic.UpdateResult>;
  delete(id: string, props: O): Promise<void>;
}

/** Inputs without the engine's bookkeeping (`__provider`) and with unknown values left out. */
export function userInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (k === "__provider" || v === UNKNOWN || v === undefined) continue;
    out[k] = v;
  }
  return out;
}

export function hasUnknown(inputs: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((k) => inputs[k] === UNKNOWN);
}

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
    .join(".")
    .replace(/\.\[/g, "[");
}

/** zod issues as check failures, one per property, each naming the object. */
export function failuresOf(label: string, error: z.ZodError): CheckFailure[] {
  const seen = new Set<string>();
  const failures: CheckFailure[] = [];
  for (const issue of error.issues) {
    const property = issue.path.length ? String(issue.path[0]) : "";
    if (seen.has(property)) continue;
    seen.add(property);
    const reason =
      issue.code === "unrecognized_keys"
        ? `${label}: unknown ${issue.keys.length > 1 ? "properties" : "property"} ${issue.keys.map((k) => `'${k}'`).join(", ")}: remove ${issue.keys.length > 1 ? "them" : "it"} from the stack code`
        : `${label}: ${issue.path.length > 1 && !issue.message.startsWith(dotted(issue.path)) ? `${dotted(issue.path)}: ` : ""}${issue.message}`;
    failures.push({ property, reason });
  }
  return failures;
}

/** A Genesys object name: what every in-scope type accepts. */
export function nameSchema(what: string, maxLength: number) {
  return z
    .string({ error: `${what} needs a name` })
    .refine((s) => s.trim().length > 0, { message: `${what} name must not be empty` })
    .refine((s) => s === s.trim(), {
      message: `${what} name must not start or end with spaces: trim it in the stack code`,
    })
    .refine((s) => s.length <= maxLength, {
      message: `${what} name is longer than the API's limit of ${maxLength} characters: shorten it in the stack code`,
    });
}

/** Validates inputs with the resource's schema; properties still unknown at preview are not judged. */
export function checkInputs(schema: z.ZodType, label: string, news: Record<string, unknown>): CheckFailure[] {
  const parsed = schema.safeParse(userInputs(news));
  if (parsed.success) return [];
  return failuresOf(label, parsed.error).filter((f) => news[f.property] !== UNKNOWN);
}

/** Fields most resources share: the division (by name; omitted = home) and the conflict policy. */
export const divisionField = z.string().min(1, "division must not be empty: omit it for the home division").optional();
export const onConflictField = z.enum(["fail", "adopt"], { error: 'onConflict must be "fail" or "adopt"' }).optional();

/**
 * Names as the API compares them: uniqueness is case-insensitive ("Sales" and "sales" are one name), so
 * conflict checks, adoption and lookups match names this way.
 */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** A `{id}` reference in an API body. */
export const WireRef = z.object({ id: z.string() });

/** The fields Architect's versioned objects (schedules, schedule groups) share on the wire. */
export const ArchitectWire = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  division: WireRef.extend({ name: z.string().optional() }).optional(),
  version: z.number().int(),
  state: z.string().optional(),
});
type _ArchitectWire = SdkRead<Models.Schedule & Models.ScheduleGroup, z.infer<typeof ArchitectWire>>;

/**
 * DELETE that waits while the object is still in use (409: e.g. a schedule group that is being
 * deleted still references it), up to a deadline; 404 means already gone.
 */
export async function removeWhenFree(c: GenesysClient, path: string, deadlineMs = 60_000): Promise<void> {
  await pollUntil(
    async () => {
      try {
        await c.request({ method: "DELETE", path });
        return true;
      } catch (err) {
        if (isNotFound(err)) return true;
        if (isConflict(err)) return undefined;
        throw err;
      }
    },
    { deadlineMs, intervalMs: 1000, what: `${path} to be free to delete (it is still in use)` },
  );
}

/** GET of one object; undefined when it is gone: 404, or soft-deleted (`state: "deleted"`, or what `gone` says). */
export async function getLive<T>(
  c: GenesysClient,
  path: string,
  schema: z.ZodType<T>,
  gone: (o: T) => boolean = (o) => (o as { state?: unknown }).state === "deleted",
  query?: Record<string, string>,
): Promise<T | undefined> {
  try {
    const o = await c.request({ method: "GET", path, query, schema });
    return gone(o) ? undefined : o;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** DELETE; an object that is already gone (404) counts as deleted. */
export async function deleteIfPresent(c: GenesysClient, path: string): Promise<void> {
  try {
    await c.request({ method: "DELETE", path });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/**
 * Whether a write failed because the version it sent is no longer current: 409, or 400 whose message says
 * "does not match the current version" (TF util/util_retries.go `IsVersionMismatch`).
 */
export function isVersionMismatch(err: unknown): boolean {
  if (!(err instanceof GenesysError)) return false;
  return err.status === 409 || (err.status === 400 && /does not match the current version/i.test(err.message));
}

/**
 * A versioned PUT: sent with the version read before, and when someone else changed the object in between,
 * once more with the version read again (Terraform re-reads and retries on a version mismatch:
 * architect_schedules `updateArchitectSchedules`). A second mismatch is a real concurrent edit: it fails.
 */
export async function putVersioned<T extends { version: number }>(
  c: GenesysClient,
  path: string,
  body: object,
  current: { version: number },
  schema: z.ZodType<T>,
): Promise<T> {
  try {
    return await c.request({ method: "PUT", path, body: { ...body, version: current.version }, schema });
  } catch (err) {
    if (!isVersionMismatch(err)) throw err;
    const fresh = await c.request({ method: "GET", path, schema });
    return c.request({ method: "PUT", path, body: { ...body, version: fresh.version }, schema });
  }
}
