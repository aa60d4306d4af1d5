import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayManager } from '../../src/gateway/index.js';
import { startHarness, type Harness } from './harness.js';

describe('gateway lifecycle against the simulator', () => {
  let h: Harness;
  let gateway: GatewayManager;
  const received: string[] = [];

  beforeEach(async () => {
    received.length = 0;
    h = await startHarness();
    h.dispatcher.on('GROUP_AT_MESSAGE_CREATE', (message) => {
      received.push(message.content);
    });
    gateway = h.makeManager();
  });
  afterEach(async () => {
    await h.close();
  });

  it('identifies with token, intents, shard and properties, then becomes ready', async () => {
    const ready: string[] = [];
    gateway.on('ready', (event, shardId) => ready.push(`${shardId}:${event.sessionId}`));
    await gateway.connect();
    expect(h.sim.identifies).toHaveLength(1);
    const identify = h.sim.identifies[0];
    expect(identify?.tokenValid).toBe(true);
    expect(identify?.shard).toEqual([0, 1]);
    expect(identify?.intents).toBe((1 << 25) | (1 << 26));
    expect(ready).toEqual([`0:${h.sim.sessions[0]?.id}`]);
    expect(gateway.shards.get(0)?.status).toBe('ready');
  });

  it('delivers events through the dispatcher and heartbeats with the last sequence', async () => {
    const beats: number[] = [];
    gateway.on('heartbeat', (event) => beats.push(event.latency));
    await gateway.connect();
    h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: '你好 1' });
    h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: '你好 2' });
    await h.sim.waitFor(() => received.length === 2);
    expect(received).toEqual(['你好 1', '你好 2']);
    const lastSeq = h.sim.sessions[0]?.seq;
    await h.sim.waitFor(() => h.sim.heartbeats.some((beat) => beat.seq === lastSeq), { timeoutMs: 3000 });
    await h.sim.waitFor(() => beats.length > 0, { timeoutMs: 3000 });
    expect(beats[0]).toBeGreaterThanOrEqual(0);
    expect(gateway.counters.dispatched).toBe(3); // READY + 2
  });

  it('emits close, reconnecting and resumed with enough detail to diagnose', async () => {
    const debug: string[] = [];
    gateway.on('debug', (message) => debug.push(message));
    await gateway.connect();
    expect(debug).toContain('[shard 0] status identifying → ready');
    const closes: Array<[number, string, boolean]> = [];
    const reconnecting: Array<[string, number]> = [];
    const resumed: number[] = [];
    gateway.on('close', (event) => closes.push([event.code, event.recover, event.byServer]));
    gateway.on('reconnecting', (event) => reconnecting.push([event.action, event.code]));
    gateway.on('resumed', (event) => resumed.push(event.replayed));
    h.sim.close(4009);
    await h.sim.waitFor(() => resumed.length === 1);
    expect(closes).toEqual([[4009, 'resume', true]]);
    expect(reconnecting).toEqual([['resume', 4009]]);
    expect(debug.some((line) => line.includes('closed by the gateway: 4009'))).toBe(true);
  });

  it('stops cleanly on destroy: no socket left, no reconnect', async () => {
    await gateway.connect();
    const shard = gateway.shards.get(0);
    await gateway.destroy();
    await h.sim.waitFor(() => h.sim.openConnections === 0);
    expect(shard?.status).toBe('idle');
    expect(h.sim.connections).toHaveLength(1);
    expect(h.sim.connections[0]?.closedBy).toBe('client');
  });

  it('never leaves the resume sequence beyond an unfinished handler', async () => {
    await gateway.connect();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let slowRuns = 0;
    h.dispatcher.on('C2C_MESSAGE_CREATE', async () => {
      slowRuns += 1;
      await gate;
    });
    const slow = h.sim.inject('C2C_MESSAGE_CREATE', { content: 'slow' });
    for (let i = 0; i < 5; i++) h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: `after ${i}` });
    // The slow handler stalls neither the socket nor other events.
    await h.sim.waitFor(() => received.length === 5);
    const slowSeq = (h.sim.sessions[0]?.seq ?? 0) - 5;
    expect(gateway.shards.get(0)?.resumeSeq).toBe(slowSeq - 1);

    h.sim.dropConnection();
    await h.sim.waitFor(() => h.sim.resumes.length === 1 && h.sim.resumes[0]?.result.ok);
    // Resume started below the slow event, so the platform replayed it and everything after it.
    expect(h.sim.resumes[0]?.seq).toBe(slowSeq - 1);
    expect(h.sim.resumes[0]?.result).toEqual({ ok: true, replayed: 6 });
    await h.sim.waitFor(() => gateway.counters.duplicates === 6);
    release();
    await h.sim.waitFor(() => gateway.shards.get(0)?.resumeSeq === h.sim.sessions[0]?.seq);
    // Each event reached its handlers exactly once.
    expect(slowRuns).toBe(1);
    expect(received).toEqual(['after 0', 'after 1', 'after 2', 'after 3', 'after 4']);
    expect(slow.id).toBeTypeOf('string');
    expect(h.sim.identifies).toHaveLength(1);
  });

  it('a throwing handler does not stop later events', async () => {
    await gateway.connect();
    const errors: unknown[] = [];
    h.dispatcher.on('handlerError', (event) => errors.push(event.error));
    h.dispatcher.on('C2C_MESSAGE_CREATE', () => {
      throw new Error('boom');
    });
    h.sim.inject('C2C_MESSAGE_CREATE');
    h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'still here' });
    await h.sim.waitFor(() => received.length === 1 && errors.length === 1);
    expect(gateway.shards.get(0)?.status).toBe('ready');
  });
});
