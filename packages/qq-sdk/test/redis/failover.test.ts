import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenManager } from '../../src/auth/index.js';
import { QQBot, type Message } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';
import {
  RedisDedupStore,
  RedisIdentifyThrottler,
  RedisReplyLedgerStore,
  RedisSessionStore,
  RedisTokenCache,
  RedisUnavailableError,
} from '../../src/redis/index.js';
import { memoryLogger } from '../gateway/harness.js';
import { REDIS_SERVER, RedisServer, SKIP_REASON } from './redisServer.js';

const APP = '102000456';

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Redis goes away while the bot runs: every store but the reply ledger keeps working on local
// state (warning once), the ledger fails closed fast with a typed error, and all recover with Redis.
describe.skipIf(!REDIS_SERVER)(REDIS_SERVER ? 'Redis briefly unavailable' : SKIP_REASON, () => {
  let server: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await RedisServer.start();
    redis = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    // The outages below are on purpose: the client's error events are expected, not news.
    redis.on('error', () => {});
    await redis.ping();
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('falls back (dedup, sessions, token, identify), fails closed (ledger), and recovers', async () => {
    const logger = memoryLogger();
    const common = { redis, appId: APP, logger, operationTimeoutMs: 300 };
    const dedup = new RedisDedupStore(common);
    const ledger = new RedisReplyLedgerStore(common);
    const localLedger = new RedisReplyLedgerStore({ ...common, onUnavailable: 'local' });
    const sessions = new RedisSessionStore(common);
    let tokenRequests = 0;
    const tokens = new TokenManager({
      appId: APP,
      clientSecret: 'secret',
      tokenCache: new RedisTokenCache(common),
      fetch: async () => Response.json({ access_token: `t${++tokenRequests}`, expires_in: 7200 }),
    });
    const throttler = new RedisIdentifyThrottler({ ...common, limit: { total: 10, remaining: 10, reset_after: 60_000, max_concurrency: 1 }, windowMs: 10 });

    expect(await dedup.claim('before', 60_000)).toBe(true);
    await sessions.set(0, { sessionId: 's0', seq: 7, shardId: 0, shardCount: 1 });

    await server.pause();
    await until(() => redis.status !== 'ready', 'the client to notice the outage');

    const started = Date.now();
    // Receiving goes on: new events are delivered, local duplicates still dropped.
    expect(await dedup.claim('during', 60_000)).toBe(true);
    expect(await dedup.claim('during', 60_000)).toBe(false);
    expect(await dedup.claim('before', 60_000)).toBe(false);
    // The ledger refuses to guess...
    await expect(ledger.claim('group:G:m', 5, 60_000)).rejects.toBeInstanceOf(RedisUnavailableError);
    // ...unless told to count locally.
    expect(await localLedger.claim('group:G:m', 5, 60_000)).toEqual({ granted: true, seq: 1, used: 1 });
    // A reconnecting shard still finds its session; tokens and identifies still work.
    expect(await sessions.get(0)).toEqual({ sessionId: 's0', seq: 7, shardId: 0, shardCount: 1 });
    expect(await tokens.getAccessToken()).toBe('t1');
    await throttler.waitForIdentify(0);
    expect(Date.now() - started).toBeLessThan(3000);
    const warnings = logger.lines.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings.filter((m) => m.startsWith('RedisDedupStore'))).toHaveLength(1);
    expect(warnings.some((m) => m.startsWith('RedisSessionStore'))).toBe(true);
    expect(warnings.some((m) => m.startsWith('RedisTokenCache'))).toBe(true);
    expect(warnings.some((m) => m.startsWith('RedisIdentifyThrottler'))).toBe(true);
    expect(warnings.some((m) => m.startsWith('RedisReplyLedgerStore'))).toBe(true);

    await server.resume();
    await until(() => redis.status === 'ready', 'the client to reconnect');
    expect(await ledger.claim('group:G:m2', 5, 60_000)).toEqual({ granted: true, seq: 1, used: 1 });
    expect(await dedup.claim('after', 60_000)).toBe(true);
    expect(await redis.exists(`qq-sdk:${APP}:dedup:after`)).toBe(1);
    expect(logger.lines.some((l) => l.level === 'info' && /RedisDedupStore: Redis is back/.test(l.message))).toBe(true);
  });

  it('a QQBot on Redis stores keeps receiving through an outage; replies fail closed, then work again', async () => {
    const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    const logger = memoryLogger();
    const common = { redis, appId: sim.appId, logger, operationTimeoutMs: 300 };
    const bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logger,
      logLevel: 'warn',
      dedupStore: new RedisDedupStore(common),
      replyLedger: new RedisReplyLedgerStore(common),
      sessionStore: new RedisSessionStore(common),
    });
    const outcomes: unknown[] = [];
    bot.on('message', async (msg: Message) => {
      try {
        await msg.reply('ok');
        outcomes.push('replied');
      } catch (error) {
        outcomes.push(error);
      }
    });
    try {
      await bot.start();
      await server.pause();
      await until(() => redis.status !== 'ready', 'the client to notice the outage');
      sim.deliverTwice(1);
      sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'during the outage' });
      await until(() => outcomes.length >= 1, 'the handler to run');
      expect(outcomes[0]).toBeInstanceOf(RedisUnavailableError);
      // The duplicate was still dropped (this process remembers what it saw).
      expect(bot.events.counters.duplicates).toBe(1);

      await server.resume();
      await until(() => redis.status === 'ready', 'the client to reconnect');
      sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'after' });
      await until(() => outcomes.length >= 2, 'the second handler');
      expect(outcomes[1]).toBe('replied');
      expect(sim.sentMessages).toHaveLength(1);
    } finally {
      await bot.stop();
      await sim.close();
    }
  });

  it('a claim that gets no answer in time fails within operationTimeoutMs', async () => {
    const hung = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    try {
      await hung.ping();
      // CLIENT PAUSE holds every write command without closing the connection: Redis "hangs".
      await redis.call('CLIENT', 'PAUSE', '1500', 'WRITE');
      const ledger = new RedisReplyLedgerStore({ redis: hung, appId: APP, operationTimeoutMs: 200 });
      const started = Date.now();
      await expect(ledger.claim('group:G:slow', 5, 60_000)).rejects.toThrow(/no answer within 200 ms/);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await redis.call('CLIENT', 'UNPAUSE');
      hung.disconnect();
    }
  });
});
