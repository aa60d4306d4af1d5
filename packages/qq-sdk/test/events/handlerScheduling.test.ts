import { describe, expect, it } from 'vitest';
import type { DispatchEnvelope } from '../../src/events/DispatchEnvelope.js';
import type { DispatchOutcome, HandlerErrorEvent } from '../../src/events/dispatchTypes.js';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';
import { eventFixtures } from '../../src/events/fixtures/index.js';
import { HandlerTimeoutError } from '../../src/events/HandlerTimeoutError.js';
import type { Logger } from '../../src/logging/Logger.js';

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const ws = { transport: 'websocket', shardId: 0 } as const;

/** A C2C message `n` in chat `chat`, with its own message and envelope ids. */
function message(n: number, chat = 'user-a'): DispatchEnvelope {
  const base = structuredClone(eventFixtures.C2C_MESSAGE_CREATE) as DispatchEnvelope & { d: Record<string, unknown> };
  return {
    ...base,
    id: `C2C_MESSAGE_CREATE:${n}`,
    s: n,
    d: { ...base.d, id: `msg-${n}`, content: String(n), author: { ...(base.d['author'] as object), user_openid: chat } },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('handler budget (handlerTimeoutMs)', () => {
  it('abandons an event whose handler never settles, reports a HandlerTimeoutError and settles the dispatch', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, handlerTimeoutMs: 60 });
    const reports: HandlerErrorEvent[] = [];
    dispatcher.on('handlerError', (report) => void reports.push(report));
    dispatcher.on('C2C_MESSAGE_CREATE', () => new Promise(() => {}));
    dispatcher.on('C2C_MESSAGE_CREATE', async () => {});
    const started = performance.now();
    const outcome = await dispatcher.dispatch(message(1), ws);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(55);
    expect(elapsed).toBeLessThan(1000);
    expect(outcome).toMatchObject({ status: 'delivered', handlers: 2, errors: 0, abandoned: 1 });
    expect(reports).toHaveLength(1);
    const error = reports[0]?.error;
    expect(error).toBeInstanceOf(HandlerTimeoutError);
    expect(error).toMatchObject({ listener: 'C2C_MESSAGE_CREATE', eventType: 'C2C_MESSAGE_CREATE', eventId: 'C2C_MESSAGE_CREATE:1', reason: 'timeout' });
    expect((error as HandlerTimeoutError).message).toMatch(/handlerTimeoutMs/);
    expect((error as HandlerTimeoutError).timeoutMs).toBe(60);
    expect((error as HandlerTimeoutError).runningMs).toBeGreaterThanOrEqual(55);
    expect(reports[0]?.meta.eventId).toBe('C2C_MESSAGE_CREATE:1');
    expect(dispatcher.counters).toMatchObject({ abandoned: 1, handlerErrors: 0 });
    expect(dispatcher.load).toEqual({ running: 0, waiting: 0 });
  });

  it('still reports a rejection that comes after the event was abandoned', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, handlerTimeoutMs: 30 });
    const reports: HandlerErrorEvent[] = [];
    dispatcher.on('handlerError', (report) => void reports.push(report));
    dispatcher.on('C2C_MESSAGE_CREATE', async () => {
      await sleep(120);
      throw new Error('late failure');
    });
    await dispatcher.dispatch(message(1), ws);
    expect(reports.map((r) => (r.error as Error).name)).toEqual(['HandlerTimeoutError']);
    await sleep(150);
    expect(reports.map((r) => (r.error as Error).message)).toContain('late failure');
  });

  it('leaves handlers that finish in time alone, and 0 turns the budget off', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, handlerTimeoutMs: 0 });
    let reports = 0;
    dispatcher.on('handlerError', () => void reports++);
    dispatcher.on('C2C_MESSAGE_CREATE', () => sleep(80));
    const outcome = await dispatcher.dispatch(message(1), ws);
    expect(outcome).toMatchObject({ handlers: 1, abandoned: 0 });
    expect(reports).toBe(0);
  });
});

