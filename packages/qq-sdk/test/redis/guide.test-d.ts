// The code of docs/scaling.md, type-checked so the guide cannot drift from the API.
import { Cluster, Redis } from 'ioredis';
import { describe, expectTypeOf, it } from 'vitest';
import { QQBot } from '../../src/index.js';
import { API, RestClient, TokenManager, type SharedTokenCache } from '../../src/entries/rest.js';
import { type DedupStore } from '../../src/entries/events.js';
import { type GatewaySessionStore, type IdentifyThrottler } from '../../src/entries/gateway.js';
import { type ReplyLedgerStore } from '../../src/entries/messaging.js';
import {
  createRedisStores,
  RedisDedupStore,
  RedisIdentifyThrottler,
  RedisReplyLedgerStore,
  RedisSessionStore,
  RedisTokenCache,
  RedisUnavailableError,
  type RedisClient,
  type RedisStores,
} from '../../src/redis/index.js';
import { type QQError } from '../../src/errors/index.js';

declare const appId: string;
declare const clientSecret: string;
declare const redis: Redis;
declare const url: string;

describe('docs/scaling.md', () => {
  it('quick start', async () => {
    const stores = createRedisStores({ redis: process.env['REDIS_URL']!, appId });
    const bot = new QQBot({
      appId,
      clientSecret: process.env['QQBOT_APP_SECRET']!,
      intents: ['GROUP_AND_C2C_EVENT'],
      dedupStore: stores.dedup,
      replyLedger: stores.replyLedger,
      sessionStore: stores.sessions,
      gateway: { identifyThrottler: stores.identifyThrottler },
    });
    bot.on('message', (msg) => msg.reply('pong'));
    await bot.start();
    await bot.stop();
    await stores.close();
    expectTypeOf(stores).toEqualTypeOf<RedisStores>();
  });

  it('each store implements its core interface', () => {
    expectTypeOf(new RedisDedupStore({ redis, appId })).toExtend<DedupStore>();
    expectTypeOf(new RedisReplyLedgerStore({ redis, appId })).toExtend<ReplyLedgerStore>();
    expectTypeOf(new RedisSessionStore({ redis, appId })).toExtend<GatewaySessionStore>();
    expectTypeOf(new RedisTokenCache({ redis, appId })).toExtend<SharedTokenCache>();
    const limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
    expectTypeOf(new RedisIdentifyThrottler({ redis, appId, limit })).toExtend<IdentifyThrottler>();
    expectTypeOf(new RedisUnavailableError('x', 'y')).toExtend<QQError>();
  });

  it('shards across processes', async () => {
    const index = Number(process.env['SHARD_PROCESS']);
    const stores = createRedisStores({ redis: process.env['REDIS_URL']!, appId });
    const bot = new QQBot({
      appId,
      clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      dedupStore: stores.dedup,
      replyLedger: stores.replyLedger,
      sessionStore: stores.sessions,
      gateway: {
        shardCount: 16,
        shards: { from: index * 4, to: index * 4 + 3 },
        identifyThrottler: stores.identifyThrottler,
      },
    });
    await bot.start();
  });

  it('webhook replicas', async () => {
    const stores = createRedisStores({ redis: process.env['REDIS_URL']!, appId });
    const bot = new QQBot({
      appId,
      clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      transport: 'webhook',
      webhook: { port: 8080, host: '0.0.0.0' },
      dedupStore: stores.dedup,
      replyLedger: stores.replyLedger,
    });
    await bot.start();
  });

  it('one token request for the fleet', () => {
    const tokens = new TokenManager({ appId, clientSecret, tokenCache: new RedisTokenCache({ redis, appId }) });
    const api = new API(new RestClient({ token: tokens, appId }));
    expectTypeOf(api).toEqualTypeOf<API>();
  });

  it('Redis Cluster', () => {
    const cluster = new Cluster(
      [
        { host: '10.0.0.1', port: 6379 },
        { host: '10.0.0.2', port: 6379 },
      ],
      { redisOptions: { maxRetriesPerRequest: 1 } },
    );
    cluster.on('error', (error: Error) => console.warn('redis:', error.message));
    const stores = createRedisStores({ redis: cluster, appId });
    expectTypeOf(stores).toEqualTypeOf<RedisStores<Cluster>>();
    expectTypeOf(stores.redis).toEqualTypeOf<Cluster>();
    expectTypeOf(new RedisDedupStore({ redis: cluster, appId })).toEqualTypeOf<RedisDedupStore>();
  });

  it('Redis Sentinel', () => {
    const redis = new Redis({
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
      ],
      name: 'mymaster',
      failoverDetector: true,
      maxRetriesPerRequest: 1,
    });
    redis.on('error', (error: Error) => console.warn('redis:', error.message));
    const stores = createRedisStores({ redis, appId });
    expectTypeOf(stores).toEqualTypeOf<RedisStores>();
    // A client typed as either kind works too.
    const either: RedisClient = Math.random() > 0.5 ? redis : new Cluster([]);
    expectTypeOf(createRedisStores({ redis: either, appId }).redis).toEqualTypeOf<Redis | Cluster>();
  });

  it('the ledger can be told to count locally during an outage', () => {
    createRedisStores({ redis: url, appId, replyLedgerOnUnavailable: 'local' });
    expectTypeOf(new RedisReplyLedgerStore({ redis, appId, onUnavailable: 'local' })).toEqualTypeOf<RedisReplyLedgerStore>();
  });
});
