import { ClientSettings, GenesysError, resolveEndpoints, UnknownRegionError } from "./client";

/** Stack configuration keys, with the environment variables Terraform-provider users already set as fallback. */
export const SETTINGS = {
  region: { key: "genesyscloud:region", env: "GENESYSCLOUD_REGION" },
  clientId: { key: "genesyscloud:oauthClientId", env: "GENESYSCLOUD_OAUTHCLIENT_ID" },
  clientSecret: { key: "genesyscloud:oauthClientSecret", env: "GENESYSCLOUD_OAUTHCLIENT_SECRET" },
  apiBaseUrl: { key: "genesyscloud:apiBaseUrl", env: "GENESYSCLOUD_API_BASE_URL" },
  loginBaseUrl: { key: "genesyscloud:loginBaseUrl", env: "GENESYSCLOUD_LOGIN_BASE_URL" },
  ratePerMinute: { key: "genesyscloud:rateLimitPerMinute", env: "GENESYSCLOUD_RATE_LIMIT_PER_MINUTE" },
  tokenPoolSize: { key: "genesyscloud:tokenPoolSize", env: "GENESYSCLOUD_TOKEN_POOL_SIZE" },
  timeoutSeconds: { key: "genesyscloud:timeoutSeconds", env: "GENESYSCLOUD_TIMEOUT_SECONDS" },
  retryDeadlineSeconds: { key: "genesyscloud:retryDeadlineSeconds", env: "GENESYSCLOUD_RETRY_DEADLINE_SECONDS" },
  rateLimitRedisUrl: { key: "genesyscloud:rateLimitRedisUrl", env: "GENESYSCLOUD_RATE_LIMIT_REDIS_URL" },
} as const;

/** Settings of this tool (not of the Genesys provider) that the provider process reads. */
export const STACK_SETTINGS = {
  onConflict: { key: "genesys-clone:onConflict", env: "GENESYS_CLONE_ON_CONFLICT" },
} as const;

export type ConfigGetter = (key: string) => string | undefined;

/**
 * Set to 1 by `genesys-clone rehearse` for the `up` it runs against a private copy of the target org: the
 * provider's settings (genesyscloud:*) then come from the GENESYSCLOUD_* environment only, so that run reaches
 * the copy with the stack's own config and transforms, without the stack's config file being edited.
 */
export const REHEARSAL_ENV = "GENESYS_CLONE_REHEARSAL";

/** Where a rehearsal keeps the create journal, away from the project's `.genesys-clone/journal`. */
export const JOURNAL_DIR_ENV = "GENESYS_CLONE_JOURNAL_DIR";

/** The settings a deployment uses: the stack config, unless a rehearsal overrides the target (see REHEARSAL_ENV). */
export function deployConfig(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): ConfigGetter {
  if (env[REHEARSAL_ENV] !== "1") return get;
  const targetKeys = new Set<string>(Object.values(SETTINGS).map((s) => s.key));
  return (key) => (targetKeys.has(key) ? undefined : get(key));
}

function configError(message: string): GenesysError {
  return new GenesysError("Config", message);
}

function checkUrl(name: string, value: string | undefined): void {
  if (value === undefined) return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw configError(
      `${name} '${value}' is not an http(s) URL: set it to e.g. https://api.mypurecloud.ie, or remove it and set genesyscloud:region.`,
    );
  }
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Client settings from stack config (`get`) with the environment as fallback. Throws one
 * GenesysError("Config") that names the missing or wrong setting and the command that fixes it.
 */
