import {
  emulatorControl,
  startEmulator,
  type OrgInfo,
  type RunningEmulator,
  type StartEmulatorOptions,
} from "@genesys-clone/emulator";

/** A clock tests move by hand. */
export class ManualClock {
  constructor(public ms: number = Date.UTC(2025, 0, 1)) {}
  now(): number {
    return this.ms;
  }
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A JSON object from a reply (fails loudly otherwise), for terse field access in assertions. */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  return value as Json;
}

export function arr(value: unknown): Json[] {
  if (!Array.isArray(value)) throw new Error(`expected a JSON array, got ${JSON.stringify(value)}`);
  return value.map(obj);
}

async function toReply(res: Response): Promise<Reply> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
}

export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return toReply(await fetch(url, init));
}

export function org(emu: RunningEmulator, name: string): OrgInfo {
  const o = emu.orgs.find((x) => x.name === name);
  if (!o) throw new Error(`no org ${name}`);
  return o;
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

export async function grant(o: OrgInfo): Promise<string> {
  const r = await send(`${o.loginBaseUrl}/oauth/token`, {
    method: "POST",
    headers: { Authorization: basic(o.clientId, o.clientSecret), "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  if (r.status !== 200) throw new Error(`token grant failed: ${r.status} ${JSON.stringify(r.body)}`);
  return String(obj(r.body)["access_token"]);
}

/** An API call at an org's api base with a bearer token; `body` is JSON-encoded unless it is a string. */
export async function call(
  o: OrgInfo,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers["Authorization"] = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return send(`${o.apiBaseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A control API call, its reply as it came (the tests probe the control API's own errors too). */
export async function control(emu: RunningEmulator, method: string, path: string, body?: unknown): Promise<Reply> {
  return emulatorControl(emu).request(method, path, body);
}

/** Starts an emulator for one test body and always closes it. */
export async function withEmulator(
  opts: StartEmulatorOptions,
  fn: (emu: RunningEmulator) => Promise<void>,
): Promise<void> {
  const emu = await startEmulator({ port: 0, ...opts });
  try {
    await fn(emu);
  } finally {
    await emu.close();
  }
}

/** A started emulator plus a token for `source`, for the common case. */
export async function withSource(
  opts: StartEmulatorOptions,
  fn: (emu: RunningEmulator, source: OrgInfo, token: string) => Promise<void>,
): Promise<void> {
  await withEmulator(opts, async (emu) => {
    const source = org(emu, "source");
    await fn(emu, source, await grant(source));
  });
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts the ErrorBody envelope and returns it. */
export function errorOf(r: Reply): Json {
  const b = obj(r.body);
  for (const k of ["message", "code", "status", "contextId", "details", "errors"]) {
    if (!(k in b)) throw new Error(`ErrorBody lacks ${k}: ${JSON.stringify(b)}`);
  }
  if (b["status"] !== r.status) throw new Error(`ErrorBody status ${String(b["status"])} != HTTP ${r.status}`);
  if (b["contextId"] !== r.headers.get("inin-correlation-id")) throw new Error("contextId != ININ-Correlation-Id");
  return b;
}

/** The `entities` of a listing reply. */
export function entitiesOf(r: Reply): Json[] {
  if (r.status !== 200) throw new Error(`listing failed: ${r.status} ${JSON.stringify(r.body)}`);
  return arr(obj(r.body)["entities"]);
}

/** Division name -> id of an org. */
export async function divisionIds(o: OrgInfo, token: string): Promise<Record<string, string>> {
  const list = entitiesOf(await call(o, token, "GET", "/api/v2/authorization/divisions?pageSize=100"));
  return Object.fromEntries(list.map((d) => [String(d["name"]), String(d["id"])]));
}

/** Id of the one object a listing finds by exact name. */
export async function idByName(o: OrgInfo, token: string, listPath: string, name: string): Promise<string> {
  const sep = listPath.includes("?") ? "&" : "?";
  const hit = entitiesOf(
    await call(o, token, "GET", `${listPath}${sep}pageSize=100&name=${encodeURIComponent(name)}`),
  ).find((e) => e["name"] === name);
  if (!hit) throw new Error(`no ${name} at ${listPath}`);
  return String(hit["id"]);
}
