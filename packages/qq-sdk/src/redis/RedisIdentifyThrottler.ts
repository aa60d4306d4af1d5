import { sleep } from '../internal/sleep.js';
import type { IdentifyThrottler, SessionStartLimit } from '../gateway/throttling/IdentifyThrottler.js';
import { SimpleIdentifyThrottler } from '../gateway/throttling/SimpleIdentifyThrottler.js';
import { systemClock, type Clock } from '../internal/Clock.js';
import { luaScript, RedisCaller } from './internal/RedisCaller.js';
import type { RedisStoreOptions } from './RedisStoreOptions.js';
import { DefaultRedisOptions } from './DefaultRedisOptions.js';

/** Options of {@link RedisIdentifyThrottler}. */
export interface RedisIdentifyThrottlerOptions extends RedisStoreOptions {
  /** `session_start_limit` from GET /gateway/bot (the gateway manager passes it to a factory). */
  readonly limit: SessionStartLimit;
  /**
   * How long a bucket stays taken after an identify, in ms. The platform allows `max_concurrency`
   * identifies per 5 s; the default adds a margin because processes' identifies travel different
   * paths and can arrive closer together than they were granted.
   * @defaultValue 5500
   */
  readonly windowMs?: number;
  /** Time source for the session-start reset. @defaultValue the system clock */
  readonly clock?: Clock;
}

// Atomically: is the bucket free, is a session start left, then take both. Returns
// {0, remaining} when granted, {1, ms} while the bucket is taken, {2, ms} until the daily reset.
const TAKE = luaScript(`
local busy = redis.call('PTTL', KEYS[1])
if busy > 0 then return {1, busy} end
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
local left = tonumber(redis.call('GET', KEYS[2]))
if left <= 0 then return {2, redis.call('PTTL', KEYS[2])} end
redis.call('DECR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[1])
return {0, left - 1}
`);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An {@link IdentifyThrottler} shared by every process of a bot: shard `i` identifies in bucket
 * `i % max_concurrency`, and a bucket is a Redis key taken for `windowMs` — so the whole fleet
 * sends at most `max_concurrency` identifies per window, and the session-start budget
 * (`session_start_limit.remaining`) is one counter for all processes, expiring at its reset.
 *
 * While Redis is unreachable it falls back to a {@link SimpleIdentifyThrottler} in this process
 * (one warning per outage): shards still connect, but processes no longer see each other's
 * identifies, so the platform may refuse some until they retry.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 * @example
 * ```ts
 * const gateway = { shardCount: 16, shards: { from: 4, to: 7 },
 *   identifyThrottler: (limit) => new RedisIdentifyThrottler({ redis, appId, limit }) };
 * ```
 */
export class RedisIdentifyThrottler implements IdentifyThrottler {
  readonly #caller: RedisCaller;
  readonly #limit: SessionStartLimit;
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #resetAt: number;
  readonly #owner = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  #local: SimpleIdentifyThrottler | undefined;
  #warnedExhausted = false;

  /** @param options - The client, the app id, the session start limit and the window. */
  constructor(options: RedisIdentifyThrottlerOptions) {
    this.#caller = new RedisCaller(options, 'RedisIdentifyThrottler');
    this.#limit = options.limit;
    this.#windowMs = options.windowMs ?? DefaultRedisOptions.identifyWindowMs;
    this.#clock = options.clock ?? systemClock;
    this.#resetAt = this.#clock.now() + options.limit.reset_after;
  }

  /**
   * Resolves when `shardId` may identify, counting that identify fleet-wide (see
   * `IdentifyThrottler.waitForIdentify`). Rejects if `signal` aborts.
   *
   * @param shardId - The shard about to identify.
   * @param signal - Aborts the wait (the shard is being destroyed).
   */
  async waitForIdentify(shardId: number, signal?: AbortSignal): Promise<void> {
    const bucket = shardId % Math.max(1, this.#limit.max_concurrency);
    // One hash tag for both: the script touches them together (one slot on a Redis Cluster).
    const keys = [this.#caller.slotKey('identify', bucket), this.#caller.slotKey('identify', 'remaining')];
    for (;;) {
      signal?.throwIfAborted();
      // Seed the shared budget from what /gateway/bot said, or from `total` once its reset passed.
      const now = this.#clock.now();
      const afterReset = now >= this.#resetAt;
      const seed = afterReset ? this.#limit.total : this.#limit.remaining;
      const seedTtl = Math.max(1, afterReset ? DAY_MS : this.#resetAt - now);
      let reply: unknown;
      try {
        reply = await this.#caller.script('identify throttle', TAKE, keys, [this.#windowMs, seed, seedTtl, this.#owner]);
      } catch (error) {
        this.#caller.degraded(error, 'throttling identifies in this process only');
        this.#local ??= new SimpleIdentifyThrottler({ limit: this.#limit, windowMs: this.#windowMs, logger: this.#caller.logger });
        return this.#local.waitForIdentify(shardId, signal);
      }
      const [state, value] = Array.isArray(reply) ? reply.map(Number) : [Number.NaN, 0];
      if (state === 0) return;
      const waitMs = value !== undefined && value > 0 ? value : 1000;
      if (state === 2 && !this.#warnedExhausted) {
        this.#warnedExhausted = true;
        this.#caller.logger.warn('session start limit exhausted for the whole fleet; waiting for it to reset before identifying', { waitMs });
      }
      // A little jitter so the processes waiting on one bucket do not all ask at the same instant.
      await sleep(waitMs + Math.floor(Math.random() * 20), { signal, unref: true });
    }
  }
}
