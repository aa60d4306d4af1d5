import type { SessionStartLimit } from '../gateway/throttling/IdentifyThrottler.js';
import { RedisDedupStore } from './RedisDedupStore.js';
import { RedisIdentifyThrottler, type RedisIdentifyThrottlerOptions } from './RedisIdentifyThrottler.js';
import { RedisReplyLedgerStore, type RedisReplyLedgerStoreOptions } from './RedisReplyLedgerStore.js';
import { RedisSessionStore } from './RedisSessionStore.js';
import type { RedisStoreOptions } from './RedisStoreOptions.js';
import { RedisTokenCache } from './RedisTokenCache.js';

/** Options of {@link createRedisStores}: the shared options plus a few per-store ones. */
export interface RedisStoresOptions extends RedisStoreOptions {
  /** See {@link RedisReplyLedgerStoreOptions.onUnavailable}. @defaultValue 'fail' */
  readonly replyLedgerOnUnavailable?: RedisReplyLedgerStoreOptions['onUnavailable'];
  /** See {@link RedisIdentifyThrottlerOptions.windowMs}. @defaultValue 5500 */
  readonly identifyWindowMs?: RedisIdentifyThrottlerOptions['windowMs'];
}

/** Every Redis-backed store of one bot, sharing one client and namespace. */
export interface RedisStores {
  /** For `QQBot`'s `dedupStore` / the `EventDispatcher`'s `dedup`. */
  readonly dedup: RedisDedupStore;
  /** For `QQBot`'s `replyLedger` / `ReplyQuota`'s `store`. */
  readonly replyLedger: RedisReplyLedgerStore;
  /** For `QQBot`'s `sessionStore` / `GatewayManager`'s `sessionStore`. */
  readonly sessions: RedisSessionStore;
  /** For `TokenManager`'s `sharedCache`. */
  readonly tokenCache: RedisTokenCache;
  /** For the gateway's `identifyThrottler` option (it is called with `session_start_limit`). */
  readonly identifyThrottler: (limit: SessionStartLimit) => RedisIdentifyThrottler;
}

/**
 * Creates every Redis-backed store for one bot from one ioredis client.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { QQBot } from 'qq-sdk';
 * import { createRedisStores } from 'qq-sdk/redis';
 *
 * const stores = createRedisStores({ redis: new Redis(process.env.REDIS_URL!), appId });
 * const bot = new QQBot({
 *   appId, clientSecret, intents: ['GROUP_AND_C2C_EVENT'],
 *   dedupStore: stores.dedup, replyLedger: stores.replyLedger, sessionStore: stores.sessions,
 *   gateway: { shardCount: 16, shards: { from: 0, to: 3 }, identifyThrottler: stores.identifyThrottler },
 * });
 * ```
 */
export function createRedisStores(options: RedisStoresOptions): RedisStores {
  const { replyLedgerOnUnavailable, identifyWindowMs, ...shared } = options;
  return {
    dedup: new RedisDedupStore(shared),
    replyLedger: new RedisReplyLedgerStore({
      ...shared,
      ...(replyLedgerOnUnavailable !== undefined ? { onUnavailable: replyLedgerOnUnavailable } : {}),
    }),
    sessions: new RedisSessionStore(shared),
    tokenCache: new RedisTokenCache(shared),
    identifyThrottler: (limit) =>
      new RedisIdentifyThrottler({ ...shared, limit, ...(identifyWindowMs !== undefined ? { windowMs: identifyWindowMs } : {}) }),
  };
}
