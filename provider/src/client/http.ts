import axios, { AxiosInstance } from "axios";
import { z } from "zod";
import type { Models, SdkRead } from "../sdk";
import { GenesysError, kindForStatus, redact } from "./errors";
import { rateHeaders } from "./budget";
import type { RateGovernor } from "./governor";
import { logCall } from "./call-log";

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
  /** A presigned S3 URL: send no header beyond those given. */
  presigned?: boolean;
  /** The body as bytes (a prompt's audio), not parsed. */
  binary?: boolean;
}

const transport: AxiosInstance = axios.create({
  validateStatus: () => true,
  // Genesys listings and error bodies are JSON; keep the raw text when they are not.
  transitional: { silentJSONParsing: true, forcedJSONParsing: true },
  maxRedirects: 0,
});

/** Headers axios would add of its own: `false` keeps them out (and never overrides a given one, in any case). */
const AXIOS_DEFAULTS = ["Accept", "User-Agent", "Accept-Encoding", "Content-Type"];

/** Presigned S3 URLs get exactly the job's headers: none of axios's own (a signed header that differs fails the upload). */
function exactly(headers: Record<string, string>): Record<string, string | false> {
  const given = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
  const out: Record<string, string | false> = {};
  for (const h of AXIOS_DEFAULTS) if (!given.has(h.toLowerCase())) out[h] = false;
  return { ...out, ...headers };
}

/** Sends one request. Network failures become GenesysError("Network") with no request details. */
export async function send(req: RawRequest): Promise<RawResponse> {
  try {
    const res = await transport.request({
      method: req.method,
      url: req.url,
      headers: req.presigned ? exactly(req.headers ?? {}) : req.headers,
      params: req.params,
      data: req.data,
      timeout: req.timeoutMs,
      ...(req.binary ? { responseType: "arraybuffer" as const } : {}),
    });
    const data: unknown = req.binary && res.status < 300 ? Buffer.from(res.data as ArrayBuffer) : res.data;
    return { status: res.status, headers: res.headers as Record<string, unknown>, data };
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
  /**
   * How long one request keeps retrying transient failures (429 with Retry-After, 5xx except 501,
   * 408, resets, timeouts) before giving up: a time, not an attempt count, so a burst of faults is
   * absorbed however its attempts fall.
   */
  retryDeadlineMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** The transport (tests script the server's answers with it). */
  send?: (req: RawRequest) => Promise<RawResponse>;
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

/** A transient status: worth sending again (the official clients retry the same set). */
function isTransient(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501);
}

export const DEADLINE_SETTING = "genesyscloud:retryDeadlineSeconds";

/**
 * Network failures that mean "no such server here" (a wrong host or port), not a passing fault: tried a
 * few times, not until the deadline, so a wrong base URL fails in seconds.
 */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_INVALID_URL",
]);
const UNREACHABLE_ATTEMPTS = 3;

/** Whether a network failure is worth another attempt after `wait` ms. */
function retryable(err: GenesysError, attempts: Attempts, wait: number): boolean {
  return UNREACHABLE.has(err.code ?? "")
    ? attempts.count < UNREACHABLE_ATTEMPTS && attempts.fits(wait)
    : attempts.fits(wait);
}

/** What one request's retries went through, for the message when they run out. */
class Attempts {
  readonly started: number;
  count = 0;
  /** Attempts the server answered (with any status): then the network is not to blame. */
  answered = 0;
  /** Consecutive failures, for the backoff. */
  failures = 0;
  constructor(
    private readonly now: () => number,
    readonly deadline: number,
  ) {
    this.started = now();
  }
  /** Whether waiting `ms` and trying again still fits in the deadline. */
  fits(ms: number): boolean {
    return this.now() + ms <= this.deadline;
  }
  summary(): string {
    const seconds = Math.round((this.now() - this.started) / 100) / 10;
    return `${seconds} s, ${this.count} attempt${this.count === 1 ? "" : "s"}`;
  }
}

