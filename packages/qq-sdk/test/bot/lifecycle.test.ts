import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSessionStore, HandlerTimeoutError, QQBot, QQValidationError, type QQBotOptions } from '../../src/index.js';
import { type HandlerErrorEvent } from '../../src/entries/events.js';
import { QQSimulator } from '../../src/testing/index.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(): Promise<QQSimulator> {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
  cleanups.push(() => sim.close());
  return sim;
}

function makeBot(sim: QQSimulator, options: Partial<QQBotOptions> = {}): QQBot {
  const bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    logLevel: 'silent',
    ...options,
  });
  cleanups.push(() => bot.stop({ drainTimeoutMs: 0 }));
  return bot;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('QQBot handler isolation', () => {
  it('runs every message handler whatever the others do, and reports each failure with the event', async () => {
    const sim = await simulator();
    const bot = makeBot(sim);
    const failures: HandlerErrorEvent[] = [];
    bot.on('handlerError', (report) => void failures.push(report));
    const second: string[] = [];
    bot.on('message', (msg) => {
      if (msg.content === 'throw') throw new Error('sync failure');
      if (msg.content === 'reject') return Promise.reject(new Error('async failure'));
      return undefined;
    });
    bot.on('message', (msg) => void second.push(msg.content));
    await bot.start();
    const events = ['throw', 'reject', 'fine', 'throw', 'reject'].map((content) => sim.inject('C2C_MESSAGE_CREATE', { content }));
    await sim.waitFor(() => second.length === 5 && failures.length === 4);
    expect(second).toEqual(['throw', 'reject', 'fine', 'throw', 'reject']);
    // A rejection is reported a microtask later than a throw, so compare without order.
    const byEvent = (a: unknown[], b: unknown[]): number => String(a[3]).localeCompare(String(b[3]));
    expect(failures.map((f) => [(f.error as Error).message, f.listener, f.type, f.meta.eventId]).sort(byEvent)).toEqual(
      [
        ['sync failure', 'message', 'C2C_MESSAGE_CREATE', events[0]?.id],
        ['async failure', 'message', 'C2C_MESSAGE_CREATE', events[1]?.id],
        ['sync failure', 'message', 'C2C_MESSAGE_CREATE', events[3]?.id],
        ['async failure', 'message', 'C2C_MESSAGE_CREATE', events[4]?.id],
      ].sort(byEvent),
    );
  });

  it('gives several message handlers of one event the same Message, and off() removes one', async () => {
    const sim = await simulator();
    const bot = makeBot(sim);
    const seen: unknown[] = [];
    const first = (msg: unknown): void => void seen.push(msg);
    bot.on('message', first);
    bot.on('message', (msg) => void seen.push(msg));
    await bot.start();
    sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' one' });
    await sim.waitFor(() => seen.length === 2);
    expect(seen[0]).toBe(seen[1]);
    bot.off('message', first);
    sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' two' });
    await sim.waitFor(() => seen.length === 3);
    await sleep(50);
    expect(seen).toHaveLength(3);
  });

  it('abandons a message handler that outlives handlerTimeoutMs, naming it "message"', async () => {
    const sim = await simulator();
    const bot = makeBot(sim, { handlerTimeoutMs: 100 });
    const failures: HandlerErrorEvent[] = [];
    bot.on('handlerError', (report) => void failures.push(report));
    bot.on('message', () => new Promise(() => {}));
    await bot.start();
    const event = sim.inject('C2C_MESSAGE_CREATE', { content: 'hang' });
    await sim.waitFor(() => failures.length === 1, { timeoutMs: 2000 });
    const error = failures[0]?.error;
    expect(error).toBeInstanceOf(HandlerTimeoutError);
    expect(error).toMatchObject({ listener: 'message', eventId: event.id, reason: 'timeout' });
    // The watermark moved past the abandoned event: it is below the resume position now.
    const shard = bot.gateway?.shards.get(0);
    await sim.waitFor(() => (shard?.resumeSeq ?? 0) >= 2);
  });
});

describe('QQBot lifecycle listeners', () => {
  it('runs every lifecycle listener whatever the others do, and logs a throw or a rejection', async () => {
    const sim = await simulator();
    const errors: string[] = [];
    const bot = makeBot(sim, { logger: { error: (message) => void errors.push(message) }, logLevel: 'error' });
    const seen: string[] = [];
    bot.on('ready', () => {
      throw new Error('ready listener broke');
    });
    bot.on('ready', () => void seen.push('ready'));
    bot.on('resumed', () => Promise.reject(new Error('resumed listener broke')));
    bot.on('resumed', () => void seen.push('resumed'));
    await bot.start();
    sim.close(4009);
    await sim.waitFor(() => seen.length === 2 && errors.length === 2);
    expect(seen).toEqual(['ready', 'resumed']);
    expect(errors).toEqual(["a 'ready' listener failed", "a 'resumed' listener failed"]);
  });
});

