import { afterEach, describe, expect, it } from 'vitest';
import { GatewayShard, MemorySessionStore, type GatewayShardStatus } from '../../src/gateway/index.js';
import { FAST, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
let shard: GatewayShard | undefined;
afterEach(async () => {
  await shard?.destroy();
  await h?.close();
  shard = undefined;
  h = undefined;
});

function makeShard(harness: Harness, store = new MemorySessionStore()): GatewayShard {
  return new GatewayShard({
    shardId: 0,
    shardCount: 1,
    url: harness.sim.wsUrl,
    intents: 1 << 25,
    getAccessToken: (signal) => harness.tokens.getAccessToken(signal),
    dispatcher: harness.dispatcher,
    sessionStore: store,
    logger: harness.logger,
    backoff: FAST.backoff,
    closeTimeoutMs: FAST.closeTimeoutMs,
  });
}

describe('GatewayShard', () => {
  it('walks idle → connecting → identifying → ready, and back to idle on destroy', async () => {
    h = await startHarness();
    shard = makeShard(h);
    const path: GatewayShardStatus[] = [shard.status];
    shard.on('statusChange', ({ to }) => path.push(to));
    await shard.connect();
    await shard.destroy();
    expect(path).toEqual(['idle', 'connecting', 'identifying', 'ready', 'idle']);
  });

  it('refuses a second connect while running', async () => {
    h = await startHarness();
    shard = makeShard(h);
    await shard.connect();
    await expect(shard.connect()).rejects.toThrow(/already started/);
    expect(h.sim.connections).toHaveLength(1);
  });

  it('keeps its session and watermark in the store, and resumes from it on the next connect', async () => {
    h = await startHarness();
    const harness = h;
    const store = new MemorySessionStore();
    shard = makeShard(harness, store);
    await shard.connect();
    harness.sim.inject('GROUP_AT_MESSAGE_CREATE');
    await harness.sim.waitFor(() => shard?.resumeSeq === 2);
    await shard.destroy();
    expect(store.get(0)).toEqual({ sessionId: harness.sim.sessions[0]?.id, seq: 2, shardId: 0, shardCount: 1 });

    shard = makeShard(harness, store);
    await shard.connect();
    expect(harness.sim.resumes).toMatchObject([{ seq: 2, result: { ok: true, replayed: 0 } }]);
    expect(shard.counters).toMatchObject({ identifies: 0, resumes: 1, resumed: 1 });
  });

  it('forgets the stored session when the platform invalidates it', async () => {
    h = await startHarness();
    const store = new MemorySessionStore();
    shard = makeShard(h, store);
    await shard.connect();
    const first = store.get(0)?.sessionId;
    h.sim.close(4006);
    await h.sim.waitFor(() => store.get(0)?.sessionId !== undefined && store.get(0)?.sessionId !== first);
    expect(h.sim.identifies).toHaveLength(2);
  });
});
