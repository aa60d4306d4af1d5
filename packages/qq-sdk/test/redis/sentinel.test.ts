import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyClaim } from '../../src/messaging/ReplyLedgerStore.js';
import { RedisDedupStore, RedisReplyLedgerStore, RedisSessionStore, RedisUnavailableError } from '../../src/redis/index.js';
import { memoryLogger } from '../gateway/harness.js';
import { REDIS_SENTINEL, REDIS_SERVER, SENTINEL_SKIP_REASON, SKIP_REASON } from './redisServer.js';
import { MASTER_NAME, onNode, parseInfo, SentinelGroup } from './sentinelGroup.js';

const APP = '102000654';
const skipReason = !REDIS_SERVER ? SKIP_REASON : !REDIS_SENTINEL ? SENTINEL_SKIP_REASON : undefined;
const OPERATION_TIMEOUT_MS = 300;
/** The most one store call may take: its timeout plus slack for a busy test machine. */
const CALL_BOUND_MS = OPERATION_TIMEOUT_MS + 700;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A master, a replica and a Sentinel, stopped after the test. */
async function startGroup(): Promise<SentinelGroup> {
  const group = await SentinelGroup.start();
  cleanups.push(() => group.stop());
  return group;
}

/** A client that finds the master through the Sentinel, as the scaling guide shows; its errors are collected. */
async function sentinelClient(group: SentinelGroup, failoverDetector = false): Promise<{ redis: Redis; errors: Error[] }> {
  const redis = new Redis({
    sentinels: group.sentinels,
    name: MASTER_NAME,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 100,
    sentinelRetryStrategy: () => 100,
    failoverDetector,
  });
  const errors: Error[] = [];
  redis.on('error', (error: Error) => errors.push(error));
  cleanups.push(async () => redis.disconnect());
  await redis.ping();
  return { redis, errors };
}

