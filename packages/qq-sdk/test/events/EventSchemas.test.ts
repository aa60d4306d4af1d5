import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENT_TYPES, EventSchemas } from '../../src/events/EventSchemas.js';
import { eventFixtures } from '../../src/events/fixtures/index.js';
import { GroupMessageSchema } from '../../src/events/schemas/message.js';

// The catalogue's schemas are z.lazy (built on first use); users parse, compose and extend them.
describe('exported event schemas', () => {
  it.each(EVENT_TYPES)('%s parses its fixture through zod itself', (type) => {
    expect(EventSchemas[type].safeParse(eventFixtures[type].d).success).toBe(true);
  });

  it('unwrap() gives the object schema, which extends like any other (docs/events.md)', () => {
    const Tagged = GroupMessageSchema.unwrap().extend({ tag: z.string().optional() });
    const payload = eventFixtures.GROUP_AT_MESSAGE_CREATE.d as Record<string, unknown>;
    expect(Tagged.parse({ ...payload, tag: 'vip' })).toMatchObject({ group_openid: payload['group_openid'], tag: 'vip' });
    const wrongTag = Tagged.safeParse({ ...payload, tag: 1 });
    expect(wrongTag.success ? [] : wrongTag.error.issues.map((issue) => issue.path.join('.'))).toEqual(['tag']);
  });
});
