import { describe, expectTypeOf, it } from 'vitest';
import type { DispatchMeta, HandlerErrorEvent, InvalidEvent, UnknownEvent } from '../../src/events/dispatchTypes.js';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';
import type { EventPayloadMap } from '../../src/events/EventPayloadMap.js';
import type { EventType } from '../../src/events/EventSchemas.js';
import type { EventTimestamp } from '../../src/events/EventTimestamp.js';
import { Intents, type IntentName } from '../../src/events/Intents.js';
import { parseEvent } from '../../src/events/parseEvent.js';
import type { GroupMessageEvent, GuildMessageEvent, InteractionEvent } from '../../src/events/types.js';

const dispatcher = new EventDispatcher();

describe('EventDispatcher types', () => {
  it('infers the payload and meta from the event name', () => {
    dispatcher.on('GROUP_AT_MESSAGE_CREATE', (event, meta) => {
      expectTypeOf(event).toEqualTypeOf<GroupMessageEvent>();
      expectTypeOf(event.group_openid).toEqualTypeOf<string>();
      expectTypeOf(event.content).toEqualTypeOf<string>();
      expectTypeOf(event.timestamp).toEqualTypeOf<EventTimestamp>();
      expectTypeOf(event.author.member_openid).toEqualTypeOf<string | undefined>();
      expectTypeOf(meta).toEqualTypeOf<DispatchMeta<'GROUP_AT_MESSAGE_CREATE'>>();
      expectTypeOf(meta.type).toEqualTypeOf<'GROUP_AT_MESSAGE_CREATE'>();
      expectTypeOf(meta.transport).toEqualTypeOf<'websocket' | 'webhook'>();
    });
    dispatcher.once('AT_MESSAGE_CREATE', (event) => {
      expectTypeOf(event).toEqualTypeOf<GuildMessageEvent>();
      expectTypeOf(event.channel_id).toEqualTypeOf<string>();
    });
    dispatcher.on('INTERACTION_CREATE', (event) => {
      expectTypeOf(event).toEqualTypeOf<InteractionEvent>();
      expectTypeOf(event.data?.resolved?.button_data).toEqualTypeOf<string | undefined>();
    });
    dispatcher.on('FRIEND_ADD', (event) => {
      expectTypeOf(event.openid).toEqualTypeOf<string>();
      expectTypeOf(event.timestamp.raw).toEqualTypeOf<string | number>();
    });
  });

  it('types the catch-all and report channels', () => {
    dispatcher.on('*', (event, meta) => {
      expectTypeOf(event.type).toEqualTypeOf<EventType>();
      if (event.type === 'C2C_MESSAGE_CREATE') {
        expectTypeOf(event.data).toEqualTypeOf<EventPayloadMap['C2C_MESSAGE_CREATE']>();
      }
      expectTypeOf(meta).toEqualTypeOf<DispatchMeta>();
    });
    dispatcher.on('invalidEvent', (event) => expectTypeOf(event).toEqualTypeOf<InvalidEvent>());
    dispatcher.on('unknownEvent', (event) => expectTypeOf(event).toEqualTypeOf<UnknownEvent>());
    dispatcher.on('handlerError', (event) => expectTypeOf(event).toEqualTypeOf<HandlerErrorEvent>());
  });

  it('rejects unknown names and wrong handler shapes', () => {
    // @ts-expect-error not an event name
    dispatcher.on('GROUP_AT_MESAGE_CREATE', () => {});
    // @ts-expect-error group messages have no channel_id
    dispatcher.on('GROUP_AT_MESSAGE_CREATE', (event) => event.channel_id.toUpperCase());
    // @ts-expect-error meta.type is the exact event name
    dispatcher.on('FRIEND_DEL', (_event, meta) => expectTypeOf(meta.type).toEqualTypeOf<'FRIEND_ADD'>());
  });

  it('narrows parseEvent results', () => {
    const result = parseEvent('GROUP_ADD_ROBOT', {});
    if (result.kind === 'parsed') {
      expectTypeOf(result.data).toEqualTypeOf<EventPayloadMap['GROUP_ADD_ROBOT']>();
      expectTypeOf(result.data.op_member_openid).toEqualTypeOf<string>();
    }
    if (result.kind === 'invalid') expectTypeOf(result.data).toEqualTypeOf<unknown>();

    const any = parseEvent('SOME_TYPE' as string, {});
    if (any.kind === 'parsed' && any.type === 'INTERACTION_CREATE') {
      expectTypeOf(any.data).toEqualTypeOf<InteractionEvent>();
    }
    if (any.kind === 'unknown') expectTypeOf(any.type).toEqualTypeOf<string>();
  });
});

describe('Intents types', () => {
  it('accepts only intent names', () => {
    expectTypeOf(Intents.from(['GROUP_AND_C2C_EVENT', 'INTERACTION']).bitfield).toEqualTypeOf<number>();
    // @ts-expect-error not an intent
    Intents.from(['GROUP_AND_C2C']);
    expectTypeOf(Intents.eventsOf('GUILDS')).toEqualTypeOf<readonly EventType[]>();
    expectTypeOf(Intents.forEvent('MESSAGE_CREATE')).toEqualTypeOf<IntentName | undefined>();
  });
});
