import { z } from "zod";
import { GenesysError, redact } from "./errors";
import { send, TokenSource } from "./http";

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

const tokenError = z
  .object({
    error: z.string().optional(),
    description: z.string().optional(),
    error_description: z.string().optional(),
  })
  .passthrough();

export interface ClientCredentialsOptions {
  loginBaseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** When to renew a token: a minute early, or at 90% of very short lifetimes. */
export function renewAt(now: number, lifetimeMs: number): number {
  return now + Math.max(lifetimeMs * 0.9, lifetimeMs - 60_000);
}

/**
 * One client-credentials grant: POST /oauth/token, retrying network failures, 5xx and the token
 * endpoint's own rate limit. Every POST mints a new token, with its own rate budget on the API.
 */
export async function mintToken(options: ClientCredentialsOptions): Promise<{ token: string; lifetimeMs: number }> {
  const { loginBaseUrl, clientId, clientSecret, timeoutMs } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const url = `${loginBaseUrl}/oauth/token`;
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await send({
        method: "POST",
        url,
        headers: {
          Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        data: "grant_type=client_credentials",
        timeoutMs,
      });
    } catch (err) {
      if (attempt < 3) {
        await sleep(500 * attempt);
        continue;
      }
      throw new GenesysError(
        "Network",
        `Cannot reach the Genesys Cloud login service at ${loginBaseUrl} (${(err as Error).message.split(": ").pop()}). ` +
          "Check genesyscloud:region, or genesyscloud:loginBaseUrl if you set it, and the network.",
        { code: (err as GenesysError).code },
      );
    }
    if (res.status === 200) {
      const body = tokenResponse.safeParse(res.data);
      if (!body.success) {
        throw new GenesysError(
          "MalformedResponse",
          `The login service at ${loginBaseUrl} answered without an access token: is genesyscloud:loginBaseUrl right?`,
        );
      }
      return { token: body.data.access_token, lifetimeMs: body.data.expires_in * 1000 };
    }
    const err = tokenError.safeParse(res.data);
    const description = err.success ? (err.data.error_description ?? err.data.description ?? err.data.error ?? "") : "";
    // The token endpoint reports its own rate limit as 400 "rate limit exceeded".
    if ((res.status === 429 || /rate limit exceeded/i.test(description) || res.status >= 500) && attempt < 5) {
      await sleep(Math.min(10_000, 1000 * 2 ** (attempt - 1)));
      continue;
    }
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      throw new GenesysError(
        "Auth",
        redact(
          `Genesys Cloud rejected the OAuth client credentials for client id ${clientId} at ${loginBaseUrl} ` +
            `(HTTP ${res.status}${err.success && err.data.error ? ` ${err.data.error}` : ""}). ` +
            "Check genesyscloud:oauthClientId and set the right secret with " +
            "`pulumi config set --secret genesyscloud:oauthClientSecret` (it prompts for the secret, or reads it from stdin) " +
            "(or GENESYSCLOUD_OAUTHCLIENT_ID / GENESYSCLOUD_OAUTHCLIENT_SECRET), and that the client uses the client-credentials grant in this region.",
          [clientSecret],
        ),
        { status: res.status, code: err.success ? err.data.error : undefined },
      );
    }
    throw new GenesysError(
      "Server",
      `The login service at ${loginBaseUrl} answered HTTP ${res.status}; try again later or check genesyscloud:loginBaseUrl.`,
      { status: res.status },
    );
  }
}

/**
 * OAuth client-credentials tokens for one (login base URL, client id): one token at a time, shared by
 * concurrent callers, renewed shortly before `expires_in` runs out (there is no refresh token for this grant).
 */
export class ClientCredentialsTokens implements TokenSource {
  private current: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private readonly now: () => number;
  /** How many tokens this source minted (reported by the benchmark). */
  grants = 0;

  constructor(private readonly options: ClientCredentialsOptions) {
    this.now = options.now ?? Date.now;
  }

  get secret(): string {
    return this.options.clientSecret;
  }

  async token(): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return this.current.token;
    this.pending ??= this.mint().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async mint(): Promise<string> {
    const minted = await mintToken(this.options);
    this.grants++;
    this.current = { token: minted.token, renewAt: renewAt(this.now(), minted.lifetimeMs) };
    return minted.token;
  }
}
