import axios, { AxiosInstance } from "axios";
import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../sdk";
import { GenesysError, kindForStatus, redact } from "./errors";
import { rateHeaders, type RateGovernor } from "./governor";

/** The only place axios is called. */
export interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  data: unknown;
}

export interface RawRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  params?: Record<string, string | number | boolean | undefined>;
  data?: unknown;
  timeoutMs: number;
}

const transport: AxiosInstance = axios.create({
  validateStatus: () => true,
  // Genesys listings and error bodies are JSON; keep the raw text when they are not.
  transitional: { silentJSONParsing: true, forcedJSONParsing: true },
  maxRedirects: 0,
});

/** Sends one request. Network failures become GenesysError("Network") with no request details. */
export async function send(req: RawRequest): Promise<RawResponse> {
  try {
    const res = await transport.request({
      method: req.method,
      url: req.url,
      headers: req.headers,
      params: req.params,
      data: req.data,
      timeout: req.timeoutMs,
    });
    return { status: res.status, headers: res.headers as Record<string, unknown>, data: res.data };
  } catch (err) {
    const code = (err as { code?: string }).code ?? "ERR_NETWORK";
    const what = code === "ECONNABORTED" || code === "ETIMEDOUT" ? `no response within ${req.timeoutMs} ms` : code;
    throw new GenesysError("Network", `${req.method} ${new URL(req.url).origin}${new URL(req.url).pathname}: ${what}`, {
      method: req.method,
      path: new URL(req.url).pathname,
      code,
    });
  }
}

/** The Genesys ErrorBody, loosely: only what we show. */
const errorBody = z
  .object({
    message: z.string().optional(),
    code: z.string().optional(),
    status: z.number().optional(),
    contextId: z.string().optional(),
  })
  .passthrough();
type _ErrorBody = SdkRead<Models.ErrorBody, z.infer<typeof errorBody>>;

export interface ApiRequest<T> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Validates the response body; omitted for bodiless responses. */
  schema?: z.ZodType<T>;
}

export interface TokenSource {
  token(): Promise<string>;
  /** Drops a token the API rejected, so the next call mints a new one. */
  invalidate(token: string): void;
  readonly secret: string;
}

