import { startEmulator, type OrgInfo, type RunningEmulator } from "@genesys-clone/emulator";
import { configure } from "@genesys-clone/provider/dist/process";

/**
 * The provider tests' set-up: an emulator with the sample seed whose "target" org the provider process is
 * configured for, as `pulumi up` configures it from stack config (plus any `extra` settings).
 */
export async function startTarget(
  extra: Record<string, string> = {},
): Promise<{ emu: RunningEmulator; target: OrgInfo }> {
  const emu = await startEmulator({ seed: "sample" });
  const target = emu.orgs.find((o) => o.name === "target")!;
  const config: Record<string, string> = {
    "genesyscloud:region": target.region,
    "genesyscloud:apiBaseUrl": target.apiBaseUrl,
    "genesyscloud:loginBaseUrl": target.loginBaseUrl,
    "genesyscloud:oauthClientId": target.clientId,
    "genesyscloud:oauthClientSecret": target.clientSecret,
    ...extra,
  };
  configure((key) => config[key]);
  return { emu, target };
}

/** A raw API call to an org with a fresh token (to set up or inspect state as another tool would). */
export async function rawApi(
  org: OrgInfo,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const tok = await fetch(`${org.loginBaseUrl}/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${org.clientId}:${org.clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const token = ((await tok.json()) as { access_token: string }).access_token;
  const res = await fetch(`${org.apiBaseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** An inbound call flow template whose task holds `actions` (YAML lines at the actions' indentation). */
export const inboundFlowTemplate = (actions: string[]) =>
  [
    "inboundCall:",
    '  name: "{{name}}"',
    "  division: Home",
    "  defaultLanguage: en-us",
    "  startUpRef: ./tasks/task[main]",
    "  tasks:",
    "    - task:",
    "        name: Main",
    "        refId: main",
    "        actions:",
    ...actions.map((l) => `          ${l}`),
    "          - disconnect:",
    "              name: Disconnect",
    "",
  ].join("\n");