describe.skipIf(skipReason !== undefined)(skipReason ?? 'Redis stores across a Sentinel failover', () => {
  // The master dies with writes its replica never received; Sentinel promotes the replica. The
  // stores ride it out: the ledger fails closed (bounded) during the failover and never hands out
  // a msg_seq twice, dedup keeps deciding locally, and both are shared again on the new master.
  // What the new master never received is gone: the guide states it, and this shows it.
  it('the ledger never reuses a msg_seq and dedup keeps working through the failover', async () => {
    const group = await startGroup();
    const { redis } = await sentinelClient(group);
    const logger = memoryLogger();
    const common = { redis, appId: APP, logger, operationTimeoutMs: OPERATION_TIMEOUT_MS };
    const ledger = new RedisReplyLedgerStore(common);
    const dedup = new RedisDedupStore(common);
    const sessions = new RedisSessionStore(common);
    const message = 'group:G1:m1';
    const granted: number[] = [];
    const claim = async (): Promise<ReplyClaim> => {
      const result = await ledger.claim(message, 100, 300_000);
      if (result.granted) granted.push(result.seq);
      return result;
    };

    // Replicated before the failover.
    await claim();
    await claim();
    expect(await dedup.claim('replicated', 60_000)).toBe(true);
    await sessions.set(0, { sessionId: 's0', seq: 7, shardId: 0, shardCount: 1 });
    expect(await redis.call('WAIT', 1, 2000)).toBe(1);
    // Written to the master only: lost when it dies.
    await group.stopReplication();
    await claim();
    expect(await dedup.claim('unreplicated', 60_000)).toBe(true);
    expect(granted).toEqual([1, 2, 3]);

    await group.master.pause();
    const failoverStarted = Date.now();
    let unavailable = 0;
    const probeSeqs: number[] = [];
    // A claim on another message and two dedup decisions every 100 ms until the ledger works again
    // (at most 300 rounds). The conversation itself waits, so a probe that timed out but reached the
    // new master later cannot hide what the floor does.
    for (let round = 0; round < 300 && probeSeqs.length === 0; round++) {
      const started = Date.now();
      try {
        probeSeqs.push((await ledger.claim('group:G1:probe', 100, 300_000)).seq);
      } catch (error) {
        expect(error).toBeInstanceOf(RedisUnavailableError);
        unavailable += 1;
      }
      expect(Date.now() - started).toBeLessThan(CALL_BOUND_MS);
      // Events keep flowing: new ones are delivered, this process's duplicates dropped.
      expect(await dedup.claim(`during-${round}`, 60_000)).toBe(true);
      expect(await dedup.claim('unreplicated', 60_000)).toBe(false);
      expect(Date.now() - started).toBeLessThan(3 * CALL_BOUND_MS);
      if (probeSeqs.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(probeSeqs, 'the ledger works again on the promoted replica').toHaveLength(1);
    expect(Date.now() - failoverStarted).toBeLessThan(20_000);
    expect(unavailable).toBeGreaterThan(0);
    expect(await group.masterPort()).toBe(group.replica.port);
    // The new master never saw seq 3, but this process remembers it: the conversation goes on at 4.
    for (let i = 0; i < 3; i++) await claim();
    expect(granted).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await onNode(group.replica.port, (node) => node.get(`qq-sdk:${APP}:reply:${message}`))).toBe('6');

    // Shared state on the new master: what was replicated is there, what was not is gone. Another
    // process (a store without this one's local memory) would run the unreplicated event again.
    const otherProcess = new RedisDedupStore({ redis, appId: APP });
    expect(await otherProcess.claim('replicated', 60_000)).toBe(false);
    expect(await otherProcess.claim('unreplicated', 60_000)).toBe(true);
    expect(await new RedisSessionStore({ redis, appId: APP }).get(0)).toEqual({ sessionId: 's0', seq: 7, shardId: 0, shardCount: 1 });

    // Reported once per outage, and its end; the ledger fails closed without warning (it throws).
    const lines = logger.lines.map((line) => `${line.level} ${line.message}`);
    expect(lines.filter((line) => line.startsWith('warn RedisDedupStore'))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('info RedisDedupStore: Redis is back'))).toBe(true);
  }, 30_000);

  // A planned failover (SENTINEL FAILOVER) while the old master is still up. With
  // `failoverDetector: true` the client follows the switch at once; the process keeps replying in
  // order and deduplicating, with every call bounded, and no msg_seq is handed out twice (the
  // floor covers writes the old master may take in its last moment and never pass on).
  it('a planned failover: the client follows the switch, claims stay unique and ordered', async () => {
    const group = await startGroup();
    const { redis, errors } = await sentinelClient(group, true);
    const logger = memoryLogger();
    const common = { redis, appId: APP, logger, operationTimeoutMs: OPERATION_TIMEOUT_MS };
    const ledger = new RedisReplyLedgerStore(common);
    const dedup = new RedisDedupStore(common);
    const granted: number[] = [];
    let unavailable = 0;
    const servedBy = async (): Promise<number> => Number(parseInfo(await redis.info('server')).get('tcp_port'));
    expect(await servedBy()).toBe(group.master.port);

    await onNode(group.sentinel.port, (sentinel) => sentinel.call('SENTINEL', 'FAILOVER', MASTER_NAME));
    let switchedAt: number | undefined;
    let followedAt: number | undefined;
    // A reply and an event every 50 ms, through the failover and until the client is on the new
    // master (at most 200 rounds).
    for (let round = 0; round < 200 && followedAt === undefined; round++) {
      const started = Date.now();
      try {
        const claim = await ledger.claim('group:G2:m1', 1000, 300_000);
        if (claim.granted) granted.push(claim.seq);
      } catch (error) {
        expect(error).toBeInstanceOf(RedisUnavailableError);
        unavailable += 1;
      }
      expect(await dedup.claim(`event-${round}`, 60_000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2 * CALL_BOUND_MS);
      if (switchedAt === undefined && (await group.masterPort()) === group.replica.port) switchedAt = Date.now();
      if (switchedAt !== undefined && redis.status === 'ready' && (await servedBy().catch(() => 0)) === group.replica.port) followedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(switchedAt, 'Sentinel promoted the replica').toBeDefined();
    expect(followedAt, 'the client moved to the new master').toBeDefined();
    // Without failoverDetector ioredis stays on the demoted master until Sentinel disconnects it (~10 s).
    expect(followedAt! - switchedAt!).toBeLessThan(3000);
    for (let i = 0; i < 3; i++) {
      const claim = await ledger.claim('group:G2:m1', 1000, 300_000);
      granted.push(claim.seq);
    }
    expect(new Set(granted).size).toBe(granted.length);
    expect([...granted].sort((a, b) => a - b)).toEqual(granted);
    expect(granted.length).toBeGreaterThan(3);
    // Dedup is shared on the new master: another process sees this one's recent events.
    expect(await dedup.claim('after-switch', 60_000)).toBe(true);
    expect(await new RedisDedupStore({ redis, appId: APP }).claim('after-switch', 60_000)).toBe(false);
    expect(errors.filter((error) => !/ECONNREFUSED|sentinels are unreachable|Connection is closed/u.test(error.message))).toEqual([]);
  }, 30_000);
});
