import { createHash } from "crypto";
import { z } from "zod";
import { ClientCredentialsTokens } from "./auth";
import { RateGovernor, realClock, TokenBudget } from "./governor";
import type { TokenSource } from "./http";
import { ApiRequest, HttpClient } from "./http";
import { listAll } from "./paging";
import { Endpoints, resolveEndpoints } from "./regions";

export * from "./errors";
export { REGION_DOMAINS, resolveEndpoints, UnknownRegionError } from "./regions";
export type { Endpoints } from "./regions";
export { listAll, pageOf } from "./paging";
export { pollUntil } from "./poll";
export { RateGovernor, TokenBudget, rateHeaders, realClock, type Clock } from "./governor";
export type { ApiRequest } from "./http";

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
}

/** One org, one OAuth client: tokens, rate governor and retries. */
export class GenesysClient {
  readonly endpoints: Endpoints;
  /** The pool's first token source (the one preflight and the importer use first). */
  readonly tokens: ClientCredentialsTokens;
  readonly pool: ClientCredentialsTokens[];
  readonly governor: RateGovernor<TokenSource>;
  readonly http: HttpClient;

  constructor(readonly settings: ClientSettings) {
    this.endpoints = resolveEndpoints(settings);
    const timeoutMs = settings.timeoutMs ?? 30_000;
    this.pool = Array.from(
      { length: Math.max(1, settings.tokenPoolSize ?? 1) },
      () =>
        new ClientCredentialsTokens({
          loginBaseUrl: this.endpoints.loginBaseUrl,
          clientId: settings.clientId,
          clientSecret: settings.clientSecret,
          timeoutMs,
        }),
    );
    this.tokens = this.pool[0]!;
    this.governor = new RateGovernor(
      this.pool.map((token) => ({ token: token as TokenSource, budget: new TokenBudget(settings.ratePerMinute ?? 300, realClock) })),
      settings.maxConcurrent ?? 20,
    );
    this.http = new HttpClient(
      {
        apiBaseUrl: this.endpoints.apiBaseUrl,
        timeoutMs,
        maxAttempts: 6,
        maxRateLimitedAttempts: 20,
        maxRetryAfterSeconds: 180,
      },
      this.governor,
    );
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
// The secret is part of the key only as a hash, so a rotated secret gets a fresh client.
const clients = new Map<string, GenesysClient>();

export function clientFor(settings: ClientSettings): GenesysClient {
  const endpoints = resolveEndpoints(settings);
  const secretHash = createHash("sha256").update(settings.clientSecret).digest("hex").slice(0, 16);
  const key = [endpoints.apiBaseUrl, endpoints.loginBaseUrl, settings.clientId, secretHash, settings.ratePerMinute ?? "", settings.tokenPoolSize ?? 1, settings.timeoutMs ?? ""].join("|");
  let client = clients.get(key);
  if (!client) {
    client = new GenesysClient(settings);
    clients.set(key, client);
  }
  return client;
}
