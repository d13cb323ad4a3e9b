import { createHash } from "crypto";
import Redis from "ioredis";
import { GenesysError, redact } from "./errors";

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

/** A Lua script run atomically in Redis, by its hash once loaded. */
export class LuaScript {
  readonly sha: string;
  constructor(readonly lua: string) {
    this.sha = createHash("sha1").update(lua).digest("hex");
  }
}
