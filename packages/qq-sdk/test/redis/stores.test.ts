import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenManager } from '../../src/auth/index.js';
import type { SessionStartLimit } from '../../src/gateway/index.js';
import {
  createRedisStores,
  RedisDedupStore,
  RedisIdentifyThrottler,
  RedisReplyLedgerStore,
  RedisSessionStore,
  RedisTokenCache,
} from '../../src/redis/index.js';
import { memoryLogger } from '../gateway/harness.js';
import { REDIS_SERVER, RedisServer, SKIP_REASON } from './redisServer.js';

const APP = '102000123';

describe.skipIf(!REDIS_SERVER)(REDIS_SERVER ? 'Redis stores against a real redis-server' : SKIP_REASON, () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const client = (): Redis => {
    const redis = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    clients.push(redis);
    return redis;
  };

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterEach(async () => {
    await client().flushall();
  });
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await server?.stop();
  });

  it('dedup: one of two processes claims an event id, with a TTL, under the app namespace', async () => {
    const a = new RedisDedupStore({ redis: client(), appId: APP });
    const b = new RedisDedupStore({ redis: client(), appId: APP });
    const results = await Promise.all([a.claim('evt-1', 60_000), b.claim('evt-1', 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.claim('evt-1', 60_000)).toBe(false);
    expect(await b.claim('evt-1', 60_000)).toBe(false);
    const ttl = await client().pttl(`qq-sdk:${APP}:dedup:evt-1`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Another app sharing the Redis has its own namespace.
    expect(await new RedisDedupStore({ redis: client(), appId: 'other' }).claim('evt-1', 60_000)).toBe(true);
  });

  it('reply ledger: 20 concurrent claims from two clients grant exactly 5, seqs 1..5, key expires', async () => {
    const a = new RedisReplyLedgerStore({ redis: client(), appId: APP });
    const b = new RedisReplyLedgerStore({ redis: client(), appId: APP });
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim('group:G1:m1', 5, 360_000)));
    const granted = claims.filter((c) => c.granted);
    expect(granted).toHaveLength(5);
    expect(granted.map((c) => c.seq).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const refused of claims.filter((c) => !c.granted)) expect(refused).toEqual({ granted: false, seq: 5, used: 5 });
    const ttl = await client().pttl(`qq-sdk:${APP}:reply:group:G1:m1`);
    expect(ttl).toBeGreaterThan(300_000);
    // Another source message has its own budget.
    expect(await a.claim('group:G1:m2', 5, 360_000)).toEqual({ granted: true, seq: 1, used: 1 });
  });

  it('session store: a session written by one process is resumed by another; delete forgets it', async () => {
    const a = new RedisSessionStore({ redis: client(), appId: APP, ttlMs: 120_000 });
    const b = new RedisSessionStore({ redis: client(), appId: APP });
    const session = { sessionId: 's-1', seq: 42, shardId: 3, shardCount: 4 };
    await a.set(3, session);
    expect(await b.get(3)).toEqual(session);
    expect(await b.get(2)).toBeUndefined();
    expect(await client().pttl(`qq-sdk:${APP}:session:3`)).toBeGreaterThan(100_000);
    // The events handled above the resume position travel with the session.
    const handled = {
      ...session,
      handledAbove: [
        [44, 47],
        [49, 49],
      ] as const,
    };
    await a.set(3, handled);
    expect(await b.get(3)).toEqual(handled);
    await b.delete(3);
    expect(await a.get(3)).toBeUndefined();
    // Garbage under the key is ignored (with a warning), not trusted.
    const logger = memoryLogger();
    await client().set(`qq-sdk:${APP}:session:1`, '{"sessionId":1}');
    expect(await new RedisSessionStore({ redis: client(), appId: APP, logger }).get(1)).toBeUndefined();
    expect(logger.lines.some((l) => l.level === 'warn' && /malformed/.test(l.message))).toBe(true);
  });

  it('token cache: 400 concurrent calls across two TokenManagers make one token request; invalidate drops it for both', async () => {
    let requests = 0;
    const fetchToken = async (): Promise<Response> => {
      requests += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return Response.json({ access_token: `token-${requests}`, expires_in: '7200' });
    };
    const manager = (): TokenManager =>
      new TokenManager({ appId: APP, clientSecret: 'secret', fetch: fetchToken, tokenCache: new RedisTokenCache({ redis: client(), appId: APP }) });
    const [a, b] = [manager(), manager()];
    const tokens = await Promise.all(Array.from({ length: 400 }, (_, i) => (i % 2 ? a : b).getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(requests).toBe(1);
    const stored = JSON.parse((await client().get(`{qq-sdk:${APP}:token}:app`))!) as { token: string; expiresAt: number };
    expect(stored.token).toBe('token-1');
    expect(await client().pttl(`{qq-sdk:${APP}:token}:app`)).toBeGreaterThan(7_000_000);
    // A 401 in one process drops the shared token; the next refresh anywhere fetches a new one, once.
    a.invalidate('token-1');
    expect(await a.getAccessToken()).toBe('token-2');
    b.invalidate('token-1');
    expect(await b.getAccessToken()).toBe('token-2');
    expect(requests).toBe(2);
  });

  it('token cache: a waiter takes the token the lock holder stored even if it is short-lived', async () => {
    const a = new RedisTokenCache({ redis: client(), appId: APP });
    const rb = client();
    let bReads = 0;
    const get = rb.get.bind(rb);
    rb.get = ((key: string) => {
      bReads++;
      return get(key);
    }) as typeof rb.get;
    const b = new RedisTokenCache({ redis: rb, appId: APP });
    const validUntil = Date.now() + 60_000;
    let releaseA!: () => void;
    const aFetching = new Promise<void>((resolve) => (releaseA = resolve));
    let aStarted!: () => void;
    const aHasLock = new Promise<void>((resolve) => (aStarted = resolve));
    const fromA = a.getOrFetch(validUntil, async () => {
      aStarted();
      await aFetching;
      // Inside the refresh window (the platform's clock ran ahead of ours, say).
      return { token: 'short-lived', expiresAt: Date.now() + 30_000 };
    });
    await aHasLock;
    let bFetched = 0;
    const fromB = b.getOrFetch(validUntil, async () => {
      bFetched++;
      return { token: 'b', expiresAt: Date.now() + 7_200_000 };
    });
    // B has looked, found the lock taken, and is polling: now A's fetch completes.
    for (let i = 0; i < 500 && bReads < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(bReads).toBeGreaterThanOrEqual(2);
    releaseA();
    expect((await fromA).token).toBe('short-lived');
    expect((await fromB).token).toBe('short-lived');
    expect(bFetched).toBe(0);
  });

  it('identify throttle: two processes share max_concurrency buckets and one session-start budget', async () => {
    const limit: SessionStartLimit = { total: 1000, remaining: 900, reset_after: 60_000, max_concurrency: 2 };
    const windowMs = 300;
    const a = new RedisIdentifyThrottler({ redis: client(), appId: APP, limit, windowMs });
    const b = new RedisIdentifyThrottler({ redis: client(), appId: APP, limit, windowMs });
    const granted: { shard: number; at: number }[] = [];
    const started = Date.now();
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (shard) => {
        await (shard < 3 ? a : b).waitForIdentify(shard);
        granted.push({ shard, at: Date.now() - started });
      }),
    );
    for (const bucket of [0, 1]) {
      const times = granted
        .filter((g) => g.shard % 2 === bucket)
        .map((g) => g.at)
        .sort((x, y) => x - y);
      expect(times).toHaveLength(3);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(windowMs - 5);
    }
    expect(Number(await client().get(`{qq-sdk:${APP}:identify}:remaining`))).toBe(894);
  });

  it('identify throttle: an exhausted fleet budget waits for its reset', async () => {
    const logger = memoryLogger();
    const limit: SessionStartLimit = { total: 5, remaining: 1, reset_after: 400, max_concurrency: 1 };
    const throttler = new RedisIdentifyThrottler({ redis: client(), appId: APP, limit, windowMs: 10, logger });
    await throttler.waitForIdentify(0);
    const started = Date.now();
    await throttler.waitForIdentify(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(logger.lines.some((l) => l.level === 'warn' && /exhausted/.test(l.message))).toBe(true);
  });

  it('createRedisStores wires every store on one client', async () => {
    const stores = createRedisStores({ redis: client(), appId: APP });
    expect(await stores.dedup.claim('x', 1000)).toBe(true);
    expect((await stores.replyLedger.claim('k', 5, 1000)).seq).toBe(1);
    const throttler = stores.identifyThrottler({ total: 10, remaining: 10, reset_after: 1000, max_concurrency: 1 });
    await throttler.waitForIdentify(0);
    expect(await client().exists(`{qq-sdk:${APP}:identify}:0`)).toBe(1);
  });

  it('createRedisStores from a URL owns its client and quits it on close', async () => {
    const stores = createRedisStores({ redis: server.url, appId: APP });
    expect(await stores.dedup.claim('from-url', 1000)).toBe(true);
    await stores.close();
    expect(stores.redis.status).toBe('end');
    // A client passed in is left open.
    const mine = client();
    const borrowed = createRedisStores({ redis: mine, appId: APP });
    await borrowed.close();
    expect(await mine.ping()).toBe('PONG');
  });

  it('rejects an empty appId (keys must be namespaced), and braces that would move the hash tags', () => {
    expect(() => new RedisDedupStore({ redis: client(), appId: '' })).toThrow(/appId/);
    expect(() => new RedisDedupStore({ redis: client(), appId: '{1}' })).toThrow(/must not contain/);
    expect(
      () =>
        new RedisIdentifyThrottler({ redis: client(), appId: APP, keyPrefix: 'bot}', limit: { total: 1, remaining: 1, reset_after: 0, max_concurrency: 1 } }),
    ).toThrow(/keyPrefix/);
  });
});
