import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  SharedBudget,
  SharedStore,
  TokenBudget,
  type Budget,
  type Clock,
  type RateHeaders,
} from "@genesys-clone/provider/dist/client";
import { startRedis, type RunningRedis } from "../redis-server";

// The budget's rules as one table of event sequences, run against both budgets: the one kept in this
// process (TokenBudget) and the one shared through a real redis-server (SharedBudget's Lua scripts).
// Times are ms from the start of a case; every acquire names the time it must be granted at.

type Step =
  /** A request asks for budget now; it must be granted at `grantedAt` (the clock moves there). */
  | { acquire: string; grantedAt: number }
  /** Time passes with nothing waiting. */
  | { wait: number }
  /** The response to request `respond` arrives now, with these inin-ratelimit-* headers. */
  | { respond: string; headers: RateHeaders }
  /** A 429 to request `rateLimited` arrives now: its headers, then a pause of Retry-After (as the HTTP client does). */
  | { rateLimited: string; retryAfterMs: number; headers?: RateHeaders };

interface Case {
  name: string;
  ratePerMinute: number;
  windowMs: number;
  steps: Step[];
}

/** `n` requests one after another, each granted at the given time. */
const burst = (prefix: string, grantedAt: number[]): Step[] =>
  grantedAt.map((t, i) => ({ acquire: `${prefix}${i + 1}`, grantedAt: t }));
const spent = { allowed: 300, count: 300, reset: 60 };

export const CASES: Case[] = [
  {
    name: "a window's budget is granted at once, the rest when the window ends",
    ratePerMinute: 3,
    windowMs: 60_000,
    steps: burst("r", [0, 0, 0, 60_000, 60_000, 60_000, 120_000]),
  },
  {
    name: "a window opens at the first grant after the last one ended, not on a fixed grid",
    ratePerMinute: 2,
    windowMs: 1000,
    steps: [{ acquire: "a", grantedAt: 0 }, { wait: 1500 }, ...burst("b", [1500, 1500, 2500])],
  },
  {
    name: "a response without inin-ratelimit headers changes nothing",
    ratePerMinute: 2,
    windowMs: 60_000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { respond: "a", headers: {} },
      { acquire: "b", grantedAt: 0 },
      { acquire: "c", grantedAt: 60_000 },
    ],
  },
  {
    name: "inin-ratelimit-allowed lowers the budget",
    ratePerMinute: 5,
    windowMs: 1000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { respond: "a", headers: { allowed: 2, count: 1, reset: 1 } },
      ...burst("b", [0, 1000]),
    ],
  },
  {
    name: "inin-ratelimit-count spends what others used, and the window ends when reset says",
    ratePerMinute: 300,
    windowMs: 60_000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { respond: "a", headers: { allowed: 180, count: 179, reset: 10 } },
      ...burst("b", [0, 10_000]),
    ],
  },
  {
    name: "the response that opens the server's window (count 1) teaches the window's length",
    ratePerMinute: 2,
    windowMs: 60_000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { respond: "a", headers: { allowed: 2, count: 1, reset: 1 } },
      ...burst("b", [0, 1000, 1000, 2000]),
    ],
  },
  {
    name: "the window's end is timed from the response that opened it: later whole-second resets do not push it out",
    ratePerMinute: 20,
    windowMs: 1000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { wait: 40 }, // the server opened its 1 s window when `a` arrived, before t=40
      { respond: "a", headers: { allowed: 20, count: 1, reset: 1 } },
      ...burst("b", Array<number>(19).fill(40)),
      { wait: 300 },
      { respond: "b1", headers: { allowed: 20, count: 20, reset: 1 } }, // reset rounds 700 ms up to 1 s
      { acquire: "c", grantedAt: 1040 },
    ],
  },
  {
    name: "a reset that disagrees with the opened window's end by a second or more replaces it",
    ratePerMinute: 20,
    windowMs: 1000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { wait: 40 },
      { respond: "a", headers: { allowed: 20, count: 1, reset: 1 } },
      { wait: 300 },
      { respond: "a", headers: { allowed: 20, count: 20, reset: 2 } },
      { acquire: "c", grantedAt: 2340 },
    ],
  },
  {
    name: "a reset earlier than the opened window's end wins: the server's window ended sooner",
    ratePerMinute: 20,
    windowMs: 1000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { wait: 40 },
      { respond: "a", headers: { allowed: 20, count: 1, reset: 1 } },
      { wait: 300 },
      { respond: "a", headers: { allowed: 20, count: 20, reset: 0 } },
      { acquire: "c", grantedAt: 340 },
    ],
  },
  {
    name: "a late response to a request of an earlier window does not spend the current one",
    ratePerMinute: 20,
    windowMs: 1000,
    steps: [
      { acquire: "old", grantedAt: 0 },
      { wait: 1000 },
      { acquire: "current", grantedAt: 1000 },
      { respond: "old", headers: { allowed: 20, count: 20, reset: 1 } },
      { acquire: "next", grantedAt: 1000 },
    ],
  },
  {
    name: "a late response to a request of an earlier window does not move the current window's end or length",
    ratePerMinute: 2,
    windowMs: 1000,
    steps: [
      { acquire: "old", grantedAt: 0 },
      { wait: 1000 },
      { acquire: "current", grantedAt: 1000 },
      { respond: "old", headers: { allowed: 2, count: 1, reset: 5 } },
      ...burst("next", [1000, 2000, 2000, 3000]),
    ],
  },
  {
    name: "a 429 pauses the token for exactly Retry-After, not until the server's reset",
    ratePerMinute: 300,
    windowMs: 60_000,
    steps: [
      { acquire: "a", grantedAt: 0 },
      { rateLimited: "a", retryAfterMs: 2000, headers: spent },
      ...burst("b", [2000, 2000]),
    ],
  },
  {
    name: "a later response of the window a 429 ended does not stretch the pause",
    ratePerMinute: 300,
    windowMs: 60_000,
    steps: [
      ...burst("r", [0, 0]),
      { rateLimited: "r1", retryAfterMs: 2000, headers: spent },
      { wait: 10 },
      { respond: "r2", headers: spent }, // sent before the pause, answered after it began
      { acquire: "b", grantedAt: 2000 },
    ],
  },
  {
    name: "a response of the window a 429 ended, arriving after the pause, does not spend the next window",
    ratePerMinute: 300,
    windowMs: 60_000,
    steps: [
      ...burst("r", [0, 0]),
      { rateLimited: "r1", retryAfterMs: 2000, headers: spent },
      { wait: 2000 },
      { acquire: "b", grantedAt: 2000 },
      { respond: "r2", headers: spent },
      { acquire: "c", grantedAt: 2000 },
    ],
  },
  {
    name: "a second 429 lengthens the pause but never shortens it",
    ratePerMinute: 300,
    windowMs: 60_000,
    steps: [
      ...burst("r", [0, 0]),
      { rateLimited: "r1", retryAfterMs: 5000, headers: spent },
      { wait: 10 },
      { rateLimited: "r2", retryAfterMs: 2000, headers: spent },
      { acquire: "b", grantedAt: 5000 },
    ],
  },
];