/**
 * Calls the Platform API for one token: within the governor's budget, retrying 429 (after
 * Retry-After, pausing the whole token), 5xx except 501, 408 and network failures (exponential
 * backoff with jitter) until the request's retry deadline, and a 401 once with a fresh token. Every
 * other status becomes a typed error.
 */
export class HttpClient {
  readonly stats: CallStats = { calls: new Map(), rateLimited: 0 };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly transport: (req: RawRequest) => Promise<RawResponse>;

  constructor(
    private readonly options: HttpOptions,
    private readonly governor: RateGovernor<TokenSource>,
  ) {
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.transport = options.send ?? send;
  }

  async request<T>(req: ApiRequest<T>): Promise<T> {
    const attempts = new Attempts(this.now, this.now() + this.options.retryDeadlineMs);
    let reauthenticated = false;
    for (;;) {
      let token = "";
      let tokens: TokenSource | undefined;
      let res: RawResponse;
      let budget:
        | { pause(ms: number): void; observe(h: ReturnType<typeof rateHeaders>, ticket?: number | void): void }
        | undefined;
      let ticket: number | void = undefined;
      try {
        res = await this.governor.schedule(async (member) => {
          tokens = member.token;
          budget = member.budget;
          ticket = member.ticket;
          token = await member.token.token();
          this.count(req.method);
          attempts.count++;
          return this.transport({
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
          logCall(0);
          const wait = this.backoff(++attempts.failures);
          if (retryable(err, attempts, wait)) {
            await this.sleep(wait);
            continue;
          }
          err.message += `. ${this.networkGaveUp(attempts)}`;
        }
        throw this.clean(err, token, tokens);
      }
      attempts.answered++;
      logCall(res.status);
      budget!.observe(rateHeaders(res.headers), ticket);
      if (res.status >= 200 && res.status < 300) return this.parse(req, res, token, tokens);

      // What to do when retrying did not help: the last sentence of the error.
      let gaveUp = "";
      if (res.status === 429) {
        this.stats.rateLimited++;
        const retryAfter = headerNumber(res.headers, "retry-after");
        // Retry-After 0 or absent: back off a little rather than hammer the org.
        const wait = retryAfter !== undefined && retryAfter > 0 ? retryAfter * 1000 : this.backoff(++attempts.failures);
        if (attempts.fits(wait)) {
          // The whole token waits, not just this request; the pool may send it with another token.
          budget!.pause(wait);
          continue;
        }
        gaveUp =
          wait > this.options.retryDeadlineMs
            ? `The org asks to wait ${retryAfter} s, longer than ${DEADLINE_SETTING} (${this.options.retryDeadlineMs / 1000} s) allows (a daily or org-wide limit): run the command again later.`
            : `Still rate limited after ${attempts.summary()}: other clients are using the org's budget; run the command again later, raise ${DEADLINE_SETTING}, or lower genesyscloud:rateLimitPerMinute.`;
      } else if (res.status === 401 && !reauthenticated) {
        reauthenticated = true;
        tokens!.invalidate(token);
        continue;
      } else if (res.status === 401) {
        gaveUp =
          "A freshly minted token was rejected too: the OAuth client was revoked or lost its roles during the run. " +
          "Check the client in the target org (genesyscloud:oauthClientId, and `pulumi config set --secret genesyscloud:oauthClientSecret` if it was rotated), then run the command again.";
      } else if (isTransient(res.status)) {
        const retryAfter = headerNumber(res.headers, "retry-after");
        const wait = retryAfter !== undefined && retryAfter > 0 ? retryAfter * 1000 : this.backoff(++attempts.failures);
        if (attempts.fits(wait)) {
          await this.sleep(wait);
          continue;
        }
        gaveUp = `Genesys Cloud kept failing for ${attempts.summary()} (${DEADLINE_SETTING}): it is having trouble; run the command again later (nothing is created twice).`;
      }
      throw this.clean(this.errorFrom(req, res, gaveUp), token, tokens);
    }
  }

  /**
   * A presigned upload or download of an Architect job (S3, outside the API: no token, no rate
   * budget): sends exactly the headers given, retrying what S3 answers when busy (5xx, 429, 408) and
   * dropped connections until the retry deadline. Other answers (403 expired, 409) go to the caller.
   * Messages name the URL without its query, which is the credential.
   */
  async transfer(req: {
    method: "GET" | "PUT" | "POST";
    url: string;
    headers?: Record<string, string>;
    /** Text is sent as UTF-8; bytes as they are (a multipart body). */
    data?: string | Buffer;
    /** The answer's body as a Buffer (audio), not text. */
    binary?: boolean;
    what: string;
  }): Promise<RawResponse> {
    const attempts = new Attempts(this.now, this.now() + this.options.retryDeadlineMs);
    const where = (() => {
      const u = new URL(req.url);
      return `${req.method} ${u.origin}${u.pathname}`;
    })();
    for (;;) {
      attempts.count++;
      let res: RawResponse;
      try {
        res = await this.transport({
          method: req.method,
          url: req.url,
          headers: req.headers ?? {},
          // A Buffer, so the transport adds no Content-Type of its own: the URL is signed for the job's headers.
          data:
            req.data === undefined
              ? undefined
              : typeof req.data === "string"
                ? Buffer.from(req.data, "utf8")
                : req.data,
          timeoutMs: Math.max(this.options.timeoutMs, 60_000),
          presigned: true,
          ...(req.binary ? { binary: true } : {}),
        });
      } catch (err) {
        if (!(err instanceof GenesysError && err.kind === "Network")) throw err;
        const wait = this.backoff(++attempts.failures);
        if (retryable(err, attempts, wait)) {
          await this.sleep(wait);
          continue;
        }
        throw new GenesysError(
          "Network",
          `${req.what} failed: ${err.message}. ${this.networkGaveUp(attempts)}`,
          err.details,
        );
      }
      attempts.answered++;
      if (!isTransient(res.status)) return res;
      const retryAfter = headerNumber(res.headers, "retry-after");
      const wait = retryAfter !== undefined && retryAfter > 0 ? retryAfter * 1000 : this.backoff(++attempts.failures);
      if (attempts.fits(wait)) {
        await this.sleep(wait);
        continue;
      }
      throw new GenesysError(
        "Server",
        `${req.what} failed: ${where} answered HTTP ${res.status} for ${attempts.summary()} (${DEADLINE_SETTING}): Genesys Cloud's file storage is having trouble; run the command again later (nothing is created twice).`,
        { status: res.status, method: req.method },
      );
    }
  }

  /** The last sentence when the last attempt got no answer: blame the network only if nothing ever answered. */
  private networkGaveUp(attempts: Attempts): string {
    return attempts.answered > 0
      ? `Gave up after ${attempts.summary()} (${DEADLINE_SETTING}); the server answered ${attempts.answered} of them with errors: Genesys Cloud is having trouble; run the command again later (nothing is created twice).`
      : `No answer in ${attempts.summary()} (${DEADLINE_SETTING}): check genesyscloud:region, or genesyscloud:apiBaseUrl if you set it, and the network.`;
  }

  private count(method: string): void {
    this.stats.calls.set(method, (this.stats.calls.get(method) ?? 0) + 1);
  }

  private backoff(attempt: number): number {
    const base = Math.min(10_000, 250 * 2 ** attempt);
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
    const apiMessage =
      body.success && body.data.message
        ? body.data.message
        : typeof res.data === "string"
          ? res.data.slice(0, 200)
          : "";
    const correlationId =
      (res.headers["inin-correlation-id"] as string | undefined) ?? (body.success ? body.data.contextId : undefined);
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
