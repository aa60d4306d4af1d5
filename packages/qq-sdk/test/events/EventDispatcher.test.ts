import { describe, expect, it, vi } from 'vitest';
import type { DedupStore } from '../../src/events/DedupStore.js';
import type { DispatchEnvelope } from '../../src/events/DispatchEnvelope.js';
import type { HandlerErrorEvent, InvalidEvent, UnknownEvent } from '../../src/events/dispatchTypes.js';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';
import { EventTimestamp } from '../../src/events/EventTimestamp.js';
import { eventFixtures } from '../../src/events/fixtures/index.js';
import type { Logger } from '../../src/logging/Logger.js';
import { DISPATCH_NOW } from '../../src/events/internal/dispatchNow.js';

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const ws = { transport: 'websocket', shardId: 0 } as const;

function clone(envelope: DispatchEnvelope, patch: Partial<DispatchEnvelope> = {}): DispatchEnvelope {
  return { ...(structuredClone(envelope) as DispatchEnvelope), ...patch };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('EventDispatcher', () => {
  it('delivers a typed, validated payload with its meta', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const seen: unknown[] = [];
    dispatcher.on('GROUP_AT_MESSAGE_CREATE', (event, meta) => {
      seen.push([event.group_openid, event.timestamp instanceof EventTimestamp, meta]);
    });
    const envelope = eventFixtures.GROUP_AT_MESSAGE_CREATE;
    const outcome = await dispatcher.dispatch(envelope, ws);
    expect(outcome).toEqual({ status: 'delivered', type: 'GROUP_AT_MESSAGE_CREATE', eventId: envelope.id, handlers: 1, errors: 0, abandoned: 0 });
    expect(seen).toEqual([
      [
        'C9F778FE6ADF9D1D1DBE395BF744A33A',
        true,
        expect.objectContaining({ type: 'GROUP_AT_MESSAGE_CREATE', eventId: envelope.id, seq: envelope.s, shardId: 0, transport: 'websocket' }),
      ],
    ]);
    expect(dispatcher.counters).toMatchObject({ delivered: 1, duplicates: 0, invalid: 0, unknown: 0 });
  });

  it('sends every valid known event to "*" as a discriminated { type, data }', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const types: string[] = [];
    dispatcher.on('*', (event) => {
      types.push(event.type);
      if (event.type === 'FRIEND_ADD') expect(event.data.openid).toMatch(/^[0-9A-F]{32}$/);
    });
    await dispatcher.dispatch(eventFixtures.FRIEND_ADD, { transport: 'webhook' });
    await dispatcher.dispatch(eventFixtures.READY, ws);
    expect(types).toEqual(['FRIEND_ADD', 'READY']);
  });

  it('reports a malformed event with its zod issues and keeps delivering later events', async () => {
    const warn = vi.fn();
    const dispatcher = new EventDispatcher({ logger: { ...silent, warn } });
    const invalid: InvalidEvent[] = [];
    const delivered: string[] = [];
    dispatcher.on('invalidEvent', (event) => void invalid.push(event));
    dispatcher.on('C2C_MESSAGE_CREATE', (event) => void delivered.push(event.id));

    const good = eventFixtures.C2C_MESSAGE_CREATE;
    const badData = { ...(good.d as Record<string, unknown>), id: 12345, author: undefined };
    const bad = clone(good, { id: 'C2C_MESSAGE_CREATE:bad', d: badData });
    expect((await dispatcher.dispatch(bad, ws)).status).toBe('invalid');
    const next = clone(good, { id: 'C2C_MESSAGE_CREATE:next' });
    expect((await dispatcher.dispatch(next, ws)).status).toBe('delivered');

    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.data).toBe(badData);
    expect(invalid[0]?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['author', 'id']);
    expect(delivered).toEqual([(good.d as { id: string }).id]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(dispatcher.counters).toMatchObject({ invalid: 1, delivered: 1 });
  });

  it('delivers an unknown event type losslessly on unknownEvent', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const unknown: UnknownEvent[] = [];
    dispatcher.on('unknownEvent', (event) => void unknown.push(event));
    const d = { some: { new: ['shape'] }, 中文: '字段' };
    const envelope: DispatchEnvelope = { op: 0, t: 'SOMETHING_NEW_2027', s: 9, id: 'SOMETHING_NEW_2027:1', d };
    const outcome = await dispatcher.dispatch(envelope, ws);
    expect(outcome.status).toBe('unknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.data).toBe(d);
    expect(unknown[0]?.envelope).toBe(envelope);
    expect(dispatcher.counters.unknown).toBe(1);
  });

  it('drops redeliveries of the same envelope id and of the same message id', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const handler = vi.fn();
    dispatcher.on('GROUP_AT_MESSAGE_CREATE', handler);
    const original = eventFixtures.GROUP_AT_MESSAGE_CREATE;
    await dispatcher.dispatch(original, ws);
    // Resume replay / webhook retry: same envelope id.
    expect((await dispatcher.dispatch(clone(original), { transport: 'webhook' })).status).toBe('duplicate');
    // The platform pushing the same message under a new envelope id.
    expect((await dispatcher.dispatch(clone(original, { id: 'GROUP_AT_MESSAGE_CREATE:other' }), ws)).status).toBe('duplicate');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(dispatcher.counters.duplicates).toBe(2);
  });

  it('falls back to d.id when the envelope has no id, and never dedups id-less events', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const interactions = vi.fn();
    const resumed = vi.fn();
    dispatcher.on('INTERACTION_CREATE', interactions);
    dispatcher.on('RESUMED', resumed);
    const { id: _omit, ...noId } = eventFixtures.INTERACTION_CREATE;
    await dispatcher.dispatch(noId as DispatchEnvelope, { transport: 'webhook' });
    await dispatcher.dispatch(structuredClone(noId) as DispatchEnvelope, { transport: 'webhook' });
    await dispatcher.dispatch(eventFixtures.RESUMED, ws);
    await dispatcher.dispatch(eventFixtures.RESUMED, ws);
    expect(interactions).toHaveBeenCalledTimes(1);
    expect(resumed).toHaveBeenCalledTimes(2);
  });

  it('uses an async DedupStore, and delivers anyway when the store fails', async () => {
    const seen = new Set<string>();
    const store: DedupStore = {
      claim: async (key) => {
        if (key.includes('boom')) throw new Error('redis down');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      },
    };
    const dispatcher = new EventDispatcher({ logger: silent, dedupStore: store, dedupNamespace: 'app1' });
    const handler = vi.fn();
    dispatcher.on('FRIEND_ADD', handler);
    await dispatcher.dispatch(eventFixtures.FRIEND_ADD, ws);
    expect((await dispatcher.dispatch(eventFixtures.FRIEND_ADD, ws)).status).toBe('duplicate');
    await dispatcher.dispatch(clone(eventFixtures.FRIEND_ADD, { id: 'FRIEND_ADD:boom' }), ws);
    await dispatcher.dispatch(clone(eventFixtures.FRIEND_ADD, { id: 'FRIEND_ADD:boom' }), ws);
    expect(handler).toHaveBeenCalledTimes(3);
    expect([...seen]).toEqual([`app1:FRIEND_ADD:${eventFixtures.FRIEND_ADD.id}`]);
  });

  it('never throws: handler errors go to handlerError and other handlers still run', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const errors: HandlerErrorEvent[] = [];
    const after = vi.fn();
    dispatcher.on('handlerError', (error) => void errors.push(error));
    dispatcher.on('FRIEND_DEL', () => {
      throw new Error('sync boom');
    });
    dispatcher.on('FRIEND_DEL', async () => {
      throw new Error('async boom');
    });
    dispatcher.on('FRIEND_DEL', after);
    const outcome = await dispatcher.dispatch(eventFixtures.FRIEND_DEL, ws);
    expect(outcome).toMatchObject({ status: 'delivered', handlers: 3, errors: 2 });
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors.map((e) => (e.error as Error).message).sort()).toEqual(['async boom', 'sync boom']);
    expect(errors[0]).toMatchObject({ type: 'FRIEND_DEL', listener: 'FRIEND_DEL' });
    expect(dispatcher.counters.handlerErrors).toBe(2);
  });

  it('logs handler errors when nobody listens to handlerError', async () => {
    const error = vi.fn();
    const dispatcher = new EventDispatcher({ logger: { ...silent, error } });
    dispatcher.on('FRIEND_DEL', () => {
      throw new Error('nobody listens');
    });
    await dispatcher.dispatch(eventFixtures.FRIEND_DEL, ws);
    expect(error).toHaveBeenCalledWith('An event handler failed', expect.objectContaining({ type: 'FRIEND_DEL' }));
  });

  it('dispatch() always returns a promise, so .then() works whatever the handlers did', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    dispatcher.on('C2C_MESSAGE_CREATE', () => undefined);
    const outcome = dispatcher.dispatch(eventFixtures.C2C_MESSAGE_CREATE, ws);
    expect(outcome).toBeInstanceOf(Promise);
    await expect(outcome.then((done) => done.status)).resolves.toBe('delivered');
  });

  it("the transports' dispatch returns the outcome itself, not a promise, when every handler finished synchronously", () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const seen: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', (data) => void seen.push(data.id));
    const first = dispatcher[DISPATCH_NOW](eventFixtures.C2C_MESSAGE_CREATE, ws);
    const again = dispatcher[DISPATCH_NOW](eventFixtures.C2C_MESSAGE_CREATE, ws);
    expect(first).not.toBeInstanceOf(Promise);
    expect(first).toMatchObject({ status: 'delivered', handlers: 1, errors: 0 });
    expect(again).toMatchObject({ status: 'duplicate', handlers: 0 });
    expect(seen).toEqual([(eventFixtures.C2C_MESSAGE_CREATE.d as { id: string }).id]);
  });

  it('returns a promise while a handler or the dedup store is still working', async () => {
    const asyncHandler = new EventDispatcher({ logger: silent });
    asyncHandler.on('C2C_MESSAGE_CREATE', async () => {});
    const pending = asyncHandler[DISPATCH_NOW](eventFixtures.C2C_MESSAGE_CREATE, ws);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toMatchObject({ status: 'delivered', handlers: 1 });

    const asyncStore = new EventDispatcher({ logger: silent, dedupStore: { claim: async () => true } });
    asyncStore.on('C2C_MESSAGE_CREATE', () => {});
    const claimed = asyncStore.dispatch(eventFixtures.C2C_MESSAGE_CREATE, ws);
    expect(claimed).toBeInstanceOf(Promise);
    expect(await claimed).toMatchObject({ status: 'delivered', handlers: 1 });
  });

  it('resolves only after every handler has settled, while handlers run concurrently', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const slow = deferred();
    const order: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', async () => {
      order.push('slow start');
      await slow.promise;
      order.push('slow end');
    });
    dispatcher.on('C2C_MESSAGE_CREATE', () => void order.push('fast'));
    let settled = false;
    const done = Promise.resolve(dispatcher.dispatch(eventFixtures.C2C_MESSAGE_CREATE, ws)).then((outcome) => {
      settled = true;
      return outcome;
    });
    // A second, independent event is not held up by the slow handler.
    const other = await dispatcher.dispatch(eventFixtures.FRIEND_ADD, ws);
    expect(other.status).toBe('delivered');
    expect(order).toEqual(['slow start', 'fast']);
    expect(settled).toBe(false);
    slow.resolve();
    expect((await done).handlers).toBe(2);
    expect(order).toEqual(['slow start', 'fast', 'slow end']);
  });

  it('supports once and off', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, dedupStore: false });
    const once = vi.fn();
    const on = vi.fn();
    dispatcher.once('C2C_MSG_REJECT', once);
    dispatcher.on('C2C_MSG_REJECT', on);
    await dispatcher.dispatch(eventFixtures.C2C_MSG_REJECT, ws);
    await dispatcher.dispatch(eventFixtures.C2C_MSG_REJECT, ws);
    dispatcher.off('C2C_MSG_REJECT', on);
    await dispatcher.dispatch(eventFixtures.C2C_MSG_REJECT, ws);
    expect(once).toHaveBeenCalledTimes(1);
    expect(on).toHaveBeenCalledTimes(2);
    expect(dispatcher.listenerCount('C2C_MSG_REJECT')).toBe(0);
  });

  it('a once registration of a handler that is also registered with on leaves the on one in place', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, dedupStore: false });
    const handler = vi.fn();
    dispatcher.on('FRIEND_ADD', handler);
    dispatcher.once('FRIEND_ADD', handler);
    await dispatcher.dispatch(eventFixtures.FRIEND_ADD, ws);
    await dispatcher.dispatch(eventFixtures.FRIEND_ADD, ws);
    expect(handler).toHaveBeenCalledTimes(3);
    expect(dispatcher.listenerCount('FRIEND_ADD')).toBe(1);
  });

  it('hands raw payloads through when validation is off', async () => {
    const dispatcher = new EventDispatcher({ logger: silent, validate: false });
    const handler = vi.fn();
    dispatcher.on('C2C_MESSAGE_CREATE', handler);
    await dispatcher.dispatch(eventFixtures.C2C_MESSAGE_CREATE, ws);
    expect(handler.mock.calls[0]?.[0]).toBe(eventFixtures.C2C_MESSAGE_CREATE.d);
  });

  it('never rejects, even for a malformed envelope from an untyped caller', async () => {
    const dispatcher = new EventDispatcher({ logger: silent });
    const outcome = await dispatcher.dispatch(null as unknown as DispatchEnvelope, ws);
    expect(outcome.status).toBe('invalid');
  });
});
