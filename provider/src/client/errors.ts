/**
 * Typed errors of the Genesys Cloud client. Messages are built from our own fields and the API's
 * error body only, never from request headers, so they cannot contain the client secret or a token;
 * `redact` is applied on top as a second guard.
 */
export type ErrorKind =
  | "NotFound"
  | "Conflict"
  | "Validation"
  | "Auth"
  | "Forbidden"
  | "RateLimited"
  | "Server"
  | "Network"
  | "MalformedResponse"
  | "Config";

export class GenesysError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      method?: string;
      path?: string;
      correlationId?: string;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = `Genesys${kind}Error`;
  }

  get status(): number | undefined {
    return this.details.status;
  }
  get code(): string | undefined {
    return this.details.code;
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof GenesysError && err.kind === "NotFound";
}

export function isConflict(err: unknown): boolean {
  return err instanceof GenesysError && err.kind === "Conflict";
}

/** The kind of error a status code stands for. */
export function kindForStatus(status: number): ErrorKind {
  if (status === 404 || status === 410) return "NotFound";
  if (status === 409) return "Conflict";
  if (status === 401) return "Auth";
  if (status === 403) return "Forbidden";
  if (status === 429) return "RateLimited";
  if (status >= 500) return "Server";
  return "Validation";
}

/** Replaces every occurrence of the given secrets with [redacted]. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  }
  return out;
}
