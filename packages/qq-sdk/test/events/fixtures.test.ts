import { describe, expect, it } from 'vitest';
import { DispatchEnvelopeSchema } from '../../src/events/DispatchEnvelope.js';
import { EventTimestamp } from '../../src/events/EventTimestamp.js';
import { EVENT_TYPES } from '../../src/events/EventSchemas.js';
import { eventFixtures } from '../../src/events/fixtures/index.js';
import { parseEvent } from '../../src/events/parseEvent.js';
import { extraField } from '../../src/events/extraField.js';

const OPENID = /^[0-9A-F]{32}$/;

describe('event fixture corpus', () => {
  it('has exactly one fixture per known event type', () => {
    expect(Object.keys(eventFixtures).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(EVENT_TYPES)('%s is a dispatch envelope whose payload parses', (type) => {
    const fixture = eventFixtures[type];
    expect(DispatchEnvelopeSchema.parse(fixture).t).toBe(type);
    const result = parseEvent(type, fixture.d);
    if (result.kind !== 'parsed') throw new Error(`${type}: ${JSON.stringify(result)}`);
    expect(result.type).toBe(type);
  });

  it('uses realistic values: 32-hex openids, Chinese text, attachments', () => {
    const group = parseEvent('GROUP_AT_MESSAGE_CREATE', eventFixtures.GROUP_AT_MESSAGE_CREATE.d);
    if (group.kind !== 'parsed') throw new Error('fixture must parse');
    expect(group.data.group_openid).toMatch(OPENID);
    expect(group.data.author.member_openid).toMatch(OPENID);
    expect(group.data.content).toMatch(/[\u4e00-\u9fff]/);
    expect(group.data.attachments?.[0]).toMatchObject({ content_type: 'image/jpeg', width: 1920 });
    expect(group.data.mentions?.[0]?.member_openid).toMatch(OPENID);
    expect(group.data.message_scene?.ext?.[0]).toMatch(/^msg_idx=/);

    const voice = parseEvent('GROUP_MESSAGE_CREATE', eventFixtures.GROUP_MESSAGE_CREATE.d);
    if (voice.kind !== 'parsed') throw new Error('fixture must parse');
    expect(voice.data.attachments?.[0]).toMatchObject({ content_type: 'voice' });
    expect(voice.data.attachments?.[0]?.voice_wav_url).toMatch(/^https:/);
    expect(voice.data.attachments?.[0]?.asr_refer_text).toBeTruthy();
  });

  it('covers every attachment kind: image, voice, video and file', () => {
    const kinds = new Set<string>();
    for (const type of EVENT_TYPES) {
      const d = eventFixtures[type].d as { attachments?: { content_type?: string }[] };
      for (const attachment of d?.attachments ?? []) if (attachment.content_type) kinds.add(attachment.content_type);
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', 'voice', 'video/mp4', 'file']));
  });

  it('parses timestamps into Dates that keep the original value', () => {
    const c2c = parseEvent('C2C_MESSAGE_CREATE', eventFixtures.C2C_MESSAGE_CREATE.d);
    if (c2c.kind !== 'parsed') throw new Error('fixture must parse');
    expect(c2c.data.timestamp).toBeInstanceOf(Date);
    expect(c2c.data.timestamp).toBeInstanceOf(EventTimestamp);
    expect(c2c.data.timestamp.raw).toBe('2026-07-21T10:00:00+08:00');
    expect(c2c.data.timestamp.toISOString()).toBe('2026-07-21T02:00:00.000Z');
    // Re-serializing reproduces the platform's payload.
    expect(JSON.parse(JSON.stringify(c2c.data))).toEqual(eventFixtures.C2C_MESSAGE_CREATE.d);

    const robot = parseEvent('GROUP_ADD_ROBOT', eventFixtures.GROUP_ADD_ROBOT.d);
    if (robot.kind !== 'parsed') throw new Error('fixture must parse');
    expect(robot.data.timestamp.raw).toBe(1699240248);
    expect(robot.data.timestamp.getTime()).toBe(1699240248_000);
  });

  it('keeps unknown fields (loose objects)', () => {
    const d = { ...(eventFixtures.FRIEND_ADD.d as object), brand_new_field: { nested: [1, 2] } };
    const result = parseEvent('FRIEND_ADD', d);
    if (result.kind !== 'parsed') throw new Error('must parse');
    // Not in the declared type (a typo would not compile), but on the object at run time.
    expect(extraField(result.data, 'brand_new_field')).toEqual({ nested: [1, 2] });
    expect(extraField(result.data, 'never_sent')).toBeUndefined();
  });
});
