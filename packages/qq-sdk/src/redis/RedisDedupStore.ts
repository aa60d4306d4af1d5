import type { DedupStore } from '../events/DedupStore.js';
import { MemoryDedupStore } from '../events/MemoryDedupStore.js';
import { RedisCaller } from './internal/RedisCaller.js';
import type { RedisStoreOptions } from './RedisStoreOptions.js';
import { DefaultRedisOptions } from './DefaultRedisOptions.js';

/** Options of {@link RedisDedupStore}. */
export interface RedisDedupStoreOptions extends RedisStoreOptions {
  /**
   * Keys remembered by this process's local layer (which also answers while Redis is down).
   * @defaultValue 100_000
   */
  readonly localMaxEntries?: number;
}

/**
 * A {@link DedupStore} shared by every process of a bot: an event id is claimed with
 * `SET key 1 NX PX ttl`, so whichever process (gateway shard or webhook replica) sees a redelivered
 * event first runs its handlers and every other copy is dropped. Keys expire with the TTL the
 * dispatcher passes, so nothing grows without bound.
 *
 * A local {@link MemoryDedupStore} sits in front: duplicates this process has already seen are
 * dropped without a round trip, and while Redis is unreachable it decides alone (with one warning
 * per outage) — the bot keeps receiving, and only a copy that lands on another process during the
 * outage can run twice (at-least-once, as the {@link DedupStore} contract prefers).
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { RedisDedupStore } from 'qq-sdk/redis';
 * const redis = new Redis(process.env.REDIS_URL!);
 * const bot = new QQBot({ appId, clientSecret, intents, dedupStore: new RedisDedupStore({ redis, appId }) });
 * ```
 */
export class RedisDedupStore implements DedupStore {
  readonly #caller: RedisCaller;
  readonly #local: MemoryDedupStore;

  /** @param options - The client, the app id and the local layer's size. */
  constructor(options: RedisDedupStoreOptions) {
    this.#caller = new RedisCaller(options, 'RedisDedupStore');
    this.#local = new MemoryDedupStore({ maxEntries: options.localMaxEntries ?? DefaultRedisOptions.dedupLocalMaxEntries });
  }

  /**
   * Claims `key` for `ttlMs` fleet-wide (see `DedupStore.claim`).
   *
   * @returns `true` if no process claimed it within its TTL (deliver the event), `false` for a duplicate.
   */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    // Seen here already: a duplicate wherever else it went.
    if (!this.#local.claim(key, ttlMs)) return false;
    const ttl = Math.max(1, Math.ceil(ttlMs));
    try {
      const reply = await this.#caller.run('event dedup', (redis) => redis.set(this.#caller.key('dedup', key), '1', 'PX', ttl, 'NX'));
      return reply === 'OK';
    } catch (error) {
      this.#caller.degraded(error, 'deduplicating events in this process only');
      return true;
    }
  }
}