export interface HttpOptions {
  apiBaseUrl: string;
  timeoutMs: number;
  /** Attempts for 5xx and network failures. */
  maxAttempts: number;
  /** Attempts for 429s, which cost nothing on the server. */
  maxRateLimitedAttempts: number;
  /** Longest Retry-After we wait for before giving up (daily caps answer with hours). */
  maxRetryAfterSeconds: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface CallStats {
  calls: Map<string, number>;
  rateLimited: number;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function headerNumber(headers: Record<string, unknown>, name: string): number | undefined {
  const v = headers[name];
  const n = typeof v === "string" || typeof v === "number" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Calls the Platform API for one token: within the governor's budget, retrying 429 (after
 * Retry-After, pausing the whole token), 5xx except 501, 408 and network failures (exponential
 * backoff with jitter), and a 401 once with a fresh token. Every other status becomes a typed error.
 */
export class HttpClient {
  readonly stats: CallStats = { calls: new Map(), rateLimited: 0 };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly options: HttpOptions,
    private readonly governor: RateGovernor<TokenSource>,
  ) {
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  async request<T>(req: ApiRequest<T>): Promise<T> {
    let failures = 0;
    let rateLimited = 0;
    let reauthenticated = false;
    for (;;) {
      let token = "";
      let tokens: TokenSource | undefined;
      let res: RawResponse;
      let budget: { pause(ms: number): void; observe(h: ReturnType<typeof rateHeaders>, ticket?: number | void): void } | undefined;
      let ticket: number | void = undefined;
      try {
        res = await this.governor.schedule(async (member) => {
          tokens = member.token;
          budget = member.budget;
          ticket = member.ticket;
          token = await member.token.token();
          this.count(req.method);
          return send({
            method: req.method,
            url: this.options.apiBaseUrl + req.path,
            params: req.query,
            data: req.body,
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            timeoutMs: this.options.timeoutMs,
          });
        });
      } catch (err) {
        // Only the API request's own failures (they carry the method): the login service's were already
        // retried by the token source, and its message names its setting.
        if (err instanceof GenesysError && err.kind === "Network" && err.details.method) {
          if (++failures < this.options.maxAttempts) {
            await this.sleep(this.backoff(failures));
            continue;
          }
          err.message += `. No answer after ${failures} attempts: check genesyscloud:region, or genesyscloud:apiBaseUrl if you set it, and the network.`;
        }
        throw this.clean(err, token, tokens);
      }
      budget!.observe(rateHeaders(res.headers), ticket);
      if (res.status >= 200 && res.status < 300) return this.parse(req, res, token, tokens);

      // What to do when retrying did not help: the last sentence of the error.
      let gaveUp = "";
      if (res.status === 429) {
        this.stats.rateLimited++;
        const retryAfter = headerNumber(res.headers, "retry-after") ?? 3;
        if (++rateLimited < this.options.maxRateLimitedAttempts && retryAfter <= this.options.maxRetryAfterSeconds) {
          // The whole token waits, not just this request; the pool may send it with another token.
          budget!.pause(retryAfter * 1000);
          continue;
        }
        gaveUp =
          retryAfter > this.options.maxRetryAfterSeconds
            ? `The org asks to wait ${retryAfter} s (a daily or org-wide limit): run the command again later.`
            : `Still rate limited after ${rateLimited} attempts: other clients are using the org's budget; run the command again later, or lower genesyscloud:rateLimitPerMinute.`;
      } else if (res.status === 401 && !reauthenticated) {
        reauthenticated = true;
        tokens!.invalidate(token);
        continue;
      } else if (res.status === 401) {
        gaveUp =
          "A freshly minted token was rejected too: the OAuth client was revoked or lost its roles during the run. " +
          "Check the client in the target org (genesyscloud:oauthClientId, and `pulumi config set --secret genesyscloud:oauthClientSecret` if it was rotated), then run the command again.";
      } else if ((res.status >= 500 && res.status !== 501) || res.status === 408) {
        if (++failures < this.options.maxAttempts) {
          const retryAfter = headerNumber(res.headers, "retry-after");
          await this.sleep(retryAfter !== undefined ? retryAfter * 1000 : this.backoff(failures));
          continue;
        }
        gaveUp = `Still failing after ${failures} attempts: Genesys Cloud is having trouble; run the command again later (nothing is created twice).`;
      }
      throw this.clean(this.errorFrom(req, res, gaveUp), token, tokens);
    }
  }

  private count(method: string): void {
    this.stats.calls.set(method, (this.stats.calls.get(method) ?? 0) + 1);
  }

  private backoff(attempt: number): number {
    const base = Math.min(8_000, 250 * 2 ** attempt);
    return base / 2 + this.random() * (base / 2);
  }

  private parse<T>(req: ApiRequest<T>, res: RawResponse, token: string, tokens: TokenSource | undefined): T {
    if (!req.schema) return undefined as T;
    const parsed = req.schema.safeParse(res.data);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw this.clean(
      new GenesysError(
        "MalformedResponse",
        `${req.method} ${req.path} returned a body this tool does not understand (${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid"}). ` +
          "Check that genesyscloud:apiBaseUrl points at the Genesys Cloud Platform API.",
        { status: res.status, method: req.method, path: req.path },
      ),
      token,
      tokens,
    );
  }

  private errorFrom<T>(req: ApiRequest<T>, res: RawResponse, gaveUp = ""): GenesysError {
    const body = errorBody.safeParse(res.data);
    const code = body.success ? body.data.code : undefined;
    const apiMessage = body.success && body.data.message ? body.data.message : typeof res.data === "string" ? res.data.slice(0, 200) : "";
    const correlationId = (res.headers["inin-correlation-id"] as string | undefined) ?? (body.success ? body.data.contextId : undefined);
    const kind = kindForStatus(res.status);
    return new GenesysError(
      kind,
      `${req.method} ${req.path} failed: HTTP ${res.status}${code ? ` ${code}` : ""}${apiMessage ? `: ${apiMessage}` : ""}` +
        (correlationId ? ` (correlation id ${correlationId})` : "") +
        (gaveUp ? `. ${gaveUp}` : ""),
      {
        status: res.status,
        code,
        method: req.method,
        path: req.path,
        correlationId,
        retryAfterSeconds: headerNumber(res.headers, "retry-after"),
      },
    );
  }

  private clean(err: unknown, token: string, tokens: TokenSource | undefined): unknown {
    if (err instanceof Error) err.message = redact(err.message, [tokens?.secret, token]);
    return err;
  }
}
