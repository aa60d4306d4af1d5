import { Redis } from 'ioredis';
import type { SessionStartLimit } from '../gateway/throttling/IdentifyThrottler.js';
import { resolveLogger, type Logger } from '../logging/Logger.js';
import { RedisDedupStore } from './RedisDedupStore.js';
import { RedisIdentifyThrottler, type RedisIdentifyThrottlerOptions } from './RedisIdentifyThrottler.js';
import { RedisReplyLedgerStore, type RedisReplyLedgerStoreOptions } from './RedisReplyLedgerStore.js';
import type { RedisClient } from './RedisClient.js';
import { RedisSessionStore } from './RedisSessionStore.js';
import type { RedisStoreOptions } from './RedisStoreOptions.js';
import { RedisTokenCache } from './RedisTokenCache.js';

/**
 * Options of {@link createRedisStores}: the shared options plus a few per-store ones.
 *
 * @typeParam C - The kind of client you pass in (`Redis` or `Cluster`); a URL makes a `Redis`.
 */
export interface RedisStoresOptions<C extends RedisClient = RedisClient> extends Omit<RedisStoreOptions, 'redis'> {
  /**
   * An ioredis client you own — a `Redis` (a single server, or a master found through Sentinel:
   * `new Redis({ sentinels, name })`) or a `Cluster` — or a Redis URL (`redis://host:6379/0`)
   * for a single-server client the stores create and {@link RedisStores.close} quits. Cluster and
   * Sentinel clients take many options of their own, so you build them.
   */
  readonly redis: C | string;
  /** See {@link RedisReplyLedgerStoreOptions.onUnavailable}. @defaultValue 'fail' */
  readonly replyLedgerOnUnavailable?: RedisReplyLedgerStoreOptions['onUnavailable'];
  /** See {@link RedisIdentifyThrottlerOptions.windowMs}. @defaultValue 5500 */
  readonly identifyWindowMs?: RedisIdentifyThrottlerOptions['windowMs'];
}

/**
 * Every Redis-backed store of one bot, sharing one client and namespace.
 *
 * @typeParam C - The client's type: the one you passed in, or `Redis` for a URL.
 */
export interface RedisStores<C extends RedisClient = Redis> {
  /** The client every store uses. */
  readonly redis: C;
  /** For `QQBot`'s `dedupStore` / the `EventDispatcher`'s `dedup`. */
  readonly dedup: RedisDedupStore;
  /** For `QQBot`'s `replyLedger` / `ReplyQuota`'s `store`. */
  readonly replyLedger: RedisReplyLedgerStore;
  /** For `QQBot`'s `sessionStore` / `GatewayManager`'s `sessionStore`. */
  readonly sessions: RedisSessionStore;
  /** For `TokenManager`'s `tokenCache`. */
  readonly tokenCache: RedisTokenCache;
  /** For the gateway's `identifyThrottler` option (it is called with `session_start_limit`). */
  readonly identifyThrottler: (limit: SessionStartLimit) => RedisIdentifyThrottler;
  /** Quits the client if it was created from a URL; a client you passed in is left to you. */
  close(): Promise<void>;
}

/**
 * Creates every Redis-backed store for one bot from one ioredis client (yours — a `Redis`, a
 * Sentinel-backed `Redis` or a `Cluster` — or one made from a URL).
 *
 * @example
 * ```ts
 * import { QQBot } from 'qq-sdk';
 * import { createRedisStores } from 'qq-sdk/redis';
 *
 * const stores = createRedisStores({ redis: process.env.REDIS_URL!, appId });
 * const bot = new QQBot({
 *   appId, clientSecret, intents: ['GROUP_AND_C2C_EVENT'],
 *   dedupStore: stores.dedup, replyLedger: stores.replyLedger, sessionStore: stores.sessions,
 *   gateway: { shardCount: 16, shards: { from: 0, to: 3 }, identifyThrottler: stores.identifyThrottler },
 * });
 * ```
 */
export function createRedisStores(options: RedisStoresOptions<Redis>): RedisStores<Redis>;
/**
 * Creates every Redis-backed store for one bot on a `Cluster` (or a client typed `Redis | Cluster`);
 * `stores.redis` keeps the client's type.
 *
 * @typeParam C - The kind of client passed in; inferred.
 * @example
 * ```ts
 * import { Cluster } from 'ioredis';
 * import { createRedisStores } from 'qq-sdk/redis';
 *
 * const cluster = new Cluster([{ host: '10.0.0.1', port: 6379 }], { redisOptions: { maxRetriesPerRequest: 1 } });
 * const stores = createRedisStores({ redis: cluster, appId });
 * ```
 */
export function createRedisStores<C extends RedisClient>(options: RedisStoresOptions<C>): RedisStores<C>;
export function createRedisStores(options: RedisStoresOptions): RedisStores<RedisClient> {
  const { replyLedgerOnUnavailable, identifyWindowMs, redis: given, ...rest } = options;
  // A URL makes a client the stores own (and close); a client passed in stays the caller's.
  let owned: Redis | undefined;
  let redis: RedisClient;
  if (typeof given === 'string') {
    owned = new Redis(given);
    reportOutages(owned, resolveLogger(rest.logger));
    redis = owned;
  } else {
    redis = given;
  }
  const shared: RedisStoreOptions = { ...rest, redis };
  return {
    redis,
    close: async () => {
      if (!owned || owned.status === 'end') return;
      // Resolve once the connection is really gone, not just when QUIT is answered.
      const ended = new Promise<void>((resolve) => owned.once('end', () => resolve()));
      await owned.quit().catch(() => owned.disconnect());
      await ended;
    },
    dedup: new RedisDedupStore(shared),
    replyLedger: new RedisReplyLedgerStore({
      ...shared,
      ...(replyLedgerOnUnavailable !== undefined ? { onUnavailable: replyLedgerOnUnavailable } : {}),
    }),
    sessions: new RedisSessionStore(shared),
    tokenCache: new RedisTokenCache(shared),
    identifyThrottler: (limit) => new RedisIdentifyThrottler({ ...shared, limit, ...(identifyWindowMs !== undefined ? { windowMs: identifyWindowMs } : {}) }),
  };
}

// A client made here is ours to watch: without an 'error' listener ioredis prints an
// "Unhandled error event" stack on every reconnect attempt. One warning per outage instead.
function reportOutages(redis: Redis, logger: Logger): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn('Redis is unreachable; the stores fall back as documented until it is back', { error: error.message });
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('Redis is reachable again');
  });
}
