import { createHash } from "crypto";
import { z } from "zod";
import { ClientCredentialsTokens } from "./auth";
import { SharedTokens } from "./auth-shared";
import { type Budget, realClock, TokenBudget } from "./budget";
import { budgetKey, SharedBudget } from "./budget-shared";
import { RateGovernor } from "./governor";
import type { TokenSource } from "./http";
import { ApiRequest, HttpClient } from "./http";
import { listAll } from "./paging";
import { Endpoints, resolveEndpoints } from "./regions";
import { SharedStore } from "./redis-store";

export * from "./errors";
export { REGION_DOMAINS, resolveEndpoints, UnknownRegionError } from "./regions";
export type { Endpoints } from "./regions";
export { listAll, pageOf } from "./paging";
export { pollUntil } from "./poll";
export { TokenBudget, rateHeaders, realClock, type Budget, type Clock, type RateHeaders } from "./budget";
export { SharedBudget } from "./budget-shared";
export { SharedTokens } from "./auth-shared";
export { RateGovernor } from "./governor";
export { SharedStore } from "./redis-store";
export type { ApiRequest } from "./http";

/**
 * Five minutes: about what the official clients allow. The JS SDK does not retry at all; the Terraform
 * provider configures the Go SDK with 20 retries waiting 1-30 s each (provider/provider.go
 * RetryConfiguration), the CLI 20 retries of 5-60 s (retry/retry.go); Java and Go give up on a
 * Retry-After above 180 s.
 */
export const DEFAULT_RETRY_DEADLINE_MS = 300_000;

/** Where and as whom to call Genesys Cloud. */
export interface ClientSettings {
  region?: string;
  apiBaseUrl?: string;
  loginBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Requests per minute per token (the org's limit; default 300). */
  ratePerMinute?: number;
  /** Tokens minted for this client, each with its own budget (default 1). */
  tokenPoolSize?: number;
  maxConcurrent?: number;
  timeoutMs?: number;
  /** How long one request (or presigned transfer) keeps retrying transient failures (default 300 s). */
  retryDeadlineMs?: number;
  /** redis:// URL: share the token pool and its budgets with every process that uses the same Redis. */
  rateLimitRedisUrl?: string;
}

/** One org, one OAuth client: tokens, rate governor and retries. */
export class GenesysClient {
  readonly endpoints: Endpoints;
  /** The pool's first token source (the one preflight and the importer use first). */
  readonly tokens: TokenSource;
  readonly pool: (ClientCredentialsTokens | SharedTokens)[];
  readonly governor: RateGovernor<TokenSource>;
  readonly http: HttpClient;
  /** The Redis connection when the budget is shared. */
  readonly shared: SharedStore | undefined;

  constructor(readonly settings: ClientSettings) {
    this.endpoints = resolveEndpoints(settings);
    const timeoutMs = settings.timeoutMs ?? 30_000;
    const rate = settings.ratePerMinute ?? 300;
    const tokenOptions = {
      loginBaseUrl: this.endpoints.loginBaseUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      timeoutMs,
    };
    const size = Math.max(1, settings.tokenPoolSize ?? 1);
    const shared = settings.rateLimitRedisUrl ? new SharedStore(settings.rateLimitRedisUrl) : undefined;
    this.shared = shared;
    const members: { token: ClientCredentialsTokens | SharedTokens; budget: Budget }[] = Array.from(
      { length: size },
      (_, index) =>
        shared
          ? {
              token: new SharedTokens(shared, { ...tokenOptions, index }),
              budget: new SharedBudget(shared, budgetKey(this.endpoints.apiBaseUrl, settings.clientId, index), rate),
            }
          : { token: new ClientCredentialsTokens(tokenOptions), budget: new TokenBudget(rate, realClock) },
    );
    this.pool = members.map((m) => m.token);
    this.tokens = this.pool[0]!;
    this.governor = new RateGovernor<TokenSource>(members, settings.maxConcurrent ?? 20);
    this.http = new HttpClient(
      {
        apiBaseUrl: this.endpoints.apiBaseUrl,
        timeoutMs,
        retryDeadlineMs: settings.retryDeadlineMs ?? DEFAULT_RETRY_DEADLINE_MS,
      },
      this.governor,
    );
  }

  /** Closes the Redis connection, if any (it never holds the process open; tests close it to be tidy). */
  close(): void {
    this.shared?.close();
  }

  request<T>(req: ApiRequest<T>): Promise<T> {
    return this.http.request(req);
  }

  listAll<T extends z.ZodType>(
    path: string,
    entity: T,
    opts: { pageSize: number; query?: Record<string, string | number | boolean | undefined> },
  ): Promise<z.infer<T>[]> {
    return listAll(this.http, path, entity, opts);
  }
}

// The one deliberate cache: a client (and so a token and a budget) per (org endpoint, OAuth client).
// The secret and the Redis URL (which may hold a password) are part of the key only as a hash, so a rotated secret gets a fresh client.
const clients = new Map<string, GenesysClient>();

export function clientFor(settings: ClientSettings): GenesysClient {
  const endpoints = resolveEndpoints(settings);
  const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);
  const key = [
    endpoints.apiBaseUrl,
    endpoints.loginBaseUrl,
    settings.clientId,
    hash(settings.clientSecret),
    settings.ratePerMinute ?? "",
    settings.tokenPoolSize ?? 1,
    settings.timeoutMs ?? "",
    settings.retryDeadlineMs ?? "",
    settings.rateLimitRedisUrl ? hash(settings.rateLimitRedisUrl) : "",
  ].join("|");
  let client = clients.get(key);
  if (!client) {
    client = new GenesysClient(settings);
    clients.set(key, client);
  }
  return client;
}
