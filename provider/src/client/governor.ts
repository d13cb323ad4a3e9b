import Bottleneck from "bottleneck";

/**
 * The rate governor of one token: a bottleneck reservoir of `ratePerMinute` requests per minute,
 * a shared pause that every request of the token waits for after a 429 (Retry-After) or when the
 * server's inin-ratelimit-* headers say the window's budget is spent. No busy waiting: a paused
 * request sleeps on one timer.
 */
export interface GovernorOptions {
  ratePerMinute: number;
  /** Requests in flight at once for this token. */
  maxConcurrent: number;
}

export class RateGovernor {
  private readonly limiter: Bottleneck;
  private pausedUntil = 0;
  private gate: Promise<void> | undefined;

  constructor(readonly options: GovernorOptions) {
    this.limiter = new Bottleneck({
      maxConcurrent: options.maxConcurrent,
      reservoir: options.ratePerMinute,
      reservoirRefreshAmount: options.ratePerMinute,
      reservoirRefreshInterval: 60_000,
    });
  }

  /** Runs `send` within the budget, after any pause in force. */
  schedule<T>(send: () => Promise<T>): Promise<T> {
    return this.limiter.schedule(async () => {
      await this.waitForPause();
      return send();
    });
  }

  /** Every request of this token waits `ms` from now (the longest pause asked for wins). */
  pauseFor(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    this.gate = new Promise((resolve) => setTimeout(resolve, ms).unref());
  }

  /** Reads the server's view of the window; when it says the budget is spent, pause until its reset. */
  observe(headers: Record<string, unknown>): void {
    const allowed = Number(headers["inin-ratelimit-allowed"]);
    const count = Number(headers["inin-ratelimit-count"]);
    const reset = Number(headers["inin-ratelimit-reset"]);
    if (Number.isFinite(allowed) && Number.isFinite(count) && Number.isFinite(reset) && count >= allowed) {
      this.pauseFor(Math.max(1, reset) * 1000);
    }
  }

  private async waitForPause(): Promise<void> {
    while (this.gate && Date.now() < this.pausedUntil) {
      await this.gate;
    }
  }

  async stop(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: true });
  }
}
