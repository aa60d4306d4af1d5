import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, type Message } from '../../src/index.js';
import { RedisReplyLedgerStore } from '../../src/redis/index.js';
import { QQSimulator } from '../../src/testing/index.js';
import { REDIS_SERVER, RedisServer, SKIP_REASON } from './redisServer.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function redisAt(server: RedisServer): Promise<Redis> {
  const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  cleanups.push(async () => redis.disconnect());
  return redis;
}

describe.skipIf(!REDIS_SERVER)(REDIS_SERVER ? 'the Redis reply ledger across a Redis restart' : SKIP_REASON, () => {
  it('never hands out a msg_seq this process was already granted, when Redis comes back empty', async () => {
    const server = await RedisServer.start();
    cleanups.push(() => server.stop());
    const redis = await redisAt(server);
    const ledger = new RedisReplyLedgerStore({ redis, appId: '102000777' });
    const seqs = [];
    for (let i = 0; i < 2; i++) seqs.push((await ledger.claim('group:G1:m1', 5, 300_000)).seq);
    await redis.flushall(); // what a restart without persistence leaves
    for (let i = 0; i < 4; i++) seqs.push(await ledger.claim('group:G1:m1', 5, 300_000));
    expect(seqs.slice(0, 2)).toEqual([1, 2]);
    // The budget is still 5 replies in all: 3, 4, 5 granted, then refused.
    expect(seqs.slice(2)).toEqual([
      { granted: true, seq: 3, used: 3 },
      { granted: true, seq: 4, used: 4 },
      { granted: true, seq: 5, used: 5 },
      { granted: false, seq: 5, used: 5 },
    ]);
  });

  it('keeps a conversation going through a Redis restart without a reply the platform drops (40054005)', async () => {
    const server = await RedisServer.start();
    cleanups.push(() => server.stop());
    const redis = await redisAt(server);
    const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    cleanups.push(() => sim.close());
    const bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'silent',
      replyLedger: new RedisReplyLedgerStore({ redis, appId: sim.appId }),
    });
    cleanups.push(() => bot.stop({ drainTimeoutMs: 0 }));
    const received = new Promise<Message>((resolve) => bot.on('message', resolve));
    await bot.start();
    sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' tell me a story' });
    const msg = await received;
    await msg.reply('once upon a time');
    await msg.reply('there was a bot');
    await server.pause();
    await server.resume(); // empty: the server keeps nothing on disk
    await sim.waitFor(() => redis.status === 'ready', { timeoutMs: 10_000 });
    await msg.reply('that never lost a reply');
    expect(sim.sentMessages.map((sent) => [sent.msgSeq, sent.text])).toEqual([
      [1, 'once upon a time'],
      [2, 'there was a bot'],
      [3, 'that never lost a reply'],
    ]);
  }, 30_000);
});
