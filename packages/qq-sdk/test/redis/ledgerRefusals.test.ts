import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplyQuota } from '../../src/entries/messaging.js';
import { RedisReplyLedgerStore } from '../../src/redis/index.js';
import { REDIS_SERVER, RedisServer, SKIP_REASON } from './redisServer.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function ledger(): Promise<RedisReplyLedgerStore> {
  const server = await RedisServer.start();
  cleanups.push(() => server.stop());
  const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  cleanups.push(async () => redis.disconnect());
  return new RedisReplyLedgerStore({ redis, appId: '102000999' });
}

describe.skipIf(!REDIS_SERVER)(REDIS_SERVER ? 'the Redis reply ledger refuses without counting' : SKIP_REASON, () => {
  it('a claim refused under a lower limit leaves the reply for a later claim under the full limit', async () => {
    const store = await ledger();
    expect(await store.claim('c2c:U1:m1', 3, 60_000)).toEqual({ granted: true, seq: 1, used: 1 });
    expect(await store.claim('c2c:U1:m1', 3, 60_000)).toEqual({ granted: true, seq: 2, used: 2 });
    expect(await store.claim('c2c:U1:m1', 3, 60_000)).toEqual({ granted: true, seq: 3, used: 3 });
    // A typing notice keeping the last of 4 replies is refused, and refusals repeat without counting.
    for (let i = 0; i < 3; i++) expect(await store.claim('c2c:U1:m1', 3, 60_000)).toEqual({ granted: false, seq: 3, used: 3 });
    expect(await store.claim('c2c:U1:m1', 4, 60_000)).toEqual({ granted: true, seq: 4, used: 4 });
    expect(await store.claim('c2c:U1:m1', 4, 60_000)).toMatchObject({ granted: false });
  });

  it('no limit (guild scenes) keeps granting', async () => {
    const store = await ledger();
    for (let i = 1; i <= 6; i++) expect(await store.claim('guild:C1:m1', Number.POSITIVE_INFINITY, 60_000)).toMatchObject({ granted: true, seq: i });
  });

  it('through ReplyQuota: typing notices that keep a reply never cost the answer its reply', async () => {
    const quota = new ReplyQuota({ replyLedger: await ledger() });
    const source = { target: { scene: 'c2c' as const, openid: 'U2' }, sourceId: 'm2', receivedAt: new Date() };
    let notices = 0;
    for (let i = 0; i < 6; i++) {
      try {
        await quota.claim(source, { reserve: 1 });
        notices++;
      } catch {
        // refused: the last reply is kept
      }
    }
    expect(notices).toBe(3);
    await expect(quota.claim(source)).resolves.toMatchObject({ msgSeq: 4 });
  });
});
