import { z } from "zod";
import { type ClientCredentialsOptions, mintToken, renewAt } from "./auth";
import type { TokenSource } from "./http";
import { LuaScript, type SharedStore } from "./redis-store";
import { seal, sealingKey, sharedKey, unseal } from "./seal";

// The twin of auth.ts's ClientCredentialsTokens, for deployers that share one token pool (see redis-store.ts).

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
    this.invalidation = this.invalidation.then(() =>
      this.store.script("drop a rejected token", DELETE_IF, [this.key], [stored]),
    );
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
