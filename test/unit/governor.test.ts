import assert from "node:assert/strict";
import { test } from "node:test";
import { TokenBudget, type Clock } from "@genesys-clone/provider/dist/client/budget";
import { RateGovernor } from "@genesys-clone/provider/dist/client/governor";
import {
  HttpClient,
  type RawRequest,
  type RawResponse,
  type TokenSource,
} from "@genesys-clone/provider/dist/client/http";

/** A clock tests move by hand; sleepers wake in time order when it advances. */
class FakeClock implements Clock {
  t = 0;
  private sleepers: { at: number; wake: () => void }[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.t + Math.max(0, ms), wake }));
  }
  /** Moves time forward, waking sleepers in order and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers[0];
      if (!next || next.at > end) break;
      this.sleepers.shift();
      this.t = next.at;
      next.wake();
    }
    this.t = end;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Starts n acquisitions and records the clock time at which each was granted. */
function requests(budget: TokenBudget, clock: FakeClock, n: number): number[] {
  const granted: number[] = [];
  for (let i = 0; i < n; i++) void budget.acquire().then(() => granted.push(clock.now()));
  return granted;
}

test("no request is sent above budget: the rest wait for the window to reset", async () => {
  const clock = new FakeClock();
  const budget = new TokenBudget(5, clock, 60_000);
  const granted = requests(budget, clock, 12);
  await clock.advance(0);
  assert.deepEqual(granted, [0, 0, 0, 0, 0]);
  await clock.advance(59_999);
  assert.equal(granted.length, 5, "nothing more before the window ends");
  await clock.advance(1);
  assert.deepEqual(granted.slice(5), [60_000, 60_000, 60_000, 60_000, 60_000]);
  await clock.advance(60_000);
  assert.deepEqual(granted.slice(10), [120_000, 120_000]);
  assert.equal(budget.sent, 12);
});

test("Retry-After pauses the whole token, not only the request that got the 429", async () => {
  const clock = new FakeClock();
  const budget = new TokenBudget(300, clock);
  await budget.acquire();
  budget.pause(42_000);
  const granted = requests(budget, clock, 3);
  await clock.advance(41_999);
  assert.deepEqual(granted, []);
  await clock.advance(1);
  assert.deepEqual(granted, [42_000, 42_000, 42_000]);
});

test("inin-ratelimit headers correct the budget: a smaller allowance and a spent window", async () => {
  const clock = new FakeClock();
  const budget = new TokenBudget(300, clock);
  await budget.acquire();
  // The server says: 180 allowed, 179 used (other processes share this token), resets in 10 s.
  budget.observe({ allowed: 180, count: 179, reset: 10 });
  assert.equal(budget.remaining(), 1);
  const granted = requests(budget, clock, 3);
  await clock.advance(0);
  assert.deepEqual(granted, [0]);
  await clock.advance(10_000);
  assert.deepEqual(granted, [0, 10_000, 10_000], "the window ends when the server says");
  assert.equal(budget.allowed, 180);
});

test("a token pool spreads requests over its tokens, each within its own budget", async () => {
  const clock = new FakeClock();
  const members = ["a", "b", "c"].map((token) => ({ token, budget: new TokenBudget(4, clock) }));
  const governor = new RateGovernor(members, 100);
  const used: string[] = [];
  const done = Array.from({ length: 12 }, () => governor.schedule(async (m) => void used.push(m.token)));
  await Promise.all(done);
  assert.equal(used.length, 12);
  for (const t of ["a", "b", "c"]) assert.equal(used.filter((u) => u === t).length, 4, `token ${t}`);
  assert.ok(members.every((m) => m.budget.remaining() === 0));
  await governor.stop();
});

test("a paused token is avoided while another has budget", async () => {
  const clock = new FakeClock();
  const members = ["a", "b"].map((token) => ({ token, budget: new TokenBudget(10, clock) }));
  members[0]!.budget.pause(30_000);
  const governor = new RateGovernor(members, 10);
  const used: string[] = [];
  await Promise.all(Array.from({ length: 5 }, () => governor.schedule(async (m) => void used.push(m.token))));
  assert.deepEqual(used, ["b", "b", "b", "b", "b"]);
  await governor.stop();
});

test("the response that opens the server's window sets its end to the round trip, not to reset's whole seconds", async () => {
  const clock = new FakeClock();
  const budget = new TokenBudget(20, clock, 1000);
  const first = await budget.acquire();
  await clock.advance(40); // the server opened its 1 s window when this request arrived, before t=40
  budget.observe({ allowed: 20, count: 1, reset: 1 }, first);
  const granted = requests(budget, clock, 25);
  await clock.advance(300);
  // Later responses of the window round the rest up to a whole second (reset 1 at t=340): the end stays at 1040.
  budget.observe({ allowed: 20, count: 20, reset: 1 }, first);
  assert.equal(granted.length, 19, "the rest of the window's budget at once");
  await clock.advance(700);
  assert.deepEqual(granted.slice(19), [1040, 1040, 1040, 1040, 1040, 1040], "the next window at 1040 ms, not at 1340");
});

test("a response to a request of an earlier window does not spend the current one", async () => {
  const clock = new FakeClock();
  const budget = new TokenBudget(20, clock, 1000);
  const old = await budget.acquire();
  await clock.advance(1000);
  const current = await budget.acquire();
  assert.notEqual(old, current);
  budget.observe({ allowed: 20, count: 20, reset: 1 }, old); // answered late, counted in the old window
  assert.equal(budget.remaining(), 19);
  budget.observe({ allowed: 20, count: 2, reset: 1 }, current);
  assert.equal(budget.remaining(), 18);
});

