import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError, SimpleIdentifyThrottler, type GatewayManager } from '../../src/gateway/index.js';
import type { SimulatorOptions } from '../../src/testing/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function ready(simOptions: SimulatorOptions = {}): Promise<{ h: Harness; gateway: GatewayManager; got: string[] }> {
  h = await startHarness(simOptions);
  const got: string[] = [];
  h.dispatcher.on('GROUP_AT_MESSAGE_CREATE', (message) => {
    got.push(message.content);
  });
  const gateway = h.makeManager();
  await gateway.connect();
  return { h, gateway, got };
}

/** Lets the shard run long enough that a retry storm would show up in the connection count. */
async function settle(harness: Harness, ms = 300): Promise<void> {
  const deadline = Date.now() + ms;
  await harness.sim.waitFor(() => Date.now() >= deadline, { timeoutMs: ms + 1000 });
}

describe('resumable closes cost zero identifies and lose nothing', () => {
  it.each([
    ['4009 (connection expired)', (x: Harness) => x.sim.close(4009)],
    ['4008 (too fast)', (x: Harness) => x.sim.close(4008)],
    ['1006 (TCP drop)', (x: Harness) => x.sim.dropConnection()],
    ['op 7 (reconnect)', (x: Harness) => x.sim.reconnect()],
    ['op 9 d:true', (x: Harness) => x.sim.invalidSession(true)],
    ['1000 (normal close)', (x: Harness) => x.sim.close(1000)],
  ])('%s → RESUME', async (_name, breakIt) => {
    const { h, gateway, got } = await ready();
    h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'before' });
    await h.sim.waitFor(() => got.length === 1);
    breakIt(h);
    // Sent while the bot is away (or reconnecting): the resume replays it.
    h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'during' });
    await h.sim.waitFor(() => gateway.counters.resumed === 1);
    h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'after' });
    await h.sim.waitFor(() => got.length === 3);
    expect(got).toEqual(['before', 'during', 'after']);
    expect(h.sim.identifies).toHaveLength(1);
    expect(h.sim.resumes).toHaveLength(1);
    expect(gateway.counters).toMatchObject({ identifies: 1, resumes: 1, resumed: 1 });
  });
});

describe('closes that end the session re-identify', () => {
  it.each([
    ['4006', (x: Harness) => x.sim.close(4006)],
    ['4007', (x: Harness) => x.sim.close(4007)],
    ['4900', (x: Harness) => x.sim.close(4900)],
    ['4905', (x: Harness) => x.sim.close(4905)],
    ['4913', (x: Harness) => x.sim.close(4913)],
    ['op 9 d:false', (x: Harness) => x.sim.invalidSession(false)],
  ])('%s → IDENTIFY with a new session', async (_name, breakIt) => {
    const { h, gateway, got } = await ready();
    const first = h.sim.sessions[0]?.id;
    breakIt(h);
    await h.sim.waitFor(() => h.sim.identifies.length === 2 && gateway.shards.get(0)?.status === 'ready');
    expect(h.sim.resumes).toHaveLength(0);
    expect(gateway.shards.get(0)?.sessionId).not.toBe(first);
    h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 'new session' });
    await h.sim.waitFor(() => got.length === 1);
    expect(gateway.counters.identifies).toBe(2);
  });

  it('a resume the platform cannot honour (seq gone, 4007) falls back to identify instead of looping', async () => {
    const { h, gateway, got } = await ready({ replayBufferSize: 5 });
    h.sim.dropConnection();
    for (let i = 0; i < 20; i++) h.sim.inject('GROUP_AT_MESSAGE_CREATE', { content: `lost ${i}` });
    await h.sim.waitFor(() => h.sim.identifies.length === 2 && gateway.shards.get(0)?.status === 'ready');
    expect(h.sim.resumes).toHaveLength(1);
    expect(h.sim.resumes[0]?.result).toEqual({ ok: false, closeCode: 4007 });
    await settle(h);
    expect(h.sim.resumes).toHaveLength(1);
    expect(h.sim.identifies).toHaveLength(2);
    expect(got.length).toBeLessThan(20);
  });

  it('a resume of a session the platform forgot (op 9 d:false) identifies', async () => {
    const { h, gateway } = await ready();
    h.sim.dropConnection();
    h.sim.invalidSession(false, { sessionId: h.sim.sessions[0]?.id ?? '' });
    await h.sim.waitFor(() => gateway.shards.get(0)?.status === 'ready' && h.sim.identifies.length === 2, {
      timeoutMs: 3000,
    });
    expect(h.sim.resumes.length).toBeLessThanOrEqual(1);
  });
});

