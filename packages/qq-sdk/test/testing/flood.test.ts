import type WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from '../../src/testing/index.js';
import { RawClient, getToken, identify, type Frame } from './wsClient.js';

let sim: QQSimulator | undefined;
const clients: RawClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  await sim?.close();
  sim = undefined;
});

describe('flood', () => {
  it('sends every event once, in order, with unique ids, and replays them on Resume', async () => {
    sim = await QQSimulator.start();
    const token = await getToken(sim);
    const { client, sessionId } = await identify(sim, { token });
    clients.push(client);
    const result = await sim.flood('GROUP_AT_MESSAGE_CREATE', 5000, { partial: { content: ' 压测' } });
    expect(result).toMatchObject({ count: 5000, sessionId, firstSeq: 2, lastSeq: 5001 });
    await sim.waitFor(() => client.frames.length === 2 + 5000);
    const events = client.frames.slice(2);
    expect(events.map((f) => f.s)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 2));
    expect(new Set(events.map((f) => f.id)).size).toBe(5000);
    expect(new Set(events.map((f) => (f.d as { id: string }).id)).size).toBe(5000);
    expect(events[0]).toMatchObject({ op: 0, t: 'GROUP_AT_MESSAGE_CREATE', d: { content: ' 压测', author: { member_role: 'member' } } });
    // Flooded events are buffered like any dispatch: a Resume replays them byte for byte.
    client.terminate();
    await sim.waitFor(() => sim!.openConnections === 0);
    const next = await RawClient.open(sim.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send({ op: 6, d: { token: `QQBot ${token}`, session_id: sessionId, seq: 4000 } });
    await next.next((f) => f.t === 'RESUMED');
    const replayed = next.frames.filter((f: Frame) => f.op === 0 && f.t === 'GROUP_AT_MESSAGE_CREATE');
    expect(replayed).toEqual(events.filter((f) => f.s! > 4000));
  });

  it('refuses a Resume from before what the replay buffer still holds (4007)', async () => {
    sim = await QQSimulator.start({ replayBufferSize: 100 });
    const token = await getToken(sim);
    const { client, sessionId } = await identify(sim, { token });
    clients.push(client);
    await sim.flood('C2C_MESSAGE_CREATE', 300);
    client.terminate();
    await sim.waitFor(() => sim!.openConnections === 0);
    const resume = async (seq: number) => {
      const c = await RawClient.open(sim!.wsUrl);
      clients.push(c);
      await c.next((f) => f.op === 10);
      c.send({ op: 6, d: { token: `QQBot ${token}`, session_id: sessionId, seq } });
      return c;
    };
    const ok = await resume(201);
    await ok.next((f) => f.t === 'RESUMED');
    expect(ok.frames.filter((f) => f.t === 'C2C_MESSAGE_CREATE').map((f) => f.s)).toEqual(Array.from({ length: 100 }, (_, i) => 202 + i));
    ok.terminate();
    await sim.waitFor(() => sim!.openConnections === 0);
    expect(await (await resume(150)).closed()).toBe(4007);
  });

  it('floods 100,000 events to one connection (rate printed)', async () => {
    sim = await QQSimulator.start();
    const { client } = await identify(sim);
    clients.push(client);
    const ws: WebSocket = client.ws;
    ws.removeAllListeners('message');
    let received = 0;
    const all = new Promise<void>((resolve) => ws.on('message', () => ++received === 100_000 && resolve()));
    const started = performance.now();
    const result = await sim.flood('GROUP_AT_MESSAGE_CREATE', 100_000);
    await all;
    const perSecond = Math.round(100_000 / ((performance.now() - started) / 1000));
    console.info(
      `simulator flood: 100000 events in ${Math.round(performance.now() - started)} ms = ${perSecond} events/s end to end (client in the same process)`,
    );
    expect(received).toBe(100_000);
    expect(result.lastSeq - result.firstSeq + 1).toBe(100_000);
    // A sanity floor only (the machine is shared); the measured figure is what the report quotes.
    expect(perSecond).toBeGreaterThan(20_000);
  });
});
