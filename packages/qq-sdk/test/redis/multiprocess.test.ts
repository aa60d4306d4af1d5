import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QQSimulator, type SimulatorOptions } from '../../src/testing/index.js';
import { ChildBot, DIST_BUILT, DIST_MISSING } from './childBot.js';
import { REDIS_SERVER, RedisServer, SKIP_REASON } from './redisServer.js';

const skipReason = !REDIS_SERVER ? SKIP_REASON : !DIST_BUILT ? DIST_MISSING : undefined;
if (skipReason && REDIS_SERVER) console.warn(`[qq-sdk redis tests] ${skipReason}`);

// Several real SDK processes (child processes importing the built package) share one redis-server
// and one simulator: what the issue asks of a bot that outgrows one process.
describe.skipIf(skipReason !== undefined)(skipReason ?? 'several SDK processes sharing one Redis', () => {
  let server: RedisServer;
  let sim: QQSimulator | undefined;
  let children: ChildBot[] = [];
  let balancer: Server | undefined;

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterEach(async () => {
    await Promise.all(children.map((child) => child.stop()));
    children = [];
    await sim?.close();
    sim = undefined;
    if (balancer) await new Promise((resolve) => balancer!.close(resolve));
    balancer = undefined;
    const redis = new Redis(server.url);
    await redis.flushall();
    redis.disconnect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function startSim(options: SimulatorOptions = {}): Promise<QQSimulator> {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000, ...options });
    return sim;
  }

  function spawn(simulator: QQSimulator, count: number, config: (index: number) => Record<string, unknown>): Promise<ChildBot[]> {
    children = Array.from(
      { length: count },
      (_, index) =>
        new ChildBot({
          appId: simulator.appId,
          clientSecret: simulator.clientSecret,
          apiBaseUrl: simulator.url,
          tokenUrl: simulator.tokenUrl,
          redisUrl: server.url,
          ...config(index),
        }),
    );
    return Promise.all(children.map((child) => child.waitFor('booted'))).then(() => children);
  }

  async function handledAndDropped(bots: ChildBot[]): Promise<{ handled: number; duplicates: number }> {
    const stats = await Promise.all(bots.map((bot) => bot.request({ type: 'stats' }, 'stats')));
    return {
      handled: bots.reduce((sum, bot) => sum + bot.of('handled').length, 0),
      duplicates: stats.reduce((sum, s) => sum + Number(s['duplicates']), 0),
    };
  }

  async function waitUntilSeen(bots: ChildBot[], copies: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { handled, duplicates } = await handledAndDropped(bots);
      if (handled + duplicates >= copies) return;
      if (Date.now() > deadline) throw new Error(`only ${handled + duplicates} of ${copies} copies reached the bots`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('gateway: two processes receive every event (each delivered twice): handlers run exactly once in total', async () => {
    const simulator = await startSim();
    const bots = await spawn(simulator, 2, () => ({ role: 'gateway', shardCount: 1, identifyWindowMs: 50, ownSessions: true }));
    await Promise.all(bots.map((bot) => bot.request({ type: 'start' }, 'started')));
    expect(simulator.sessions).toHaveLength(2);

    const events = 20;
    simulator.deliverTwice(events);
    const ids = Array.from({ length: events }, (_, i) => simulator.inject('GROUP_AT_MESSAGE_CREATE', { content: `m${i}` }).id);
    // 4 copies of each event: twice to each of the two sessions.
    await waitUntilSeen(bots, events * 4);

    const handled = bots.flatMap((bot) => bot.of('handled').map((m) => m['id']));
    expect(handled).toHaveLength(events);
    expect(new Set(handled)).toEqual(new Set(ids));
    const { duplicates } = await handledAndDropped(bots);
    expect(duplicates).toBe(events * 3);
  });

  it('webhook: retries that land on the other replica behind a load balancer are dropped', async () => {
    const simulator = await startSim();
    const bots = await spawn(simulator, 2, () => ({ role: 'webhook' }));
    await Promise.all(bots.map((bot) => bot.request({ type: 'start' }, 'started')));
    const replicas = bots.map((bot) => new URL(String(bot.of('listening')[0]!['url'])));
    // A round-robin load balancer: consecutive posts of one event go to different replicas.
    const hits = [0, 0];
    let next = 0;
    balancer = createServer((req, res) => {
      const index = next++ % replicas.length;
      hits[index]! += 1;
      const target = replicas[index]!;
      const upstream = request({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => balancer!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}/`;

    const events = 10;
    simulator.deliverTwice(events);
    const ids: string[] = [];
    for (let i = 0; i < events; i++) {
      const result = await simulator.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { content: `w${i}` });
      expect(result.acknowledged).toBe(true);
      ids.push(result.id);
    }
    await waitUntilSeen(bots, events * 2);
    const handled = bots.flatMap((bot) => bot.of('handled').map((m) => m['id']));
    expect(handled).toHaveLength(events);
    expect(new Set(handled)).toEqual(new Set(ids));
    expect(hits).toEqual([events, events]);
  });

  it('reply ledger: 20 concurrent replies to one message from two processes: exactly 5 accepted, msg_seq never reused', async () => {
    const simulator = await startSim();
    const source = simulator.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'GROUP_A', content: 'hello' });
    const bots = await spawn(simulator, 2, () => ({ role: 'reply' }));
    const command = { type: 'reply', count: 10, groupOpenid: 'GROUP_A', messageId: source.data.id, receivedAt: Date.now() };
    for (const bot of bots) bot.send(command);
    const results = await Promise.all(bots.map((bot) => bot.waitFor('replied').then((all) => all[0]!)));

    expect(results.reduce((sum, r) => sum + Number(r['ok']), 0)).toBe(5);
    const errors = results.flatMap((r) => r['errors'] as { name: string }[]);
    expect(errors).toHaveLength(15);
    expect(new Set(errors.map((e) => e.name))).toEqual(new Set(['ReplyQuotaExceededError']));
    const accepted = simulator.sentMessages.filter((m) => m.msgId === source.data.id);
    expect(accepted).toHaveLength(5);
    expect(accepted.map((m) => m.msgSeq).sort()).toEqual([1, 2, 3, 4, 5]);
    // Nothing was refused by the platform: the budget was enforced before any request.
    expect(simulator.requests.filter((r) => r.status >= 400)).toHaveLength(0);
  });

  it('token: 1,000 concurrent sends across two processes make one token request', async () => {
    const simulator = await startSim({ allowActiveMessages: true });
    const bots = await spawn(simulator, 2, () => ({ role: 'token' }));
    for (const bot of bots) bot.send({ type: 'sendMany', count: 500, groupOpenid: 'GROUP_T' });
    const results = await Promise.all(bots.map((bot) => bot.waitFor('sent', 1, 60_000).then((all) => all[0]!)));
    expect(results.map((r) => r['errors'])).toEqual([[], []]);
    expect(results.reduce((sum, r) => sum + Number(r['ok']), 0)).toBe(1000);
    expect(simulator.messagesTo('GROUP_T')).toHaveLength(1000);
    expect(simulator.tokenRequests).toBe(1);
  }, 90_000);

  it('16 shards over 4 processes: identifies no faster than max_concurrency allows, every shard READY', async () => {
    // The simulator's clock runs 10× faster than real time, so its 5 s identify window is 500 ms
    // of real time; the processes' shared throttle holds each bucket for 800 ms (a margin for
    // identifies that leave a loaded machine late).
    const started = Date.now();
    const fast = { now: () => started + (Date.now() - started) * 10 };
    const maxConcurrency = 2;
    const simulator = await startSim({
      clock: fast,
      shards: 16,
      sessionStartLimit: { max_concurrency: maxConcurrency, total: 1000, remaining: 1000 },
      enforceMaxConcurrency: true,
    });
    const bots = await spawn(simulator, 4, (index) => ({
      role: 'gateway',
      shardCount: 16,
      shards: { from: index * 4, to: index * 4 + 3 },
      identifyWindowMs: 800,
    }));
    const startedShards = await Promise.all(bots.map((bot) => bot.request({ type: 'start' }, 'started', 60_000)));
    expect(startedShards.map((s) => s['shards'])).toEqual([0, 1, 2, 3].map((i) => [i * 4, i * 4 + 1, i * 4 + 2, i * 4 + 3]));

    const identifies = simulator.identifies;
    expect(identifies).toHaveLength(16);
    expect(identifies.every((identify) => identify.result.ok)).toBe(true);
    expect(new Set(identifies.map((identify) => identify.shard[0]))).toEqual(new Set(Array.from({ length: 16 }, (_, i) => i)));
    const times = identifies.map((identify) => identify.at).sort((a, b) => a - b);
    for (let i = maxConcurrency; i < times.length; i++) {
      // Any max_concurrency + 1 consecutive identifies span at least the 5 s window.
      expect(times[i]! - times[i - maxConcurrency]!).toBeGreaterThanOrEqual(5000);
    }
    expect(simulator.sessions).toHaveLength(16);
    expect(bots.flatMap((bot) => bot.of('warn'))).toEqual([]);
  }, 90_000);
});