describe('fatal closes stop the shard with a typed error and no retry storm', () => {
  it.each([
    [4001, 'invalid-opcode'],
    [4002, 'invalid-payload'],
    [4010, 'invalid-shard'],
    [4011, 'too-many-guilds'],
    [4012, 'invalid-version'],
    [4013, 'invalid-intents'],
    [4014, 'disallowed-intents'],
    [4914, 'bot-offline'],
    [4915, 'bot-banned'],
  ] as const)('%i → GatewayError(%s)', async (code, reason) => {
    const { h, gateway } = await ready();
    const errors: GatewayError[] = [];
    const closes: string[] = [];
    gateway.on('error', (error) => errors.push(error));
    gateway.on('close', (event) => closes.push(event.recover));
    h.sim.close(code);
    await h.sim.waitFor(() => errors.length === 1);
    await settle(h);
    const error = errors[0];
    expect(error).toBeInstanceOf(GatewayError);
    expect(error?.name).toBe('GatewayError');
    expect(error?.reason).toBe(reason);
    expect(error?.closeCode).toBe(code);
    expect(error?.shardId).toBe(0);
    expect(error?.message).toContain(String(code));
    expect(closes).toEqual(['none']);
    expect(h.sim.connections).toHaveLength(1);
    expect(gateway.shards.get(0)?.status).toBe('idle');
    expect(h.logger.lines.some((line) => line.level === 'error' && line.message === error?.message)).toBe(true);
  });

  it('names the intents that need approval when the platform refuses them (4014 at identify)', async () => {
    h = await startHarness({ permittedIntents: 1 << 30 });
    const gateway = h.makeManager();
    const failure = await gateway.connect().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(GatewayError);
    const error = failure as GatewayError;
    expect(error.reason).toBe('disallowed-intents');
    expect(error.message).toContain('GROUP_AND_C2C_EVENT');
    expect(error.message).toContain('INTERACTION');
    expect(error.message).toMatch(/apply for them/);
    await settle(h);
    expect(h.sim.connections).toHaveLength(1);
    expect(h.sim.identifies).toHaveLength(1);
  });

  it('reports unknown intent bits (4013) and stops', async () => {
    h = await startHarness();
    const gateway = h.makeManager({ intents: (1 << 25) | (1 << 3) });
    const error = (await gateway.connect().catch((e: unknown) => e)) as GatewayError;
    expect(error.reason).toBe('invalid-intents');
    expect(error.message).toContain('unknown bits: 0x8');
    expect(h.sim.connections).toHaveLength(1);
  });

  it('stops with a typed error when the gateway URL cannot be opened', async () => {
    h = await startHarness();
    const error = (await h
      .makeManager({ url: 'not a url' })
      .connect()
      .catch((e: unknown) => e)) as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.reason).toBe('invalid-url');
    expect(h.sim.connections).toHaveLength(0);
  });

  it('stops after repeated op 9 right after identify (likely bad credentials)', async () => {
    // The platform answers every identify with op 9 (here: no session starts left); a throttler
    // that lets them through shows the shard gives up instead of looping.
    h = await startHarness({ sessionStartLimit: { remaining: 0 } });
    const gateway = h.makeManager({ maxInvalidSessions: 3, identifyThrottler: { waitForIdentify: async () => {} } });
    const error = (await gateway.connect().catch((e: unknown) => e)) as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.reason).toBe('invalid-session-loop');
    await settle(h);
    expect(h.sim.identifies).toHaveLength(3);
    expect(h.sim.connections).toHaveLength(3);
  });

  it('waits out reset_after when no session starts remain, then identifies once', async () => {
    const harness = await startHarness({ sessionStartLimit: { total: 5, remaining: 0, reset_after: 300 } });
    h = harness;
    const logger = harness.logger;
    const gateway = h.makeManager({ identifyThrottler: (limit) => new SimpleIdentifyThrottler({ limit, logger }) });
    const started = Date.now();
    await gateway.connect();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(h.sim.identifies.map((identify) => identify.result.ok)).toEqual([true]);
    expect(h.sim.sessionStartLimit.remaining).toBe(4);
  });

  it('does not identify at all when session_start_limit.remaining is 0', async () => {
    const harness = await startHarness({ sessionStartLimit: { remaining: 0, reset_after: 3_600_000 } });
    h = harness;
    const logger = harness.logger;
    const gateway = h.makeManager({ identifyThrottler: (limit) => new SimpleIdentifyThrottler({ limit, logger }) });
    const connecting = gateway.connect().catch((e: unknown) => e);
    await h.sim.waitFor(() => harness.sim.connections.length === 1);
    await settle(h);
    expect(h.sim.identifies).toHaveLength(0);
    expect(h.logger.lines.some((line) => line.message.includes('session start limit exhausted'))).toBe(true);
    await gateway.destroy();
    expect(await connecting).toBeInstanceOf(Error);
  });
});