export function resolveSettings(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): ClientSettings {
  const value = (s: { key: string; env: string }) => {
    const v = get(s.key) ?? env[s.env];
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  };
  const region = value(SETTINGS.region);
  const apiBaseUrl = value(SETTINGS.apiBaseUrl);
  const loginBaseUrl = value(SETTINGS.loginBaseUrl);
  const clientId = value(SETTINGS.clientId);
  const clientSecret = get(SETTINGS.clientSecret.key) ?? env[SETTINGS.clientSecret.env];
  const rate = value(SETTINGS.ratePerMinute);

  checkUrl(SETTINGS.apiBaseUrl.key, apiBaseUrl);
  checkUrl(SETTINGS.loginBaseUrl.key, loginBaseUrl);
  try {
    resolveEndpoints({ region, apiBaseUrl, loginBaseUrl });
  } catch (err) {
    if (err instanceof UnknownRegionError) throw configError(err.message);
    throw configError((err as Error).message);
  }
  if (!clientId) {
    throw configError(
      "Missing OAuth client id: run `pulumi config set genesyscloud:oauthClientId <client id>` (or set GENESYSCLOUD_OAUTHCLIENT_ID).",
    );
  }
  if (!clientSecret) {
    throw configError(
      "Missing OAuth client secret: run `pulumi config set --secret genesyscloud:oauthClientSecret` (it prompts for the secret, or reads it from stdin) " +
        "(or set GENESYSCLOUD_OAUTHCLIENT_SECRET).",
    );
  }
  let ratePerMinute: number | undefined;
  if (rate !== undefined) {
    ratePerMinute = Number(rate);
    if (!Number.isInteger(ratePerMinute) || ratePerMinute < 1) {
      throw configError(
        `${SETTINGS.ratePerMinute.key} '${rate}' must be a whole number of requests per minute, e.g. 300.`,
      );
    }
  }
  const pool = value(SETTINGS.tokenPoolSize);
  let tokenPoolSize: number | undefined;
  if (pool !== undefined) {
    tokenPoolSize = Number(pool);
    if (!Number.isInteger(tokenPoolSize) || tokenPoolSize < 1 || tokenPoolSize > 50) {
      throw configError(
        `${SETTINGS.tokenPoolSize.key} '${pool}' must be a whole number from 1 to 50 (tokens minted per OAuth client).`,
      );
    }
  }
  const timeout = value(SETTINGS.timeoutSeconds);
  let timeoutMs: number | undefined;
  if (timeout !== undefined) {
    timeoutMs = Number(timeout) * 1000;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 1000)
      throw configError(
        `${SETTINGS.timeoutSeconds.key} '${timeout}' must be a number of seconds, at least 1 (default 30).`,
      );
  }
  const deadline = value(SETTINGS.retryDeadlineSeconds);
  let retryDeadlineMs: number | undefined;
  if (deadline !== undefined) {
    retryDeadlineMs = Number(deadline) * 1000;
    if (!Number.isFinite(retryDeadlineMs) || retryDeadlineMs < 1000) {
      throw configError(
        `${SETTINGS.retryDeadlineSeconds.key} '${deadline}' must be a number of seconds, at least 1 (default 300): how long one request keeps retrying.`,
      );
    }
  }
  const rateLimitRedisUrl = value(SETTINGS.rateLimitRedisUrl);
  if (rateLimitRedisUrl !== undefined && !isRedisUrl(rateLimitRedisUrl)) {
    // Not echoed: the URL may hold a password.
    throw configError(
      `${SETTINGS.rateLimitRedisUrl.key} (or ${SETTINGS.rateLimitRedisUrl.env}) is not a redis:// or rediss:// URL: ` +
        "set it to e.g. redis://localhost:6379 to share the rate budget between deployers, or unset it.",
    );
  }
  return {
    region,
    apiBaseUrl,
    loginBaseUrl,
    clientId,
    clientSecret,
    ratePerMinute,
    tokenPoolSize,
    timeoutMs,
    retryDeadlineMs,
    rateLimitRedisUrl,
  };
}

/** The stack config the engine hands to a process in PULUMI_CONFIG (JSON), for when `configure` was not called. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ConfigGetter {
  let parsed: Record<string, string> = {};
  try {
    parsed = JSON.parse(env.PULUMI_CONFIG ?? "{}") as Record<string, string>;
  } catch {
    parsed = {};
  }
  return (key) => parsed[key];
}
