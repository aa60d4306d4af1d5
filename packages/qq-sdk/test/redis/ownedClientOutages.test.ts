import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedisStores } from '../../src/redis/index.js';
import { memoryLogger } from '../gateway/harness.js';
import { REDIS_SERVER, RedisServer, SKIP_REASON } from './redisServer.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(!REDIS_SERVER)(REDIS_SERVER ? 'a Redis client createRedisStores builds from a URL' : SKIP_REASON, () => {
  it('reports an outage once through the logger, not an "Unhandled error event" per reconnect, and its end', async () => {
    const server = await RedisServer.start();
    cleanups.push(() => server.stop());
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logger = memoryLogger();
    const stores = createRedisStores({ redis: server.url, appId: '102000999', logger });
    cleanups.push(() => stores.close());
    await stores.sessions.set(0, { sessionId: 's', seq: 1, shardId: 0, shardCount: 1 });
    await server.pause();
    // ioredis retries every few hundred ms: several attempts fail in this time.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await server.resume();
    const deadline = Date.now() + 10_000;
    while (!logger.lines.some((line) => line.message.includes('reachable again')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const warnings = logger.lines.filter((line) => line.level === 'warn' && line.message.includes('Redis is unreachable'));
    expect(warnings).toHaveLength(1);
    expect(logger.lines.some((line) => line.message.includes('Redis is reachable again'))).toBe(true);
    expect(printed.mock.calls.flat().join(' ')).not.toContain('Unhandled error event');
  });
});
