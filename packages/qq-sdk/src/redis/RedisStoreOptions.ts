import type { Logger } from '../logging/Logger.js';
import type { RedisClient } from './RedisClient.js';

/** Options every Redis-backed store takes. */
export interface RedisStoreOptions {
  /**
   * A connected (or connecting) ioredis client: a `Redis` (a single server, or a master found
   * through Sentinel) or a `Cluster`. Stores never close it: you own its lifecycle.
   * One client can be shared by all stores of a process.
   */
  readonly redis: RedisClient;
  /**
   * The bot's AppID: every key is namespaced by it, so several bots can share one Redis.
   * It must not contain `{` or `}` (the stores place the Redis Cluster hash tags themselves).
   */
  readonly appId: string;
  /**
   * The first segment of every key: keys look like `qq-sdk:<appId>:dedup:…` or
   * `{qq-sdk:<appId>:identify}:…`. It must not contain `{` or `}`.
   * @defaultValue 'qq-sdk'
   */
  readonly keyPrefix?: string;
  /**
   * How long one Redis call may take before the store treats Redis as unavailable (falls back or
   * fails closed). Commands are not even sent while the client is reconnecting.
   * @defaultValue 1000
   */
  readonly operationTimeoutMs?: number;
  /** Where fallbacks and recoveries are reported (once per outage, not per call). */
  readonly logger?: Partial<Logger>;
}
