import { z } from "zod";
import { type Budget, type Clock, type RateHeaders, realClock } from "./budget";
import { LuaScript, type SharedStore } from "./redis-store";
import { sharedKey } from "./seal";

// The twin of budget.ts's TokenBudget, for deployers that share each token's budget (see redis-store.ts).

/*
 * The TokenBudget rules (fixed window, corrected by the server's headers, paused by Retry-After) as
 * atomic scripts over one hash per token; test/provider/budget-rules runs one table of cases against
 * both. Time is Redis's own clock (so machines agree), or the caller's when ARGV[1] is given (tests
 * with a fake clock).
 * Fields (ms where a time): allowed, used, windowEnd, windowMs, pausedUntil, window (counts windows:
 * the ticket), anchored (1 when the response that opened the server's window set windowEnd),
 * pausedWindow (the window a 429 ended).
 */
const LOAD = `
local now = tonumber(ARGV[1])
if not now then
  if redis.replicate_commands then redis.replicate_commands() end
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local s = redis.call('HMGET', KEYS[1], 'allowed', 'used', 'windowEnd', 'windowMs', 'pausedUntil', 'window', 'anchored', 'pausedWindow')
local allowed = tonumber(s[1]) or tonumber(ARGV[2])
local used = tonumber(s[2]) or 0
local windowEnd = tonumber(s[3]) or 0
local windowMs = tonumber(s[4]) or tonumber(ARGV[3])
local pausedUntil = tonumber(s[5]) or 0
local window = tonumber(s[6]) or 0
local anchored = tonumber(s[7]) or 0
local pausedWindow = tonumber(s[8]) or -1
local function save()
  redis.call('HSET', KEYS[1], 'allowed', allowed, 'used', used, 'windowEnd', windowEnd, 'windowMs', windowMs,
    'pausedUntil', pausedUntil, 'window', window, 'anchored', anchored, 'pausedWindow', pausedWindow)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
`;
/** -> {granted 0/1, ms to wait before asking again, left in the window, the window's ticket} */
const ACQUIRE = new LuaScript(`${LOAD}
if now < pausedUntil then return {0, pausedUntil - now, 0, window} end
if now >= windowEnd then
  windowEnd = now + windowMs
  anchored = 0
  used = 0
  window = window + 1
end
if used < allowed then
  used = used + 1
  save()
  return {1, 0, allowed - used, window}
end
save()
return {0, math.min(windowEnd - now, windowMs), 0, window}`);
/** ARGV[5..8]: allowed, count, reset (s), the request's ticket; each "" when absent. See TokenBudget.observe. */
const OBSERVE = new LuaScript(`${LOAD}
local hAllowed, count, reset, ticket = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
if hAllowed and hAllowed > 0 then allowed = hAllowed end
-- A response to a request of an earlier window says nothing of this one; a window a 429 ended keeps
-- Retry-After's end.
if (not ticket or ticket == window) and pausedWindow ~= window then
  if count == 1 and reset and reset > 0 then
    -- The first request of a server window sees the whole window in reset: its length, and its end to within the round trip.
    windowMs = reset * 1000
    windowEnd = now + windowMs
    anchored = 1
  elseif count and reset and reset >= 0 then
    -- reset counts whole seconds, rounded up: keep the opened window's end while reset agrees with it to the second.
    local latest = now + reset * 1000
    if not (anchored == 1 and windowEnd > latest - 1000 and windowEnd <= latest) then
      windowEnd = latest
      anchored = 0
    end
  end
  if count then used = math.max(used, count) end
end
save()
return 1`);
/** ARGV[5]: pause (ms). */
const PAUSE = new LuaScript(`${LOAD}
pausedUntil = math.max(pausedUntil, now + tonumber(ARGV[5]))
used = math.max(used, allowed)
windowEnd = pausedUntil
pausedWindow = window
save()
return 1`);

const acquireResult = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** Idle state expires: a window (or pause) long past says nothing about the next one. */
const STATE_TTL_MS = 3_600_000;

/**
 * One token's budget, shared by every process that uses the token (see SharedTokens). Corrections
 * (headers, 429 pauses) are written in the background, in order, before this process takes budget
 * again; a Redis failure there fails the next request before it is sent, never one already answered.
 */
export class SharedBudget implements Budget {
  sent = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private writes: Promise<unknown> = Promise.resolve();
  private writeFailure: unknown;
  private known = { remaining: 1, availableAt: 0 };
  private readonly clock: Clock;

  constructor(
    private readonly store: SharedStore,
    readonly key: string,
    private readonly ratePerMinute: number,
    private readonly opts: { clock?: Clock; windowMs?: number } = {},
  ) {
    this.clock = opts.clock ?? realClock;
  }

  private args(): (string | number)[] {
    return [this.opts.clock ? this.clock.now() : "", this.ratePerMinute, this.opts.windowMs ?? 60_000, STATE_TTL_MS];
  }

  acquire(): Promise<number> {
    const turn = this.tail.then(() => this.take());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async take(): Promise<number> {
    for (;;) {
      await this.writes;
      if (this.writeFailure !== undefined) {
        const err = this.writeFailure;
        this.writeFailure = undefined;
        throw err;
      }
      const [granted, waitMs, remaining, ticket] = acquireResult.parse(
        await this.store.script("take from the shared budget", ACQUIRE, [this.key], this.args()),
      );
      // While denied, assume a fresh window once the wait is over (pick() only ranks pool members by this).
      this.known =
        granted === 1
          ? { remaining, availableAt: this.clock.now() }
          : { remaining: 1, availableAt: this.clock.now() + waitMs };
      if (granted === 1) {
        this.sent++;
        return ticket;
      }
      await this.clock.sleep(waitMs);
    }
  }

  private write(what: string, script: LuaScript, extra: (string | number)[]): void {
    this.writes = this.writes.then(() =>
      this.store.script(what, script, [this.key], [...this.args(), ...extra]).catch((err: unknown) => {
        this.writeFailure ??= err;
      }),
    );
  }

  /** Resolves when this process's corrections (observe, pause) have reached Redis. */
  async flushed(): Promise<void> {
    await this.writes;
  }

  /** `ticket`: the window (shared by every process) that `acquire` counted the request in. */
  observe(h: RateHeaders, ticket?: number | void): void {
    if (h.allowed === undefined && h.count === undefined && h.reset === undefined) return;
    this.write("correct the shared budget", OBSERVE, [
      h.allowed ?? "",
      h.count ?? "",
      h.reset ?? "",
      typeof ticket === "number" ? ticket : "",
    ]);
  }

  pause(ms: number): void {
    this.known = { remaining: 1, availableAt: Math.max(this.known.availableAt, this.clock.now() + ms) };
    this.write("pause the shared budget", PAUSE, [Math.ceil(ms)]);
  }

  remaining(): number {
    return this.clock.now() < this.known.availableAt ? 0 : this.known.remaining;
  }

  availableAt(): number {
    return Math.max(this.clock.now(), this.known.availableAt);
  }
}

/** The Redis key of pool member `index`'s budget: per API host and OAuth client, hashed. */
export function budgetKey(apiBaseUrl: string, clientId: string, index: number): string {
  return sharedKey("budget", [new URL(apiBaseUrl).href, clientId, String(index)]);
}
