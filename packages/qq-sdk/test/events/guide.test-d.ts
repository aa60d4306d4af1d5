// The code of docs/events.md, compiled against the real API so the guide cannot drift.
import { describe, expectTypeOf, it } from 'vitest';
import { Intents, type IntentName } from '../../src/index.js';
import { EventDispatcher, parseEvent, type DedupStore, type DispatchEnvelope, type DispatchOutcome } from '../../src/entries/events.js';

declare const envelope: DispatchEnvelope;
declare const redis: { set(key: string, value: string, px: 'PX', ttl: number, nx: 'NX'): Promise<string | null> };

describe('docs/events.md', () => {
  it('quick start', () => {
    const events = new EventDispatcher();
    events.on('GROUP_AT_MESSAGE_CREATE', async (msg, meta) => {
      console.log(msg.group_openid, msg.author.member_openid, msg.content.trim(), meta.eventId);
    });
    events.on('C2C_MESSAGE_CREATE', (msg) => {
      for (const file of msg.attachments ?? []) {
        if (file.content_type === 'voice') console.log('voice said:', file.asr_refer_text, file.voice_wav_url);
      }
    });
    events.on('FRIEND_ADD', (e) => {
      expectTypeOf(e.timestamp.getTime()).toEqualTypeOf<number>();
      expectTypeOf(e.timestamp.raw).toEqualTypeOf<string | number>();
    });
  });

  it('catch-all, invalid, unknown, handler errors and dispatch', async () => {
    const events = new EventDispatcher();
    events.on('*', (event) => {
      if (event.type === 'INTERACTION_CREATE') console.log(event.data.data?.resolved?.button_id);
    });
    events.on('invalidEvent', ({ type, issues }) => {
      console.warn(
        `bad ${type}`,
        issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    });
    events.on('unknownEvent', ({ type, data, envelope: raw }) => void [type, data, raw]);
    events.on('handlerError', ({ error, type, listener }) => void [error, type, listener]);
    const outcome = await events.dispatch(envelope, { transport: 'websocket', shardId: 0 });
    expectTypeOf(outcome).toEqualTypeOf<DispatchOutcome>();
    expectTypeOf(events.counters.duplicates).toEqualTypeOf<number>();
  });

  it('a shared dedup store', () => {
    class RedisDedupStore implements DedupStore {
      async claim(key: string, ttlMs: number): Promise<boolean> {
        return (await redis.set(`qq:dedup:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
      }
    }
    new EventDispatcher({ dedupStore: new RedisDedupStore(), dedupNamespace: '102012345' });
  });

  it('parseEvent and intents', () => {
    const result = parseEvent(envelope.t, envelope.d);
    switch (result.kind) {
      case 'parsed':
        if (result.type === 'GROUP_ADD_ROBOT') expectTypeOf(result.data.group_openid).toEqualTypeOf<string>();
        break;
      case 'invalid':
        expectTypeOf(result.issues).toBeArray();
        break;
      case 'unknown':
        expectTypeOf(result.data).toEqualTypeOf<unknown>();
        break;
    }
    const intents = Intents.from(['GROUP_AND_C2C_EVENT', 'INTERACTION']);
    expectTypeOf(intents.bitfield).toEqualTypeOf<number>();
    expectTypeOf(intents.allows('GROUP_AT_MESSAGE_CREATE')).toEqualTypeOf<boolean>();
    expectTypeOf(intents.privileged()).toEqualTypeOf<IntentName[]>();
    expectTypeOf(Intents.forEvent('MESSAGE_CREATE')).toEqualTypeOf<IntentName | undefined>();
    Intents.eventsOf('GROUP_MEMBER_EVENT');
  });
});
