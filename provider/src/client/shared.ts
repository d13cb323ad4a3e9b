import { createHash } from "crypto";
import Redis from "ioredis";
import { z } from "zod";
import { type ClientCredentialsOptions, mintToken, renewAt } from "./auth";
import { GenesysError, redact } from "./errors";
import { type Budget, type Clock, type RateHeaders, realClock } from "./governor";
import type { TokenSource } from "./http";
import { seal, sealingKey, sharedKey, unseal } from "./seal";

/**
 * A budget shared by several deployers (processes, machines) through Redis: the token pool of an
 * OAuth client and each token's fixed-window budget. The API's limit is per token and every grant
 * mints a new token, so sharing the budget means sharing the token.
 */

export const REDIS_SETTING = "genesyscloud:rateLimitRedisUrl (or GENESYSCLOUD_RATE_LIMIT_REDIS_URL)";

/** One Redis connection: errors name the setting, and it never keeps a process alive when idle. */
export class SharedStore {
  readonly redis: Redis;
  /** host:port only: a URL may carry a password. */
  readonly where: string;
  private readonly credentials: string[];
  private lastError: Error | undefined;
  private busy = 0;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(url: string) {
    const u = new URL(url);
    this.where = `${u.hostname}:${u.port || "6379"}`;
    this.credentials = [u.password, decodeURIComponent(u.password)].filter((p) => p.length > 0);
    this.redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 3000,
      maxRetriesPerRequest: 1,
      // A few quick reconnects, then give up (a later command connects again): endless retries would hold the process open.
      retryStrategy: (times) => (times > 3 ? null : 200 * times),
    });
    this.redis.on("error", (err: Error) => {
      this.lastError = err;
    });
    this.redis.on("ready", () => {
      this.lastError = undefined;
    });
    // The socket does not hold the event loop; `run` does while a command is pending.
    this.redis.on("connect", () => this.redis.stream?.unref?.());
  }

  /** Runs Redis commands; any failure becomes one Config error naming the setting (never the URL). */
  async run<T>(what: string, op: (redis: Redis) => Promise<T>): Promise<T> {
    if (this.busy++ === 0) this.keepAlive = setInterval(() => undefined, 60_000);
    try {
      if (this.redis.status === "end") this.redis.connect().catch(() => undefined);
      return await op(this.redis);
    } catch (err) {
      const reason = redact(this.lastError?.message ?? (err as Error).message, this.credentials);
      this.lastError = undefined;
      throw new GenesysError(
        "Config",
        `Cannot ${what} in Redis at ${this.where}, which ${REDIS_SETTING} names for the shared rate budget (${reason}). ` +
          "Start Redis or fix the setting, or unset it to budget each process on its own.",
      );
    } finally {
      if (--this.busy === 0) clearInterval(this.keepAlive);
    }
  }

  /** Runs a Lua script by its hash, loading it once per server. */
  script(what: string, script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
    return this.run(what, async (redis) => {
      try {
        return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
      } catch (err) {
        if (!/NOSCRIPT/.test((err as Error).message)) throw err;
        return redis.eval(script.lua, keys.length, ...keys, ...args);
      }
    });
  }

  close(): void {
    this.redis.disconnect();
  }
}

class LuaScript {
  readonly sha: string;
  constructor(readonly lua: string) {
    this.sha = createHash("sha1").update(lua).digest("hex");
  }
}

// ---- tokens ----------------------------------------------------------------------------------------

const storedToken = z.object({ token: z.string().min(1), renewAt: z.number() });

/** Deletes a key only while it still holds the value we read (another process may have replaced it). */
const DELETE_IF = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);
/** Replaces a value we could not use (sealed with another secret) unless someone replaced it first. */
const REPLACE_IF = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return 0`);

/**
 * Pool member `index` of one OAuth client, shared through Redis: the first process mints the token
 * and stores it sealed (SET NX, expiring when it should be renewed); the others use that one.
 */
export class SharedTokens implements TokenSource {
  readonly key: string;
  private readonly sealKey: Buffer;
  private readonly now: () => number;
  private current: { token: string; renewAt: number; stored: string } | undefined;
  private pending: Promise<string> | undefined;
  private invalidation: Promise<unknown> = Promise.resolve();
  /** Tokens this process minted (some may lose the race to store theirs and go unused). */
  grants = 0;

  constructor(
    private readonly store: SharedStore,
    private readonly options: ClientCredentialsOptions & { index: number },
  ) {
    this.key = sharedKey("token", [new URL(options.loginBaseUrl).href, options.clientId, String(options.index)]);
    this.sealKey = sealingKey(options.clientSecret, options.clientId);
    this.now = options.now ?? Date.now;
  }

  get secret(): string {
    return this.options.clientSecret;
  }

  async token(): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return this.current.token;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Drops a token the API rejected, here and in Redis (unless another process already replaced it). */
  invalidate(token: string): void {
    if (this.current?.token !== token) return;
    const stored = this.current.stored;
    this.current = undefined;
    this.invalidation = this.invalidation.then(() => this.store.script("drop a rejected token", DELETE_IF, [this.key], [stored]));
  }

  private open(stored: string | null): { token: string; renewAt: number } | undefined {
    const text = stored === null ? undefined : unseal(this.sealKey, stored, this.key);
    if (text === undefined) return undefined;
    try {
      const entry = storedToken.safeParse(JSON.parse(text));
      return entry.success && this.now() < entry.data.renewAt ? entry.data : undefined;
    } catch {
      return undefined;
    }
  }

  private async fetch(): Promise<string> {
    // A failed invalidation surfaces here, once, before anything else is sent.
    const invalidation = this.invalidation;
    this.invalidation = Promise.resolve();
    await invalidation;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.run("read the shared token", (r) => r.get(this.key));
      const shared = this.open(stored);
      if (shared && stored !== null) {
        this.current = { ...shared, stored };
        return shared.token;
      }
      const minted = await mintToken(this.options);
      this.grants++;
      const entry = { token: minted.token, renewAt: renewAt(this.now(), minted.lifetimeMs) };
      const mine = seal(this.sealKey, JSON.stringify(entry), this.key);
      const ttlMs = Math.max(1, Math.floor(entry.renewAt - this.now()));
      // Absent: store ours unless another process got there first. Present but unusable (another
      // secret, expired, corrupt): replace it unless it changed meanwhile.
      const won =
        stored === null
          ? (await this.store.run("store the shared token", (r) => r.set(this.key, mine, "PX", ttlMs, "NX"))) === "OK"
          : (await this.store.script("store the shared token", REPLACE_IF, [this.key], [stored, mine, ttlMs])) === 1;
      if (won || attempt >= 3) {
        // After three lost races in a row, use our own token rather than fail (its budget is then not shared).
        this.current = { ...entry, stored: mine };
        return entry.token;
      }
      // Lost the race: loop to read (and use) the winner's token.
    }
  }
}

// ---- budget ----------------------------------------------------------------------------------------

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
      const [granted, waitMs, remaining, ticket] = acquireResult.parse(await this.store.script("take from the shared budget", ACQUIRE, [this.key], this.args()));
      // While denied, assume a fresh window once the wait is over (pick() only ranks pool members by this).
      this.known = granted === 1 ? { remaining, availableAt: this.clock.now() } : { remaining: 1, availableAt: this.clock.now() + waitMs };
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
    this.write("correct the shared budget", OBSERVE, [h.allowed ?? "", h.count ?? "", h.reset ?? "", typeof ticket === "number" ? ticket : ""]);
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
