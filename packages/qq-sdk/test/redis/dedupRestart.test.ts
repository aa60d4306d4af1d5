import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisDedupStore } from '../../src/redis/index.js';
import { REDIS_SERVER, RedisServer, SKIP_REASON } from './redisServer.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TTL_MS = 600_000;

describe.skipIf(!REDIS_SERVER)(REDIS_SERVER ? 'the Redis dedup store across a Redis restart (as docs/scaling.md states it)' : SKIP_REASON, () => {
  it('a process that saw an event still skips it; one that never saw it runs it again; new events are shared again', async () => {
    const server = await RedisServer.start();
    cleanups.push(() => server.stop());
    // Two replicas, each with its own client, as two processes have.
    const stores = await Promise.all(
      ['a', 'b'].map(async () => {
        const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
        redis.on('error', () => {});
        cleanups.push(async () => redis.disconnect());
        return new RedisDedupStore({ redis, appId: '102000888' });
      }),
    );
    const [a, b] = stores as [RedisDedupStore, RedisDedupStore];

    expect(await a.claim('evt-0', TTL_MS)).toBe(true);
    expect(await b.claim('evt-0', TTL_MS)).toBe(false); // shared before the restart
    expect(await a.claim('evt-1', TTL_MS)).toBe(true); // only a has seen evt-1

    const admin = new Redis(server.url);
    cleanups.push(async () => admin.disconnect());
    await admin.flushall(); // what a restart without persistence leaves

    expect(await a.claim('evt-1', TTL_MS)).toBe(false); // its local layer remembers
    expect(await b.claim('evt-0', TTL_MS)).toBe(false); // so does b's, for the event it was offered
    expect(await b.claim('evt-1', TTL_MS)).toBe(true); // forgotten fleet-wide: a retry on b runs again
    expect(await a.claim('evt-2', TTL_MS)).toBe(true);
    expect(await b.claim('evt-2', TTL_MS)).toBe(false); // shared again after the restart
  });
});