describe('concurrency bound (maxConcurrentHandlers)', () => {
  it('never runs more than the bound, starts waiting events in arrival order and drops none', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, maxConcurrentHandlers: 5 });
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', async (event) => {
      started.push(Number(event.content));
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await sleep(2 + (Number(event.content) % 7));
      inFlight -= 1;
    });
    const chats = ['a', 'b', 'c'];
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => dispatcher.dispatch(message(i + 1, chats[i % chats.length]), ws)));

    expect(peak).toBe(5);
    expect(started).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(outcomes.every((o) => o.status === 'delivered' && o.handlers === 1)).toBe(true);
    expect(dispatcher.counters.queued).toBe(55);
    expect(dispatcher.load).toEqual({ running: 0, waiting: 0 });
  });

  it('queues a synchronous handler behind waiting events, so order holds across handler kinds', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, maxConcurrentHandlers: 1 });
    const order: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', (event) => {
      order.push(event.content);
      return event.content === '1' ? sleep(20) : undefined;
    });
    const first = dispatcher.dispatch(message(1), ws);
    const second = dispatcher.dispatch(message(2), ws);
    expect(order).toEqual(['1']);
    expect(dispatcher.load).toEqual({ running: 1, waiting: 1 });
    await Promise.all([first, second]);
    expect(order).toEqual(['1', '2']);
  });

  it('frees the slot of an abandoned event, so one hung handler cannot stall the bot', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, maxConcurrentHandlers: 1, handlerTimeoutMs: 40 });
    const handled: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', (event) => {
      handled.push(event.content);
      return event.content === '1' ? new Promise(() => {}) : undefined;
    });
    const outcomes = await Promise.all([1, 2, 3].map((n) => dispatcher.dispatch(message(n), ws)));
    expect(handled).toEqual(['1', '2', '3']);
    expect(outcomes.map((o) => o.abandoned)).toEqual([1, 0, 0]);
  });
});

describe('abandonAll (stop() ran out of drain time)', () => {
  it('abandons running events with reason "drain" and skips waiting ones without running them', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, maxConcurrentHandlers: 2 });
    const reports: HandlerErrorEvent[] = [];
    dispatcher.on('handlerError', (report) => void reports.push(report));
    const handled: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', (event) => {
      handled.push(event.content);
      return new Promise(() => {});
    });
    const outcomes: Promise<DispatchOutcome>[] = [1, 2, 3, 4].map((n) => dispatcher.dispatch(message(n), ws) as Promise<DispatchOutcome>);
    expect(dispatcher.abandonAll(250)).toEqual({ abandoned: 2, skipped: 2 });
    const settled = await Promise.all(outcomes);
    expect(settled.map((o) => o.status)).toEqual(['delivered', 'delivered', 'skipped', 'skipped']);
    expect(handled).toEqual(['1', '2']);
    expect(reports.map((r) => (r.error as HandlerTimeoutError).reason)).toEqual(['drain', 'drain']);
    expect(reports.map((r) => (r.error as HandlerTimeoutError).timeoutMs)).toEqual([250, 250]);
    expect(dispatcher.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('reportHandlerError', () => {
  it('counts and delivers a failure of a handler run on behalf of an event', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const reports: HandlerErrorEvent[] = [];
    dispatcher.on('handlerError', (report) => void reports.push(report));
    let meta: Parameters<EventDispatcher['reportHandlerError']>[2] | undefined;
    dispatcher.on('C2C_MESSAGE_CREATE', (_event, m) => void (meta = m));
    await dispatcher.dispatch(message(1), ws);
    dispatcher.reportHandlerError(new Error('boom'), 'message', meta!);
    expect(reports).toMatchObject([{ listener: 'message', type: 'C2C_MESSAGE_CREATE', meta: { eventId: 'C2C_MESSAGE_CREATE:1' } }]);
    expect(dispatcher.counters.handlerErrors).toBe(1);
  });
});