describe('QQBot.stop({ drainTimeoutMs })', () => {
  it('returns after the drain time while a handler never finishes, and reports it as abandoned (gateway)', async () => {
    const sim = await simulator();
    const bot = makeBot(sim);
    const failures: HandlerErrorEvent[] = [];
    bot.on('handlerError', (report) => void failures.push(report));
    let started = false;
    bot.on('message', () => {
      started = true;
      return new Promise(() => {});
    });
    await bot.start();
    sim.inject('C2C_MESSAGE_CREATE', { content: 'hang' });
    await sim.waitFor(() => started);
    const before = performance.now();
    await bot.stop({ drainTimeoutMs: 150 });
    const took = performance.now() - before;
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(2000);
    expect(failures.map((f) => (f.error as HandlerTimeoutError).reason)).toEqual(['drain']);
    expect(sim.openConnections).toBe(0);
  });

  it('returns after the drain time while a handler never finishes (webhook)', async () => {
    const sim = await simulator();
    const bot = makeBot(sim, { transport: 'webhook' });
    let url = '';
    bot.on('webhookListening', (info) => void (url = info.url));
    let started = false;
    bot.on('message', () => {
      started = true;
      return new Promise(() => {});
    });
    await bot.start();
    await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: 'hang' });
    await sim.waitFor(() => started);
    const before = performance.now();
    await bot.stop({ drainTimeoutMs: 150 });
    expect(performance.now() - before).toBeLessThan(2000);
  });

  it('refuses a negative drainTimeoutMs with a typed error naming it', async () => {
    const sim = await simulator();
    const bot = makeBot(sim);
    await bot.start();
    await expect(bot.stop({ drainTimeoutMs: -1 })).rejects.toMatchObject({ name: 'QQValidationError', field: 'drainTimeoutMs' });
  });

  it('saves the session after the drain: a restart on the same store re-runs no completed handler', async () => {
    const sim = await simulator();
    const dir = await mkdtemp(join(tmpdir(), 'qq-restart-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, 'sessions.json');
    const handled: string[] = [];
    const run = (bot: QQBot, slow: string): void => {
      bot.on('message', async (msg) => {
        // One slow event early on: the ones after it finish first, above the resume position.
        if (msg.content === slow) await sleep(300);
        handled.push(msg.content);
      });
    };
    const first = makeBot(sim, { sessionStore: new FileSessionStore(path) });
    run(first, '2');
    await first.start();
    for (let i = 1; i <= 20; i++) sim.inject('C2C_MESSAGE_CREATE', { content: String(i) });
    await sim.waitFor(() => handled.length === 19);
    // Stop while '2' still runs: the drain lets it finish; nothing is left undone.
    await first.stop({ drainTimeoutMs: 5000 });
    expect(handled).toHaveLength(20);
    // Events that arrive while no process runs are replayed on resume.
    for (let i = 21; i <= 25; i++) sim.inject('C2C_MESSAGE_CREATE', { content: String(i) });

    const second = makeBot(sim, { sessionStore: new FileSessionStore(path) });
    run(second, 'none');
    await second.start();
    await sim.waitFor(() => handled.length >= 25);
    await sleep(100);
    expect(handled.slice(20).sort()).toEqual(['21', '22', '23', '24', '25']);
    expect(new Set(handled).size).toBe(handled.length);
    expect(sim.identifies).toHaveLength(1);
  });

  it('after a drain that ran out, a restart replays exactly the events that were not handled', async () => {
    const sim = await simulator();
    const dir = await mkdtemp(join(tmpdir(), 'qq-restart-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, 'sessions.json');
    const handled: string[] = [];
    const first = makeBot(sim, { sessionStore: new FileSessionStore(path) });
    first.on('message', async (msg) => {
      if (msg.content === '3') await new Promise(() => {});
      handled.push(`first:${msg.content}`);
    });
    await first.start();
    for (let i = 1; i <= 10; i++) sim.inject('C2C_MESSAGE_CREATE', { content: String(i) });
    await sim.waitFor(() => handled.length === 9);
    await first.stop({ drainTimeoutMs: 50 });

    const second = makeBot(sim, { sessionStore: new FileSessionStore(path) });
    second.on('message', (msg) => void handled.push(`second:${msg.content}`));
    await second.start();
    await sim.waitFor(() => handled.includes('second:3'));
    await sleep(100);
    expect(handled.filter((h) => h.startsWith('second:'))).toEqual(['second:3']);
    expect(second.gateway?.counters.skippedReplays).toBe(7);
  });
});

describe('QQBot options', () => {
  it('refuses invalid lifecycle options when built, naming the field', () => {
    const base = { appId: '1', clientSecret: 's', intents: ['GROUP_AND_C2C_EVENT'] as const };
    expect(() => new QQBot({ ...base, intents: [...base.intents], handlerTimeoutMs: -5 })).toThrow(QQValidationError);
    expect(() => new QQBot({ ...base, intents: [...base.intents], maxConcurrentHandlers: 0 })).toThrow(/maxConcurrentHandlers/);
    expect(() => new QQBot({ ...base, intents: [...base.intents], tokenTimeoutMs: Number.NaN })).toThrow(/tokenTimeoutMs/);
  });

  it('gives up on a hung token endpoint after tokenTimeoutMs', async () => {
    const hung = await import('node:http').then(({ createServer }) => createServer(() => {}));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => hung.close(resolve)));
    hung.on('connection', (socket) => cleanups.push(async () => socket.destroy()));
    const address = hung.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const bot = new QQBot({
      appId: '1',
      clientSecret: 's',
      intents: ['GROUP_AND_C2C_EVENT'],
      tokenUrl: `http://127.0.0.1:${port}/token`,
      tokenTimeoutMs: 200,
      logLevel: 'silent',
    });
    const before = performance.now();
    await expect(bot.start()).rejects.toMatchObject({ name: 'QQTimeoutError' });
    expect(performance.now() - before).toBeLessThan(1500);
  });
});