test("a pool spreads a burst over its tokens: nobody waits while any token has budget", async () => {
  const clock = new FakeClock();
  const members = ["a", "b", "c", "d"].map((token) => ({ token, budget: new TokenBudget(5, clock, 60_000) }));
  const governor = new RateGovernor(members, 50);
  const used: string[] = [];
  await Promise.all(Array.from({ length: 20 }, () => governor.schedule(async (m) => void used.push(m.token))));
  assert.equal(clock.now(), 0, "20 requests within 4 x 5 budget: nobody waited");
  assert.deepEqual(
    ["a", "b", "c", "d"].map((t) => used.filter((u) => u === t).length),
    [5, 5, 5, 5],
  );
});

test("a response of the window a 429 ended does not move its end out to inin-ratelimit-reset", async () => {
  const clock = new FakeClock();
  const budget = new TokenBudget(300, clock);
  const [a, b] = [await budget.acquire(), await budget.acquire()];
  budget.observe({ allowed: 300, count: 300, reset: 60 }, a);
  budget.pause(2000); // a's 429: Retry-After 2
  await clock.advance(10);
  budget.observe({ allowed: 300, count: 300, reset: 60 }, b); // b's 503 or 200, sent before the pause
  assert.equal(budget.availableAt(), 2000, "the pause ends at Retry-After");
  const granted = requests(budget, clock, 2);
  await clock.advance(1990);
  assert.deepEqual(granted, [2000, 2000], "budget again once Retry-After has passed, not at 60 s");
});

/** Runs `work` on the fake clock, advancing it in small steps until it settles; returns the clock time it took. */
async function onClock<T>(
  clock: FakeClock,
  governor: RateGovernor<unknown>,
  work: Promise<T>,
  limitMs = 300_000,
): Promise<{ value: T; ms: number }> {
  const start = clock.now();
  let settled: { value: T } | { error: unknown } | undefined;
  work.then(
    (value) => (settled = { value }),
    (error: unknown) => (settled = { error }),
  );
  while (!settled && clock.now() - start < limitMs) {
    // The in-flight limiter (bottleneck) hands out slots on real timers of its own: the fake clock
    // moves only once they have run, however late a loaded machine fires them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (governor.settling()) continue;
    await clock.advance(10);
  }
  if (!settled) throw new Error(`still running after ${limitMs} ms of fake time`);
  if ("error" in settled) throw settled.error;
  return { value: settled.value, ms: clock.now() - start };
}

test("two concurrent GETs and four 429s with Retry-After 2 take about 3 x Retry-After, not a 60 s window (the client with its governor)", async () => {
  const clock = new FakeClock();
  const spent = { "inin-ratelimit-allowed": "300", "inin-ratelimit-count": "300", "inin-ratelimit-reset": "60" };
  // The server's answers in the order requests reach it, each after its latency: a's 429 comes back
  // before b's 503 of the same window, as in the issue.
  const script: { latencyMs: number; res: RawResponse }[] = [
    {
      latencyMs: 10,
      res: { status: 429, headers: { ...spent, "retry-after": "2" }, data: { code: "too.many.requests.retry.after" } },
    },
    { latencyMs: 20, res: { status: 503, headers: spent, data: { code: "service.unavailable" } } },
    { latencyMs: 10, res: { status: 429, headers: { ...spent, "retry-after": "2" }, data: {} } },
    { latencyMs: 10, res: { status: 429, headers: { ...spent, "retry-after": "2" }, data: {} } },
    { latencyMs: 10, res: { status: 429, headers: { ...spent, "retry-after": "2" }, data: {} } },
  ];
  const sent: RawRequest[] = [];
  const send = async (req: RawRequest): Promise<RawResponse> => {
    sent.push(req);
    const next = script.shift() ?? {
      latencyMs: 10,
      res: {
        status: 200,
        headers: { "inin-ratelimit-allowed": "300", "inin-ratelimit-count": "1", "inin-ratelimit-reset": "60" },
        data: { id: "org" },
      },
    };
    await clock.sleep(next.latencyMs);
    return next.res;
  };
  const token: TokenSource = { token: async () => "token", invalidate: () => undefined, secret: "secret" };
  const governor = new RateGovernor<TokenSource>([{ token, budget: new TokenBudget(300, clock) }], 10);
  const http = new HttpClient(
    {
      apiBaseUrl: "http://api.invalid",
      timeoutMs: 1000,
      retryDeadlineMs: 300_000,
      send,
      now: () => clock.now(),
      sleep: (ms) => clock.sleep(ms),
      random: () => 0.5,
    },
    governor,
  );
  const get = () => http.request({ method: "GET", path: "/api/v2/organizations/me" });
  const { ms } = await onClock(clock, governor, Promise.all([get(), get()]));
  assert.equal(script.length, 0, "every scripted answer was used");
  assert.equal(sent.length, 7, "5 failures and 2 successes");
  assert.equal(http.stats.rateLimited, 4);
  // a: 429 at 10 ms, then both wait to 2010; 429, 429 to 4020; a's third 429 to 6030.
  assert.ok(ms >= 6000 && ms < 7000, `took ${ms} ms of fake time; Retry-After allows about 6 s`);
  await governor.stop();
});
