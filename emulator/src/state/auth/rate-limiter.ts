/** Fixed window per token (60 s unless the org's rateWindowSeconds says otherwise); it starts at the token's first request in it. */
export const RATE_WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  /** Budget of the window (`inin-ratelimit-allowed`). */
  limit: number;
  /** Requests counted in the window, including this one when allowed (`inin-ratelimit-count`). */
  count: number;
  /** Whole seconds until the window resets, at least 1 (`inin-ratelimit-reset`, `Retry-After`). */
  resetSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  private current(key: string, now: number, windowMs: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && now - w.start < windowMs) return w;
    return undefined;
  }

  private decision(
    allowed: boolean,
    limit: number,
    w: Window | undefined,
    now: number,
    windowMs: number,
  ): RateDecision {
    const remainingMs = w ? w.start + windowMs - now : windowMs;
    return { allowed, limit, count: w ? w.count : 0, resetSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
  }

  /** Counts one request against `key` if within budget. Rejected requests do not consume budget. */
  take(key: string, limit: number, now: number, windowMs: number = RATE_WINDOW_MS): RateDecision {
    let w = this.current(key, now, windowMs);
    if (!w) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= limit) return this.decision(false, limit, w, now, windowMs);
    w.count += 1;
    return this.decision(true, limit, w, now, windowMs);
  }

  /** The window state without counting anything (for responses that do not consume budget). */
  peek(key: string, limit: number, now: number, windowMs: number = RATE_WINDOW_MS): RateDecision {
    const w = this.current(key, now, windowMs);
    return this.decision(!w || w.count < limit, limit, w, now, windowMs);
  }

  forget(key: string): void {
    this.windows.delete(key);
  }

  clear(): void {
    this.windows.clear();
  }
}
