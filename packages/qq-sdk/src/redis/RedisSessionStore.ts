import type { GatewaySession, GatewaySessionStore } from '../gateway/session/GatewaySessionStore.js';
import { parseStoredGatewaySession, toStoredGatewaySession } from '../gateway/session/StoredGatewaySession.js';
import { RedisCaller } from './internal/RedisCaller.js';
import type { RedisStoreOptions } from './RedisStoreOptions.js';
import { DefaultRedisOptions } from './DefaultRedisOptions.js';

/** Options of {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions extends RedisStoreOptions {
  /**
   * How long a stored session is kept after its last update (each heartbeat ack updates it). A
   * session this old cannot usually be resumed anyway; the shard then identifies.
   * @defaultValue 3_600_000 (1 hour)
   */
  readonly ttlMs?: number;
}

/**
 * A {@link GatewaySessionStore} in Redis, so a shard restarted in another process (or moved to
 * another machine) RESUMEs its session and gets the events it missed replayed, instead of
 * identifying again. One key per shard, refreshed on every update and expiring after `ttlMs`.
 *
 * Every session is also kept in this process's memory: while Redis is unreachable the store reads
 * and writes that copy (one warning per outage), so a reconnecting shard still resumes.
 */
export class RedisSessionStore implements GatewaySessionStore {
  readonly #caller: RedisCaller;
  readonly #ttlMs: number;
  readonly #local = new Map<number, GatewaySession>();

  /** @param options - The client, the app id and the session TTL. */
  constructor(options: RedisSessionStoreOptions) {
    this.#caller = new RedisCaller(options, 'RedisSessionStore');
    this.#ttlMs = options.ttlMs ?? DefaultRedisOptions.sessionTtlMs;
  }

  /** Returns the stored session of `shardId` (from Redis, or this process's copy during an outage). */
  async get(shardId: number): Promise<GatewaySession | undefined> {
    let raw: string | null;
    try {
      raw = await this.#caller.run('session read', (redis) => redis.get(this.#caller.key('session', shardId)));
    } catch (error) {
      this.#caller.degraded(error, 'using the sessions kept in this process');
      const local = this.#local.get(shardId);
      return local ? { ...local } : undefined;
    }
    if (raw === null) return undefined;
    const session = parseStoredGatewaySession(safeJson(raw));
    if (session === undefined || session.shardId !== shardId) {
      this.#caller.logger.warn('RedisSessionStore: ignoring a malformed stored session', { shardId });
      return undefined;
    }
    return session;
  }

  /** Stores (replaces) the session of `shardId` and restarts its TTL. */
  async set(shardId: number, session: GatewaySession): Promise<void> {
    this.#local.set(shardId, { ...session });
    const value = JSON.stringify({ ...toStoredGatewaySession(session), shardId });
    try {
      await this.#caller.run('session write', (redis) => redis.set(this.#caller.key('session', shardId), value, 'PX', this.#ttlMs));
    } catch (error) {
      this.#caller.degraded(error, 'keeping sessions in this process');
    }
  }

  /** Forgets the session of `shardId` (it was invalidated). */
  async delete(shardId: number): Promise<void> {
    this.#local.delete(shardId);
    try {
      await this.#caller.run('session delete', (redis) => redis.del(this.#caller.key('session', shardId)));
    } catch (error) {
      this.#caller.degraded(error, 'keeping sessions in this process');
    }
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
