import { MemoryReplyLedgerStore } from '../messaging/MemoryReplyLedgerStore.js';
import type { ReplyClaim, ReplyLedgerStore } from '../messaging/ReplyLedgerStore.js';
import { luaScript, RedisCaller } from './internal/RedisCaller.js';
import type { RedisStoreOptions } from './RedisStoreOptions.js';

/** Options of {@link RedisReplyLedgerStore}. */
export interface RedisReplyLedgerStoreOptions extends RedisStoreOptions {
  /**
   * What a claim does while Redis is unreachable: `'fail'` throws {@link RedisUnavailableError}
   * (no reply is sent, nothing is guessed); `'local'` counts in this process's memory with a
   * warning, which keeps replies flowing but can reuse a `msg_seq` (the platform then drops the
   * reply as a duplicate, 40054005) or overspend the budget (22009) if another process replies to
   * the same message during the outage.
   * @defaultValue 'fail'
   */
  readonly onUnavailable?: 'fail' | 'local';
}

// One atomic step: grant a claim only while the count is below the limit (a refused claim counts
// nothing, so a claim refused under a lower limit, such as a typing notice keeping the last reply,
// leaves that reply for the answer), start the TTL on the first one. The count doubles as msg_seq,
// so no two claims (from any process) ever get the same seq.
// ARGV[2] is the highest seq this process has seen for the key: a count below it means Redis lost
// the key (restarted empty, failed over to a replica that had not seen it), so the count resumes
// above it instead of handing out a seq the platform has already seen (40054005).
// ARGV[3] is the limit, -1 for none. Returns { count, granted (1 or 0) }.
const CLAIM = luaScript(`
local stored = redis.call('GET', KEYS[1])
local count = tonumber(stored or '0')
local floor = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
if count < floor then count = floor end
if limit >= 0 and count >= limit then return {count, 0} end
if stored and tonumber(stored) == count then
  count = redis.call('INCR', KEYS[1])
else
  count = count + 1
  redis.call('SET', KEYS[1], count, 'PX', ARGV[1])
end
return {count, 1}
`);

/** Keys whose high-water mark a process remembers at most (oldest forgotten first). */
const MAX_REMEMBERED_KEYS = 50_000;

/**
 * A {@link ReplyLedgerStore} shared by every process of a bot: each passive-reply claim is one
 * atomic Lua step on a key per source message (its count is raised only when a claim is granted),
 * so however many processes reply to one message at once, at most the scene's limit are granted
 * and each gets its own `msg_seq` (1, 2, 3 …). Keys expire with the reply window plus a margin.
 *
 * Each process also remembers the highest `msg_seq` it was granted per key, and a claim never
 * goes below it: if Redis restarts empty (or fails over to a replica that lost the key) in the middle
 * of a conversation, the next reply does not reuse a `msg_seq` the platform has seen. A process that
 * never replied to that message before the restart cannot know; with the gateway, one process
 * handles each message, so this covers the usual case.
 *
 * It fails closed by default ({@link RedisReplyLedgerStoreOptions.onUnavailable}): while Redis is
 * unreachable a claim throws {@link RedisUnavailableError} within `operationTimeoutMs`, because the
 * budget is the one piece of shared state a process cannot guess — a reused `msg_seq` silently
 * loses the reply and an overspent budget cannot be taken back.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export class RedisReplyLedgerStore implements ReplyLedgerStore {
  readonly #caller: RedisCaller;
  readonly #fallback: MemoryReplyLedgerStore | undefined;
  /** The highest seq this process was granted per key, until the key would have expired. */
  readonly #highWater = new Map<string, { seq: number; until: number }>();

  /** @param options - The client, the app id and the outage policy. */
  constructor(options: RedisReplyLedgerStoreOptions) {
    this.#caller = new RedisCaller(options, 'RedisReplyLedgerStore');
    this.#fallback = options.onUnavailable === 'local' ? new MemoryReplyLedgerStore() : undefined;
  }

  /**
   * Claims one reply for `key`, atomically across every process (see `ReplyLedgerStore.claim`).
   *
   * @param key - The source message: target and message (or event) id.
   * @param limit - The most replies that may be granted for this key.
   * @param ttlMs - How long the key is kept (the reply window plus a margin).
   * @throws {@link RedisUnavailableError} when Redis is unreachable and `onUnavailable` is `'fail'`.
   */
  async claim(key: string, limit: number, ttlMs: number): Promise<ReplyClaim> {
    let count: number;
    let granted: boolean;
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const floor = this.#floor(key);
    try {
      const reply = await this.#caller.script('reply ledger claim', CLAIM, [this.#caller.key('reply', key)], [ttl, floor, Number.isFinite(limit) ? limit : -1]);
      const [counted, grant] = Array.isArray(reply) ? reply : [];
      count = Number(counted);
      granted = Number(grant) === 1;
    } catch (error) {
      if (!this.#fallback) throw error;
      this.#caller.degraded(error, 'counting replies in this process only');
      return this.#fallback.claim(key, limit, ttlMs);
    }
    if (granted && count > floor) this.#remember(key, count, ttl);
    return { granted, seq: count, used: count };
  }

  #floor(key: string): number {
    const seen = this.#highWater.get(key);
    if (seen === undefined) return 0;
    if (seen.until > Date.now()) return seen.seq;
    this.#highWater.delete(key);
    return 0;
  }

  #remember(key: string, seq: number, ttlMs: number): void {
    this.#highWater.delete(key); // re-insert: the map's order is the order of last use
    this.#highWater.set(key, { seq, until: Date.now() + ttlMs });
    if (this.#highWater.size > MAX_REMEMBERED_KEYS) {
      const oldest = this.#highWater.keys().next().value;
      if (oldest !== undefined) this.#highWater.delete(oldest);
    }
  }
}
