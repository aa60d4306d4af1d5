import { describe, expectTypeOf, it } from 'vitest';
import type { QQSimulator, SentMessageRecord } from '../../src/testing/index.js';

declare const sim: QQSimulator;

describe('QQSimulator types', () => {
  it('types inject payloads and results by event type', () => {
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好', author: { username: '小红' } });
    expectTypeOf(event.data.group_openid).toEqualTypeOf<string>();
    expectTypeOf(event.id).toEqualTypeOf<string>();
    // @ts-expect-error content is a string
    sim.inject('GROUP_AT_MESSAGE_CREATE', { content: 42 });
    // Unknown event types still work, untyped.
    expectTypeOf(sim.inject('SOME_FUTURE_EVENT', { x: 1 }).data).toEqualTypeOf<Record<string, unknown>>();
  });

  it('returns the predicate value from waitFor', () => {
    expectTypeOf(sim.waitFor(() => sim.messagesTo('G')[0])).toEqualTypeOf<Promise<SentMessageRecord>>();
  });

  it('distinguishes close(code) from close()', () => {
    expectTypeOf(sim.close(4009)).toEqualTypeOf<number>();
    expectTypeOf(sim.close()).toEqualTypeOf<Promise<void>>();
  });

  it('only accepts known routes in failNext', () => {
    sim.failNext('POST /v2/groups/{group_openid}/messages', 500);
    // @ts-expect-error not a simulator route
    sim.failNext('POST /nope', 500);
  });
});
