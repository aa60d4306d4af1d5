import { createHash } from 'node:crypto';
import { resolveLogger, type Logger } from '../../logging/Logger.js';
import type { RedisClient } from '../RedisClient.js';
import type { RedisStoreOptions } from '../RedisStoreOptions.js';
import { RedisUnavailableError } from '../RedisUnavailableError.js';
import { QQValidationError } from '../../errors/QQValidationError.js';
import { DefaultRedisOptions } from '../DefaultRedisOptions.js';

// Statuses in which ioredis would only queue the command until a reconnect: fail fast instead.
const DOWN_STATUSES = new Set(['reconnecting', 'close', 'end']);

/** A Lua script run by its SHA1 (EVALSHA), loaded with EVAL the first time a server lacks it. */
export interface LuaScript {
  readonly source: string;
  readonly sha: string;
}

/** Prepares a Lua script for {@link RedisCaller.script}. @internal */
export function luaScript(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * What every Redis store shares: key naming under `prefix:appId:`, a per-call timeout, fast
 * failure while the client is down, and one warning per outage (plus one when Redis is back).
 *
 * Keys come in two shapes, for Redis Cluster: {@link RedisCaller.key} has no hash tag, so keys
 * spread over the cluster's slots by their full name (one per event, message or shard);
 * {@link RedisCaller.slotKey} wraps `prefix:appId:group` in a hash tag, so every key of a group
 * lands in one slot and a Lua script may touch several of them.
 *
 * @internal
 */
export class RedisCaller {
  readonly redis: RedisClient;
  readonly logger: Logger;
  readonly #base: string;
  readonly #timeoutMs: number;
  readonly #store: string;
  #degraded = false;

  constructor(options: RedisStoreOptions, store: string) {
    if (!options.appId)
      throw new QQValidationError(`${store} options`, [{ path: 'appId', message: 'must be a non-empty string: the keys are namespaced by it' }]);
    const prefix = options.keyPrefix ?? DefaultRedisOptions.keyPrefix;
    // A brace here would become the hash tag of every key and pin them all to one cluster slot.
    if (/[{}]/u.test(prefix + options.appId)) {
      const path = /[{}]/u.test(prefix) ? 'keyPrefix' : 'appId';
      throw new QQValidationError(`${store} options`, [{ path, message: "must not contain '{' or '}': the stores place the cluster hash tags themselves" }]);
    }
    this.redis = options.redis;
    this.logger = resolveLogger(options.logger);
    this.#base = `${prefix}:${options.appId}:`;
    this.#timeoutMs = options.operationTimeoutMs ?? DefaultRedisOptions.operationTimeoutMs;
    this.#store = store;
  }

  /** The full key for `kind` and `id`, e.g. `qq-sdk:102000000:dedup:<id>`: its own slot. */
  key(kind: string, id: string | number): string {
    return `${this.#base}${kind}:${id}`;
  }

  /**
   * The full key for `id` in `group`, e.g. `{qq-sdk:102000000:identify}:remaining`: every key of
   * the group hashes to the same cluster slot, as keys one script touches must.
   */
  slotKey(group: string, id: string | number): string {
    return `{${this.#base}${group}}:${id}`;
  }

  /** Runs `command` with the timeout; throws {@link RedisUnavailableError} when Redis is not usable. */
  async run<T>(operation: string, command: (redis: RedisClient) => Promise<T>): Promise<T> {
    const status = this.redis.status;
    if (DOWN_STATUSES.has(status)) throw new RedisUnavailableError(operation, `client status '${status}'`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisUnavailableError(operation, `no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
      timer.unref();
    });
    try {
      const result = await Promise.race([command(this.redis), timeout]);
      this.recovered();
      return result;
    } catch (error) {
      if (error instanceof RedisUnavailableError) throw error;
      throw new RedisUnavailableError(operation, error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a Lua script (EVALSHA, then EVAL if the server does not have it cached). */
  script(operation: string, lua: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    return this.run(operation, async (redis) => {
      try {
        return await redis.evalsha(lua.sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return redis.eval(lua.source, keys.length, ...keys, ...args);
      }
    });
  }

  /** Reports a fallback to local state, once per outage. */
  degraded(error: unknown, fallback: string): void {
    if (this.#degraded) return;
    this.#degraded = true;
    this.logger.warn(`${this.#store}: Redis unavailable, ${fallback} until it is back`, {
      error: error instanceof Error ? error.message : String(error),
    });
  }

  /** Reports the end of an outage. */
  recovered(): void {
    if (!this.#degraded) return;
    this.#degraded = false;
    this.logger.info(`${this.#store}: Redis is back; shared state in use again`);
  }
}
