import { describe, expect, it } from 'vitest';
import { QQError } from '../../src/errors/QQError.js';
import { EVENT_TYPES } from '../../src/events/EventSchemas.js';
import { IntentBits, IntentEvents, Intents, type IntentName } from '../../src/events/Intents.js';
import { UnknownIntentError } from '../../src/events/UnknownIntentError.js';

describe('Intents', () => {
  it('builds the bitfield from names, matching the reference values', () => {
    expect(Intents.from(['GROUP_AND_C2C_EVENT', 'INTERACTION']).bitfield).toBe(100663296);
    expect(Intents.from(['GUILDS', 'GUILD_MESSAGES']).bitfield).toBe(513);
    expect(Intents.from(['PUBLIC_GUILD_MESSAGES']).bitfield).toBe(1073741824);
    expect(Intents.from([]).bitfield).toBe(0);
    expect(Number(Intents.from(['GROUP_MEMBER_EVENT']))).toBe(1 << 24);
    expect(JSON.stringify({ intents: Intents.from(['GUILDS']) })).toBe('{"intents":1}');
  });

  it('rejects unknown names and unknown bits with a typed error', () => {
    const attempt = () => Intents.from(['GROUP_AND_C2C_EVENT', 'USER_MESSAGE' as IntentName]);
    expect(attempt).toThrow(UnknownIntentError);
    expect(attempt).toThrow(QQError);
    expect(attempt).toThrow(/Unknown intent "USER_MESSAGE".*GROUP_AND_C2C_EVENT/);
    try {
      attempt();
    } catch (error) {
      expect((error as UnknownIntentError).name).toBe('UnknownIntentError');
      expect((error as UnknownIntentError).intent).toBe('USER_MESSAGE');
    }
    expect(() => Intents.from([1 << 3])).toThrow(UnknownIntentError);
    expect(() => Intents.from(['toString' as IntentName])).toThrow(UnknownIntentError);
    expect(Intents.from([1 << 25, 'INTERACTION']).bitfield).toBe(100663296);
  });

  it('maps every intent to its events and every event back to one intent', () => {
    expect(Intents.eventsOf('GROUP_AND_C2C_EVENT')).toContain('GROUP_AT_MESSAGE_CREATE');
    expect(Intents.forEvent('MESSAGE_CREATE')).toBe('GUILD_MESSAGES');
    expect(Intents.forEvent('AT_MESSAGE_CREATE')).toBe('PUBLIC_GUILD_MESSAGES');
    expect(Intents.forEvent('READY')).toBeUndefined();
    const mapped = Object.values(IntentEvents).flat();
    expect(new Set(mapped).size).toBe(mapped.length);
    // Every known event except the intent-less ones belongs to exactly one intent.
    expect(EVENT_TYPES.filter((t) => Intents.forEvent(t) === undefined).sort()).toEqual(['ENTER_AIO', 'READY', 'RESUMED']);
    expect(Object.keys(IntentEvents).sort()).toEqual(Object.keys(IntentBits).sort());
  });

  it('answers which events a connection receives', () => {
    const intents = Intents.from(['GROUP_AND_C2C_EVENT']);
    expect(intents.allows('C2C_MESSAGE_CREATE')).toBe(true);
    expect(intents.allows('INTERACTION_CREATE')).toBe(false);
    expect(intents.allows('READY')).toBe(true);
    expect(intents.allows('SOMETHING_NEW')).toBe(true);
    expect(intents.names()).toEqual(['GROUP_AND_C2C_EVENT']);
    expect(intents.events()).toEqual(IntentEvents.GROUP_AND_C2C_EVENT);
    expect(Intents.from(['GUILDS', 'INTERACTION']).privileged()).toEqual(['INTERACTION']);
    const foreign = Intents.fromBitfield((1 << 25) | (1 << 3));
    expect(foreign.names()).toEqual(['GROUP_AND_C2C_EVENT']);
    expect(foreign.unknownBits).toBe(1 << 3);
  });
});
