/**
 * `qq-sdk/redis`: the SDK's shared-state interfaces implemented on Redis (through ioredis, an
 * optional peer dependency), so a bot can run as several processes — gateway shards spread over
 * processes, or webhook replicas behind a load balancer — that deduplicate events, count passive
 * replies, resume sessions, fetch tokens and throttle identifies as one. A single server, a
 * Sentinel-managed master and Redis Cluster are all supported.
 *
 * @packageDocumentation
 */
export { createRedisStores, type RedisStores, type RedisStoresOptions } from './createRedisStores.js';
export type { RedisClient } from './RedisClient.js';
export { RedisDedupStore, type RedisDedupStoreOptions } from './RedisDedupStore.js';
export { RedisIdentifyThrottler, type RedisIdentifyThrottlerOptions } from './RedisIdentifyThrottler.js';
export { RedisReplyLedgerStore, type RedisReplyLedgerStoreOptions } from './RedisReplyLedgerStore.js';
export { RedisSessionStore, type RedisSessionStoreOptions } from './RedisSessionStore.js';
export type { RedisStoreOptions } from './RedisStoreOptions.js';
export { RedisTokenCache, type RedisTokenCacheOptions } from './RedisTokenCache.js';
export { RedisUnavailableError } from './RedisUnavailableError.js';
export { DefaultRedisOptions } from './DefaultRedisOptions.js';
