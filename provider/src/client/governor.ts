import Bottleneck from "bottleneck";
import type { Budget } from "./budget";

/**
 * The governor of one org and OAuth client: a pool of token budgets (each token has its own limit,
 * like the Terraform provider's token pool) and a bottleneck limiter on requests in flight.
 * Each request goes to the token that can send soonest, with the most budget left.
 */
export class RateGovernor<T = unknown> {
  private readonly inFlight: Bottleneck;

  constructor(
    readonly members: readonly { budget: Budget; token: T }[],
    private readonly maxConcurrent: number,
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
  schedule<R>(send: (member: { budget: Budget; token: T; ticket: number | void }) => Promise<R>): Promise<R> {
    return this.inFlight.schedule(async () => {
      const member = this.pick();
      const ticket = await member.budget.acquire();
      return send({ ...member, ticket });
    });
  }

  /**
   * True while the in-flight limiter is handing a request a slot: bottleneck does that on timers of its
   * own, so a test on a fake clock must let them run before it moves the clock.
   */
  settling(): boolean {
    const c = this.inFlight.counts();
    return c.RECEIVED + c.RUNNING > 0 || (c.QUEUED > 0 && c.EXECUTING < this.maxConcurrent);
  }

  async stop(): Promise<void> {
    await this.inFlight.stop({ dropWaitingJobs: true });
  }
}
