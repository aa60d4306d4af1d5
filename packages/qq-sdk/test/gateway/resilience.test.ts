import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function indexOf(messageId: string): number {
  return Number(messageId.slice(messageId.lastIndexOf('-') + 1));
}

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('gateway resilience', () => {
  it('backs off exponentially (capped) while the gateway is unreachable; after READY a routine close reconnects at once', async () => {
    h = await startHarness();
    const harness = h;
    const port = await deadPort();
    const gateway = harness.makeManager({ url: `ws://127.0.0.1:${port}/websocket` });
    const delays: number[] = [];
    gateway.on('reconnecting', (event) => delays.push(event.delayMs));
    const connecting = gateway.connect().catch((error: unknown) => error);
    await harness.sim.waitFor(() => delays.length >= 6, { timeoutMs: 5000 });
    await gateway.destroy();
    expect(await connecting).toBeInstanceOf(Error);
    expect(delays.slice(0, 6)).toEqual([5, 10, 20, 40, 40, 40]);

    const healthy = harness.makeManager();
    const after: number[] = [];
    healthy.on('reconnecting', (event) => after.push(event.delayMs));
    await healthy.connect();
    harness.sim.close(4009);
    await harness.sim.waitFor(() => healthy.counters.resumed === 1);
    harness.sim.reconnect();
    await harness.sim.waitFor(() => healthy.counters.resumed === 2);
    // A session that was up comes back without waiting; backoff is for attempts that failed.
    expect(after).toEqual([0, 0]);
  });

  it('detects a zombie connection (ACKs stop), tears it down and resumes without losing events', async () => {
    h = await startHarness({ heartbeatIntervalMs: 250 });
    const harness = h;
    const got: string[] = [];
    harness.dispatcher.on('GROUP_AT_MESSAGE_CREATE', (message) => {
      got.push(message.content);
    });
    const gateway = harness.makeManager({ random: () => 0.5 });
    const closes: string[] = [];
    gateway.on('close', (event) => {
      closes.push(event.reason);
      harness.sim.resumeAcks();
    });
    await gateway.connect();
    harness.sim.stopAcks();
    harness.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'while acks are missing' });
    await harness.sim.waitFor(() => gateway.counters.resumed === 1, { timeoutMs: 3000 });
    harness.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'after resume' });
    await harness.sim.waitFor(() => got.length === 2);
    expect(got).toEqual(['while acks are missing', 'after resume']);
    expect(closes).toEqual(['heartbeat ACK missed (zombie connection)']);
    expect(gateway.counters).toMatchObject({ zombies: 1, identifies: 1, resumes: 1 });
    expect(harness.sim.heartbeats.some((beat) => !beat.acked)).toBe(true);
    expect(harness.sim.connections).toHaveLength(2);
  });

  it('refreshes a token that expired mid-session before resuming (no identify)', async () => {
    h = await startHarness();
    const harness = h;
    const got: string[] = [];
    harness.dispatcher.on('GROUP_AT_MESSAGE_CREATE', (message) => {
      got.push(message.content);
    });
    const gateway = harness.makeManager();
    await gateway.connect();
    const tokenCalls = harness.sim.tokenRequests;
    harness.sim.expireToken();
    harness.sim.reconnect();
    harness.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'during' });
    await harness.sim.waitFor(() => gateway.counters.resumed === 1, { timeoutMs: 3000 });
    await harness.sim.waitFor(() => got.length === 1);
    expect(harness.sim.resumes.map((resume) => resume.tokenValid)).toEqual([false, true]);
    expect(harness.sim.tokenRequests).toBe(tokenCalls + 1);
    expect(harness.sim.identifies).toHaveLength(1);
  });

  it('refreshes an expired token before identifying again', async () => {
    h = await startHarness();
    const harness = h;
    const gateway = harness.makeManager();
    await gateway.connect();
    harness.sim.expireToken();
    harness.sim.invalidSession(false);
    await harness.sim.waitFor(() => harness.sim.identifies.some((identify, i) => i > 0 && identify.result.ok) && gateway.shards.get(0)?.status === 'ready', {
      timeoutMs: 3000,
    });
    expect(harness.sim.identifies.map((identify) => identify.tokenValid)).toEqual([true, false, true]);
    expect(gateway.shards.get(0)?.status).toBe('ready');
  });

  it('delivers a flood of 10,000 events exactly once and in order across several forced reconnects', async () => {
    h = await startHarness({ heartbeatIntervalMs: 1000 });
    const harness = h;
    const total = 10_000;
    const rounds = 5;
    const perRound = total / rounds;
    const seen: number[] = [];
    // One break per round, triggered from inside a handler halfway through the round, while the
    // rest of the round's frames are in flight.
    const breakers = [
      () => harness.sim.dropConnection(),
      () => harness.sim.close(4009),
      () => harness.sim.reconnect(),
      () => harness.sim.invalidSession(true),
      () => harness.sim.close(4008),
    ];
    let round = 0;
    // Handlers do async work, so when a connection dies some of them are still running: those
    // events sit above the resume watermark and must come back in the replay.
    harness.dispatcher.on('GROUP_AT_MESSAGE_CREATE', async (message) => {
      seen.push(round * perRound + indexOf(message.id));
      if (seen.length === round * perRound + perRound / 2) breakers[round]?.();
      await new Promise((resolve) => setTimeout(resolve, 40));
    });
    const gateway = harness.makeManager();
    await gateway.connect();
    for (round = 0; round < rounds; round++) {
      await harness.sim.flood('GROUP_AT_MESSAGE_CREATE', perRound);
      await harness.sim.waitFor(
        () => seen.length >= (round + 1) * perRound && gateway.counters.resumed === round + 1 && gateway.shards.get(0)?.status === 'ready',
        { timeoutMs: 10_000, description: `round ${round}` },
      );
    }
    expect(seen).toHaveLength(total);
    expect(seen.every((value, i) => value === i)).toBe(true);
    expect(gateway.counters).toMatchObject({ identifies: 1, resumes: 5, resumed: 5 });
    expect(harness.sim.identifies).toHaveLength(1);
    expect(harness.sim.resumes).toHaveLength(5);
    // Frames in flight when the connections died were replayed by the platform.
    const replayed = harness.sim.resumes.map((resume) => (resume.result.ok ? resume.result.replayed : -1));
    expect(replayed.every((count) => count >= 0)).toBe(true);
    expect(replayed.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(gateway.counters.duplicates).toBeGreaterThan(0);
    // Never two sockets at once: each connection opened after the previous one had closed.
    const connections = harness.sim.connections;
    expect(connections).toHaveLength(6);
    for (let i = 1; i < connections.length; i++) {
      expect(connections[i]?.openedAt).toBeGreaterThanOrEqual(connections[i - 1]?.closedAt ?? Infinity);
    }
    // What the server replayed beyond the watermark was dropped by the dedup layer, not handled twice.
    expect(gateway.counters.duplicates).toBe(harness.dispatcher.counters.duplicates);
  }, 30_000);
});
