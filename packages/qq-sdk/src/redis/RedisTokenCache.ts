import * as z from '../internal/zod.js';
import type { SharedAccessToken, SharedTokenCache } from '../auth/SharedTokenCache.js';
import { sleep } from '../internal/sleep.js';
import { systemClock, type Clock } from '../internal/Clock.js';
import { luaScript, RedisCaller } from './internal/RedisCaller.js';
import type { RedisStoreOptions } from './RedisStoreOptions.js';
import { RedisUnavailableError } from './RedisUnavailableError.js';
import { DefaultRedisOptions } from './DefaultRedisOptions.js';

/** Options of {@link RedisTokenCache}. */
export interface RedisTokenCacheOptions extends RedisStoreOptions {
  /**
   * How long the refresh lock is held at most (a process that dies while fetching releases it
   * after this). Keep it above the token request timeout.
   * @defaultValue 15000
   */
  readonly lockTtlMs?: number;
  /** How often waiting processes look for the lock holder's token, in ms. @defaultValue 25 */
  readonly pollIntervalMs?: number;
  /** Time source for expiry checks (epoch ms, shared by every process). @defaultValue the system clock */
  readonly clock?: Clock;
}

const StoredTokenSchema = z.object({ token: z.string().min(1), expiresAt: z.number() });

// Delete a key only if it still holds what we put there (our lock, or the token being dropped).
const RELEASE_LOCK = luaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);
const DROP_TOKEN = luaScript(`
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, stored = pcall(cjson.decode, raw)
if ok and type(stored) == 'table' and stored.token == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/**
 * A {@link SharedTokenCache} in Redis: the app access token is stored under one key (expiring with
 * the token), and a refresh takes a lock (`SET NX PX`), so across every process of the bot exactly
 * one token request is in flight while the others poll for its result. Plug it into
 * `TokenManager`'s `tokenCache` option.
 *
 * The token is stored in Redis in clear: keep that Redis private (it already holds the bot's
 * state). If Redis is unreachable the cache steps aside with a warning and this process fetches its
 * own token, as it would without a shared cache.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/api-use.html
 * @example
 * ```ts
 * const tokens = new TokenManager({ appId, clientSecret, tokenCache: new RedisTokenCache({ redis, appId }) });
 * ```
 */
export class RedisTokenCache implements SharedTokenCache {
  readonly #caller: RedisCaller;
  readonly #lockTtlMs: number;
  readonly #pollMs: number;
  readonly #clock: Clock;
  readonly #tokenKey: string;
  readonly #lockKey: string;
  // Tokens this process saw rejected; never served again even if the shared drop has not landed.
  readonly #rejected: string[] = [];

  /** @param options - The client, the app id and the lock timing. */
  constructor(options: RedisTokenCacheOptions) {
    this.#caller = new RedisCaller(options, 'RedisTokenCache');
    this.#lockTtlMs = options.lockTtlMs ?? DefaultRedisOptions.tokenLockTtlMs;
    this.#pollMs = options.pollIntervalMs ?? 25;
    this.#clock = options.clock ?? systemClock;
    // One hash tag for the token and its lock, so a script may check both in one step on a cluster.
    this.#tokenKey = this.#caller.slotKey('token', 'app');
    this.#lockKey = this.#caller.slotKey('token', 'lock');
  }

  /**
   * Returns the fleet's token if it is still valid at `validUntil`; otherwise fetches one under the
   * fleet-wide lock, or waits for the process holding it (see `SharedTokenCache.getOrFetch`).
   *
   * @param validUntil - The token must not expire before this time (epoch ms).
   * @param fetchToken - Requests a new token from the token endpoint.
   * @param signal - Aborts this caller's wait.
   */
  async getOrFetch(validUntil: number, fetchToken: () => Promise<SharedAccessToken>, signal?: AbortSignal): Promise<SharedAccessToken> {
    const owner = `${process.pid}:${Math.random().toString(36).slice(2)}`;
    // Bounded: a lock holder that never stores a token is outwaited by the lock's own TTL.
    const deadline = Date.now() + this.#lockTtlMs + 5000;
    // The token seen when we started: a different one stored later is another process's fresh fetch,
    // taken even if the platform handed it out with a short remaining life.
    let seen: string | undefined;
    let first = true;
    try {
      while (Date.now() < deadline) {
        signal?.throwIfAborted();
        const stored = await this.#read();
        if (first) seen = stored?.token;
        first = false;
        if (stored && this.#usable(stored, validUntil, seen)) return stored;
        const locked = await this.#caller.run('token lock', (redis) => redis.set(this.#lockKey, owner, 'PX', this.#lockTtlMs, 'NX'));
        if (locked === 'OK') return await this.#fetchUnderLock(owner, validUntil, seen, fetchToken);
        await sleep(this.#pollMs, { signal, unref: true });
      }
    } catch (error) {
      if (signal?.aborted || !(error instanceof RedisUnavailableError)) throw error;
      this.#caller.degraded(error, 'fetching the token in this process');
      return fetchToken();
    }
    this.#caller.logger.warn('RedisTokenCache: no token appeared while another process held the refresh lock; fetching here');
    return fetchToken();
  }

  /** Drops `token` from Redis if it is still the stored one, and never serves it again here. */
  async invalidate(token: string): Promise<void> {
    this.#rejected.push(token);
    if (this.#rejected.length > 8) this.#rejected.shift();
    await this.#caller.script('token invalidate', DROP_TOKEN, [this.#tokenKey], [token]);
  }

  // Valid past the refresh window, or a token another process fetched since we first looked.
  #usable(stored: SharedAccessToken, validUntil: number, seen: string | undefined): boolean {
    return stored.expiresAt > validUntil || (stored.token !== seen && stored.expiresAt > this.#clock.now());
  }

  async #fetchUnderLock(owner: string, validUntil: number, seen: string | undefined, fetchToken: () => Promise<SharedAccessToken>): Promise<SharedAccessToken> {
    try {
      // Another process may have stored a token (and released the lock) between our read and our lock.
      const shared = await this.#read();
      if (shared && this.#usable(shared, validUntil, seen)) return shared;
      const fresh = await fetchToken();
      const ttl = Math.floor(fresh.expiresAt - this.#clock.now());
      if (ttl > 0) {
        const value = JSON.stringify({ token: fresh.token, expiresAt: fresh.expiresAt });
        await this.#caller
          .run('token store', (redis) => redis.set(this.#tokenKey, value, 'PX', ttl))
          .catch((error: unknown) => {
            this.#caller.degraded(error, 'fetching the token in this process');
          });
      }
      return fresh;
    } finally {
      await this.#caller.script('token unlock', RELEASE_LOCK, [this.#lockKey], [owner]).catch(() => {
        // The lock expires on its own.
      });
    }
  }

  async #read(): Promise<SharedAccessToken | undefined> {
    const raw = await this.#caller.run('token read', (redis) => redis.get(this.#tokenKey));
    if (raw === null) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
    const parsed = StoredTokenSchema.safeParse(json);
    if (!parsed.success || this.#rejected.includes(parsed.data.token)) return undefined;
    return parsed.data;
  }
}
