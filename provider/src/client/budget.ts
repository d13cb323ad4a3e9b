/** Time, injectable so tests drive the governor with a fake clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  // Not unref()ed: a request waiting for budget is work in progress. An unref()ed timer let a CLI run whose only
  // pending work was that wait (import, verify) end with exit code 0 half-way, writing nothing.
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface RateHeaders {
  allowed?: number;
  count?: number;
  /** Seconds until the server's window resets. */
  reset?: number;
}

export function rateHeaders(headers: Record<string, unknown>): RateHeaders {
  const n = (name: string) => {
    const v = Number(headers[name]);
    return headers[name] !== undefined && Number.isFinite(v) ? v : undefined;
  };
  return { allowed: n("inin-ratelimit-allowed"), count: n("inin-ratelimit-count"), reset: n("inin-ratelimit-reset") };
}

/** The request budget of one token, kept in this process (TokenBudget) or shared through Redis (SharedBudget, budget-shared.ts). */
export interface Budget {
  /**
   * Resolves when this token may send one more request (counted against the budget), with a ticket
   * naming the window the request was counted in, for `observe`.
   */
  acquire(): Promise<number | void>;
  /** The server's inin-ratelimit-* headers of a response to a request sent with `ticket`. */
  observe(h: RateHeaders, ticket?: number | void): void;
  /** After a 429: nothing more on this token until `ms` have passed. */
  pause(ms: number): void;
  /** What is left of the current window, as far as this process knows (0 while paused). */
  remaining(): number;
  /** When this token can next send, as far as this process knows. */
  availableAt(): number;
  /** Requests this budget let through in this process. */
  readonly sent: number;
}

/**
 * The request budget of one token: `allowed` requests per window (60 s; 300 by default for
 * client-credentials tokens), corrected by the server's inin-ratelimit-* headers, and paused for
 * Retry-After after a 429. Requests take budget in arrival order: at once while budget is left and
 * nobody waits (so the pool sees the change before its next pick), else behind the waiting ones,
 * sleeping until the window resets or the pause ends (one timer, no busy waiting).
 *
 * The window's end: `inin-ratelimit-reset` counts whole seconds, rounded up, which would put the
 * end up to a second late every window (half the budget lost with 1-second windows). The response
 * that opens a server window (count 1) gives the end to within one round trip, never early: the
 * server started the window before it answered. Later responses keep that end while their reset
 * agrees with it to the second, and replace it when not. A 429 ends the window at Retry-After: the
 * window's other responses no longer move its end. SharedBudget (budget-shared.ts) keeps the same
 * rules in Redis; test/provider/budget-rules runs one table of cases against both.
 */
export class TokenBudget implements Budget {
  allowed: number;
  private used = 0;
  private windowEnd = 0;
  /** The current window's end was set by the response that opened the server's window. */
  private anchored = false;
  /** Counts local windows: a response to a request of an earlier window says nothing of this one. */
  private window = 0;
  private pausedUntil = 0;
  /** The window a 429 ended: its end is Retry-After's, whatever its other responses say. */
  private pausedWindow = -1;
  private waiting = 0;
  private tail: Promise<unknown> = Promise.resolve();
  /** Requests this budget let through (the benchmark and tests read it). */
  sent = 0;

  constructor(
    ratePerMinute: number,
    private readonly clock: Clock = realClock,
    private windowMs = 60_000,
  ) {
    this.allowed = ratePerMinute;
  }

  acquire(): Promise<number> {
    if (this.waiting === 0) {
      const ticket = this.tryTake();
      if (ticket !== undefined) return Promise.resolve(ticket);
    }
    this.waiting++;
    const turn = this.tail.then(() => this.take()).finally(() => this.waiting--);
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Takes one request's budget now if there is any: the ticket of its window, else undefined. */
  private tryTake(): number | undefined {
    const now = this.clock.now();
    if (now < this.pausedUntil) return undefined;
    if (now >= this.windowEnd) {
      this.windowEnd = now + this.windowMs;
      this.anchored = false;
      this.used = 0;
      this.window++;
    }
    if (this.used >= this.allowed) return undefined;
    this.used++;
    this.sent++;
    return this.window;
  }

  private async take(): Promise<number> {
    for (;;) {
      const ticket = this.tryTake();
      if (ticket !== undefined) return ticket;
      // Wake when the pause ends or the window resets, or sooner if the server's window turned out shorter.
      const now = this.clock.now();
      await this.clock.sleep(
        now < this.pausedUntil ? this.pausedUntil - now : Math.min(this.windowEnd - now, this.windowMs),
      );
    }
  }

  /** The server's view wins: its budget, how much of it is used, when its window ends. */
  observe(h: RateHeaders, ticket?: number | void): void {
    if (h.allowed !== undefined && h.allowed > 0) this.allowed = h.allowed;
    if (typeof ticket === "number" && ticket !== this.window) return;
    // A 429 marked this window spent until Retry-After: a later response of the same window (sent
    // before the pause) must not move its end out to the server's inin-ratelimit-reset (up to 60 s),
    // which would stall the token far beyond Retry-After with its budget marked spent.
    if (this.pausedWindow === this.window) return;
    const now = this.clock.now();
    if (h.count === 1 && h.reset !== undefined && h.reset > 0) {
      // The first request of a server window sees the whole window in `reset`: that is its length.
      this.windowMs = h.reset * 1000;
      this.windowEnd = now + this.windowMs;
      this.anchored = true;
    } else if (h.count !== undefined && h.reset !== undefined && h.reset >= 0) {
      const latest = now + h.reset * 1000;
      if (!(this.anchored && this.windowEnd > latest - 1000 && this.windowEnd <= latest)) {
        this.windowEnd = latest;
        this.anchored = false;
      }
    }
    if (h.count !== undefined) this.used = Math.max(this.used, h.count);
  }

  /** After a 429: nothing more on this token until Retry-After has passed. */
  pause(ms: number): void {
    const until = this.clock.now() + ms;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    // The server's window is spent and resets when Retry-After says.
    this.used = Math.max(this.used, this.allowed);
    this.windowEnd = this.pausedUntil;
    this.pausedWindow = this.window;
  }

  /** What is left of the current window (0 while paused). */
  remaining(): number {
    const now = this.clock.now();
    if (now < this.pausedUntil) return 0;
    return now >= this.windowEnd ? this.allowed : Math.max(0, this.allowed - this.used);
  }

  /** When this token can next send. */
  availableAt(): number {
    const now = this.clock.now();
    if (now < this.pausedUntil) return this.pausedUntil;
    return this.remaining() > 0 ? now : this.windowEnd;
  }
}
