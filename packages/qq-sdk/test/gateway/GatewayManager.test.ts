import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/index.js';
import { FileSessionStore, SimpleIdentifyThrottler } from '../../src/gateway/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('GatewayManager', () => {
  it('runs the recommended number of shards, each with its own session, and routes events per shard', async () => {
    h = await startHarness({ shards: 2, sessionStartLimit: { max_concurrency: 2 } });
    const harness = h;
    const shardsSeen = new Map<string, number | undefined>();
    harness.dispatcher.on('GROUP_AT_MESSAGE_CREATE', (message, meta) => {
      shardsSeen.set(message.group_openid, meta.shardId);
    });
    const gateway = harness.makeManager();
    await gateway.connect();
    expect(gateway.shardCount).toBe(2);
    expect([...gateway.shards.keys()]).toEqual([0, 1]);
    expect(harness.sim.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(new Set(harness.sim.sessions.map((session) => session.id)).size).toBe(2);
    expect(harness.sim.sessionStartLimit.remaining).toBe(998);
    const groups = Array.from({ length: 20 }, (_, i) => `GROUP${String(i).padStart(28, '0')}`);
    const delivered = groups.map((group) => harness.sim.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: group }).delivered);
    expect(delivered.every((count) => count === 1)).toBe(true);
    await harness.sim.waitFor(() => shardsSeen.size === 20);
    expect(new Set(shardsSeen.values())).toEqual(new Set([0, 1]));
    expect(gateway.counters.identifies).toBe(2);
  });

  it('runs only the shards given to this process', async () => {
    h = await startHarness({ shards: 3, sessionStartLimit: { max_concurrency: 3 } });
    const single = h.makeManager({ shard: [1, 3] });
    await single.connect();
    expect([...single.shards.keys()]).toEqual([1]);
    const range = h.makeManager({ shardCount: 3, shards: { from: 0, to: 0 } });
    await range.connect();
    const list = h.makeManager({ shards: [2] });
    await list.connect();
    expect(h.sim.identifies.map((identify) => identify.shard)).toEqual([
      [1, 3],
      [0, 3],
      [2, 3],
    ]);
  });

  it('a shard that fails for good while connecting stops the others; connect() can then be called again', async () => {
    h = await startHarness({ shards: 2, sessionStartLimit: { max_concurrency: 2 } });
    const harness = h;
    let trapped = false;
    // Shard 1 identifies only once shard 0 is READY, and by then the bot is delisted (4914, fatal).
    const throttler = {
      async waitForIdentify(shardId: number) {
        if (shardId !== 1 || trapped) return;
        trapped = true;
        await harness.sim.waitFor(() => harness.sim.sessions.some((session) => session.connected), { timeoutMs: 5_000 });
        harness.sim.close(4914);
      },
    };
    const gateway = harness.makeManager({ identifyThrottler: throttler });
    await expect(gateway.connect()).rejects.toMatchObject({ name: 'GatewayError', closeCode: 4914 });
    expect(gateway.shards.size).toBe(0);
    await harness.sim.waitFor(() => harness.sim.sessions.every((session) => !session.connected), {
      timeoutMs: 5_000,
      description: 'shard 0 to be stopped too',
    });
    // A second connect() is a fresh start, not "already connected" (the simulator still refuses 4914).
    await expect(gateway.connect()).rejects.toMatchObject({ name: 'GatewayError', closeCode: 4914 });
    await gateway.destroy();
  });

  it('rejects shard ids outside the shard count', async () => {
    h = await startHarness();
    await expect(h.makeManager({ shards: [0, 1] }).connect()).rejects.toThrow(/outside 0..0/);
    expect(h.sim.connections).toHaveLength(0);
  });

  it('honours max_concurrency: one identify per window when it is 1', async () => {
    h = await startHarness({ shards: 2, sessionStartLimit: { max_concurrency: 1 } });
    const gateway = h.makeManager({
      identifyThrottler: (limit) => new SimpleIdentifyThrottler({ limit, windowMs: 250 }),
    });
    await gateway.connect();
    const [first, second] = h.sim.identifies.map((identify) => identify.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(240);
  });

  it('resumes after a process restart from a FileSessionStore, replaying what it missed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qq-gw-'));
    try {
      h = await startHarness();
      const harness = h;
      const path = join(dir, 'sessions.json');
      const before: string[] = [];
      harness.dispatcher.on('GROUP_AT_MESSAGE_CREATE', (message) => {
        before.push(message.content);
      });
      const first = harness.makeManager({ sessionStore: new FileSessionStore(path) });
      await first.connect();
      harness.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'seen by the first process' });
      await harness.sim.waitFor(() => before.length === 1);
      await first.destroy();
      await harness.sim.waitFor(() => harness.sim.openConnections === 0);
      harness.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'missed 1' });
      harness.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'missed 2' });

      // "Restart": a new dispatcher, manager and store on the same file.
      const after: string[] = [];
      const dispatcher = new EventDispatcher();
      dispatcher.on('GROUP_AT_MESSAGE_CREATE', (message) => {
        after.push(message.content);
      });
      const second = harness.makeManager({ dispatcher, sessionStore: new FileSessionStore(path) });
      await second.connect();
      await harness.sim.waitFor(() => after.length === 2);
      expect(after).toEqual(['missed 1', 'missed 2']);
      expect(harness.sim.identifies).toHaveLength(1);
      expect(harness.sim.resumes).toHaveLength(1);
      expect(second.counters).toMatchObject({ identifies: 0, resumed: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('identifies when the stored session belongs to another shard count', async () => {
    h = await startHarness();
    const store = {
      get: () => ({ sessionId: 'stale', seq: 5, shardId: 0, shardCount: 4 }),
      set: () => {},
      delete: () => {},
    };
    await h.makeManager({ sessionStore: store }).connect();
    expect(h.sim.resumes).toHaveLength(0);
    expect(h.sim.identifies).toHaveLength(1);
  });
});
