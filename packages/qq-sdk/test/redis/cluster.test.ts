import type { Cluster } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { RedisCluster } from './redisCluster.js';
import { REDIS_SERVER, SKIP_REASON } from './redisServer.js';

const APP = '102000321';

// Every store on a real 3-master Redis Cluster through an ioredis Cluster client. A store that hit
// a cluster error (CROSSSLOT from a script touching keys of two slots, say) would fall back to
// local state with a warning, so each test also checks that no store warned.
describe.skipIf(!REDIS_SERVER)(REDIS_SERVER ? 'Redis stores on a 3-master Redis Cluster' : SKIP_REASON, () => {
  let cluster: RedisCluster;
  const clients: Cluster[] = [];
  const client = (): Cluster => {
    const redis = cluster.client();
    clients.push(redis);
    return redis;
  };
  let logger: ReturnType<typeof memoryLogger>;
  const common = (): { redis: Cluster; appId: string; logger: ReturnType<typeof memoryLogger> } => ({ redis: client(), appId: APP, logger });

  beforeAll(async () => {
    cluster = await RedisCluster.start(3);
  }, 30_000);
  afterEach(async () => {
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([]);
    await cluster.flush();
  });
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await cluster?.stop();
  });
  beforeEach(() => {
    logger = memoryLogger();
  });

  it('dedup: one of two processes claims an event id; ids of different chats spread over the masters', async () => {
    const a = new RedisDedupStore(common());
    const b = new RedisDedupStore(common());
    const results = await Promise.all([a.claim(`${APP}:GROUP_AT_MESSAGE_CREATE:e1`, 60_000), b.claim(`${APP}:GROUP_AT_MESSAGE_CREATE:e1`, 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await b.claim(`${APP}:GROUP_AT_MESSAGE_CREATE:e1`, 60_000)).toBe(false);
    const ttl = await client().pttl(`qq-sdk:${APP}:dedup:${APP}:GROUP_AT_MESSAGE_CREATE:e1`);
    expect(ttl).toBeGreaterThan(50_000);
    for (let i = 0; i < 30; i++) expect(await a.claim(`${APP}:GROUP_AT_MESSAGE_CREATE:chat-${i}`, 60_000)).toBe(true);
    const keys = await cluster.keys();
    expect(keys).toHaveLength(31);
    expect(new Set(keys.map((k) => k.port)).size).toBe(3);
  });

  it('reply ledger: 20 concurrent claims from two clients grant exactly 5 with seqs 1..5, on every master', async () => {
    const a = new RedisReplyLedgerStore(common());
    const b = new RedisReplyLedgerStore(common());
    // Messages of different chats live on different masters: each runs the claim script there.
    const messages = Array.from({ length: 12 }, (_, i) => `group:G${i}:m1`);
    for (const message of messages) {
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(message, 5, 360_000)));
      const granted = claims.filter((c) => c.granted);
      expect(granted.map((c) => c.seq).sort()).toEqual([1, 2, 3, 4, 5]);
      for (const refused of claims.filter((c) => !c.granted)) expect(refused).toEqual({ granted: false, seq: 5, used: 5 });
    }
    expect(await client().pttl(`qq-sdk:${APP}:reply:group:G0:m1`)).toBeGreaterThan(300_000);
    const keys = await cluster.keys();
    expect(keys).toHaveLength(messages.length);
    expect(new Set(keys.map((k) => k.port)).size).toBe(3);
  });

  it('session store: a session written by one process is resumed by another; delete forgets it', async () => {
    const a = new RedisSessionStore({ ...common(), ttlMs: 120_000 });
    const b = new RedisSessionStore(common());
    const session = { sessionId: 's-1', seq: 42, shardId: 3, shardCount: 4 };
    await a.set(3, session);
    expect(await b.get(3)).toEqual(session);
    expect(await b.get(2)).toBeUndefined();
    expect(await client().pttl(`qq-sdk:${APP}:session:3`)).toBeGreaterThan(100_000);
    await b.delete(3);
    expect(await a.get(3)).toBeUndefined();
  });

  it('token cache: 200 concurrent calls across two TokenManagers make one token request; invalidate drops it', async () => {
    let requests = 0;
    const fetchToken = async (): Promise<Response> => {
      requests += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return Response.json({ access_token: `token-${requests}`, expires_in: '7200' });
    };
    const manager = (): TokenManager => new TokenManager({ appId: APP, clientSecret: 'secret', fetch: fetchToken, tokenCache: new RedisTokenCache(common()) });
    const [a, b] = [manager(), manager()];
    const tokens = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(requests).toBe(1);
    expect(await client().pttl(`{qq-sdk:${APP}:token}:app`)).toBeGreaterThan(7_000_000);
    a.invalidate('token-1');
    expect(await a.getAccessToken()).toBe('token-2');
    b.invalidate('token-1');
    expect(await b.getAccessToken()).toBe('token-2');
    expect(requests).toBe(2);
    // The token and its refresh lock share a slot (a script may touch both).
    expect(await cluster.slotOf(`{qq-sdk:${APP}:token}:lock`)).toBe(await cluster.slotOf(`{qq-sdk:${APP}:token}:app`));
  });

  it('identify throttle: two processes share max_concurrency buckets and one session-start budget', async () => {
    const limit: SessionStartLimit = { total: 1000, remaining: 900, reset_after: 60_000, max_concurrency: 2 };
    const windowMs = 200;
    const a = new RedisIdentifyThrottler({ ...common(), limit, windowMs });
    const b = new RedisIdentifyThrottler({ ...common(), limit, windowMs });
    const granted: { shard: number; at: number }[] = [];
    const started = Date.now();
    await Promise.all(
      [0, 1, 2, 3].map(async (shard) => {
        await (shard < 2 ? a : b).waitForIdentify(shard);
        granted.push({ shard, at: Date.now() - started });
      }),
    );
    for (const bucket of [0, 1]) {
      const times = granted
        .filter((g) => g.shard % 2 === bucket)
        .map((g) => g.at)
        .sort((x, y) => x - y);
      expect(times).toHaveLength(2);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(windowMs - 5);
    }
    // One script touches a bucket and the budget: all identify keys hash to one slot.
    expect(Number(await client().get(`{qq-sdk:${APP}:identify}:remaining`))).toBe(896);
    const slots = await Promise.all(['0', '1', 'remaining'].map((id) => cluster.slotOf(`{qq-sdk:${APP}:identify}:${id}`)));
    expect(new Set(slots).size).toBe(1);
  });

  it('createRedisStores takes a Cluster client and leaves it open on close', async () => {
    const redis = client();
    const stores = createRedisStores({ redis, appId: APP, logger });
    expect(stores.redis).toBe(redis);
    expect(await stores.dedup.claim('x', 1000)).toBe(true);
    expect((await stores.replyLedger.claim('k', 5, 1000)).seq).toBe(1);
    await stores.sessions.set(0, { sessionId: 's', seq: 1, shardId: 0, shardCount: 1 });
    await stores.identifyThrottler({ total: 10, remaining: 10, reset_after: 1000, max_concurrency: 1 }).waitForIdentify(0);
    expect(await redis.exists(`{qq-sdk:${APP}:identify}:0`)).toBe(1);
    await stores.close();
    expect(await redis.ping()).toBe('PONG');
  });
});
