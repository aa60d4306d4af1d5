import type { Cluster, Redis } from 'ioredis';

/**
 * The ioredis clients the stores accept: a `Redis` (one server, or a Sentinel-managed master when
 * built with `sentinels` and `name`) or a `Cluster` (Redis Cluster). Every key a store's Lua script
 * touches shares one hash tag, so each command goes to one cluster slot.
 */
export type RedisClient = Redis | Cluster;
