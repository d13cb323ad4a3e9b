import Bottleneck from "bottleneck";

/** Time, injectable so tests drive the governor with a fake clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref?.()),
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

/** The request budget of one token, kept in this process (TokenBudget) or shared through Redis (SharedBudget). */
export interface Budget {
  /** Resolves when this token may send one more request (counted against the budget). */
  acquire(): Promise<void>;
  /** The server's inin-ratelimit-* headers of a response sent with this token. */
  observe(h: RateHeaders): void;
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
 * Retry-After after a 429. Requests take budget in arrival order; a waiting request sleeps until
 * the window resets or the pause ends (one timer, no busy waiting).
 */
export class TokenBudget implements Budget {
  allowed: number;
  private used = 0;
  private windowEnd = 0;
  private pausedUntil = 0;
  private tail: Promise<void> = Promise.resolve();
  /** Requests this budget let through (the benchmark and tests read it). */
  sent = 0;

  constructor(
    ratePerMinute: number,
    private readonly clock: Clock = realClock,
    private windowMs = 60_000,
  ) {
    this.allowed = ratePerMinute;
  }

  /** Resolves when this token may send one more request (counted against the budget). */
  acquire(): Promise<void> {
    const turn = this.tail.then(() => this.take());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      if (now >= this.windowEnd) {
        this.windowEnd = now + this.windowMs;
        this.used = 0;
      }
      if (this.used < this.allowed) {
        this.used++;
        this.sent++;
        return;
      }
      // Wake at the window end, or sooner if the server's window turned out shorter (re-checked then).
      await this.clock.sleep(Math.min(this.windowEnd - now, this.windowMs));
    }
  }

  /** The server's view wins: its budget, how much of it is used, when its window ends. */
  observe(h: RateHeaders): void {
    if (h.allowed !== undefined && h.allowed > 0) this.allowed = h.allowed;
    // The first request of a server window sees the whole window in `reset`: that is its length.
    if (h.count === 1 && h.reset !== undefined && h.reset > 0) this.windowMs = h.reset * 1000;
    if (h.count !== undefined) this.used = Math.max(this.used, h.count);
    if (h.reset !== undefined && h.reset >= 0 && h.count !== undefined) this.windowEnd = this.clock.now() + h.reset * 1000;
  }

  /** After a 429: nothing more on this token until Retry-After has passed. */
  pause(ms: number): void {
    const until = this.clock.now() + ms;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    // The server's window is spent and resets when Retry-After says.
    this.used = Math.max(this.used, this.allowed);
    this.windowEnd = this.pausedUntil;
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

/**
 * The governor of one org and OAuth client: a pool of token budgets (each token has its own limit,
 * like the Terraform provider's token pool) and a bottleneck limiter on requests in flight.
 * Each request goes to the token that can send soonest, with the most budget left.
 */
export class RateGovernor<T = unknown> {
  private readonly inFlight: Bottleneck;

  constructor(
    readonly members: readonly { budget: Budget; token: T }[],
    maxConcurrent: number,
  ) {
    this.inFlight = new Bottleneck({ maxConcurrent });
  }

  /** The pool member the next request should use. */
  pick(): { budget: Budget; token: T } {
    let best = this.members[0]!;
    for (const m of this.members) {
      const [a, b] = [m.budget.availableAt(), best.budget.availableAt()];
      if (a < b || (a === b && m.budget.remaining() > best.budget.remaining())) best = m;
    }
    return best;
  }

  /** Runs `send` with a pool member once its budget allows, within the in-flight limit. */
  schedule<R>(send: (member: { budget: Budget; token: T }) => Promise<R>): Promise<R> {
    return this.inFlight.schedule(async () => {
      const member = this.pick();
      await member.budget.acquire();
      return send(member);
    });
  }

  async stop(): Promise<void> {
    await this.inFlight.stop({ dropWaitingJobs: true });
  }
}