/** A clock the runner moves by hand; it knows who sleeps until when, and says when someone starts to. */
class StepClock implements Clock {
  t = 1_000_000;
  private sleepers: { at: number; wake: () => void }[] = [];
  private onSleep: (() => void)[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number): Promise<void> {
    const slept = new Promise<void>((wake) => this.sleepers.push({ at: this.t + Math.max(0, ms), wake }));
    for (const f of this.onSleep.splice(0)) f();
    return slept;
  }
  /** Resolves the next time someone starts to sleep. */
  nextSleep(): Promise<"sleeping"> {
    return new Promise((resolve) => this.onSleep.push(() => resolve("sleeping")));
  }
  /** Moves to the earliest sleeper's wake time and wakes it; the time it woke at. */
  wakeNext(): number | undefined {
    this.sleepers.sort((a, b) => a.at - b.at);
    const next = this.sleepers.shift();
    if (!next) return undefined;
    this.t = Math.max(this.t, next.at);
    next.wake();
    return this.t;
  }
}

interface Subject {
  budget: Budget;
  /** Resolves when corrections (observe, pause) have taken effect. */
  flushed(): Promise<void>;
}

/** Runs one case; fails at the first step whose outcome differs, naming it. */
async function run(c: Case, make: (clock: Clock) => Subject): Promise<void> {
  const clock = new StepClock();
  const start = clock.t;
  const { budget, flushed } = make(clock);
  const tickets = new Map<string, number | void>();
  // Past this much time after a request's expected grant, it counts as still waiting.
  const patienceMs = 120_000;
  for (const [i, step] of c.steps.entries()) {
    const where = `step ${i + 1} ${JSON.stringify(step)}`;
    if ("acquire" in step) {
      const asked = clock.t - start;
      const granted = budget.acquire();
      let outcome: "granted" | "sleeping";
      for (;;) {
        outcome = await Promise.race([granted.then(() => "granted" as const), clock.nextSleep()]);
        if (outcome === "granted") break;
        const woke = clock.wakeNext()!;
        if (woke - start > step.grantedAt + patienceMs) break;
      }
      const at = clock.t - start;
      assert.ok(outcome === "granted", `${where}: asked at ${asked}, still waiting at ${at}`);
      assert.equal(at, step.grantedAt, `${where}: asked at ${asked}, granted at ${at}`);
      tickets.set(step.acquire, await granted);
    } else if ("wait" in step) {
      clock.t += step.wait;
    } else if ("respond" in step) {
      assert.ok(tickets.has(step.respond), `${where}: the case never sent ${step.respond}`);
      budget.observe(step.headers, tickets.get(step.respond));
      await flushed();
    } else {
      assert.ok(tickets.has(step.rateLimited), `${where}: the case never sent ${step.rateLimited}`);
      budget.observe(step.headers ?? {}, tickets.get(step.rateLimited));
      budget.pause(step.retryAfterMs);
      await flushed();
    }
  }
}

describe("the in-process budget (TokenBudget)", () => {
  for (const c of CASES) {
    test(c.name, () =>
      run(c, (clock) => ({
        budget: new TokenBudget(c.ratePerMinute, clock, c.windowMs),
        flushed: async () => undefined,
      })),
    );
  }
});

describe("the budget shared through Redis (SharedBudget)", () => {
  let redis: RunningRedis;
  let store: SharedStore;
  before(async () => {
    redis = await startRedis();
    store = new SharedStore(redis.url);
  });
  after(async () => {
    store.close();
    await redis.stop();
  });
  for (const [i, c] of CASES.entries()) {
    test(c.name, () =>
      run(c, (clock) => {
        const budget = new SharedBudget(store, `genesys-clone:v1:budget:rules-${i}`, c.ratePerMinute, {
          clock,
          windowMs: c.windowMs,
        });
        return { budget, flushed: () => budget.flushed() };
      }),
    );
  }
});
