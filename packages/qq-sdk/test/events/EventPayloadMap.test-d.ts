import { describe, expectTypeOf, it } from 'vitest';
import type * as z from '../../src/internal/zod.js';
import type { EventPayloadMap } from '../../src/events/EventPayloadMap.js';
import type { EventSchemas, EventType } from '../../src/events/EventSchemas.js';
import type { KnownFields } from '../../src/events/KnownFields.js';

/** What a schema parses to, as handlers see it. */
type FromSchema<K extends EventType> = KnownFields<z.output<(typeof EventSchemas)[K]>>;
/** The events whose named payload type is not exactly its schema's known fields. */
type Disagreeing = {
  [K in EventType]: [EventPayloadMap[K]] extends [FromSchema<K>] ? ([FromSchema<K>] extends [EventPayloadMap[K]] ? never : K) : K;
}[EventType];

describe('EventPayloadMap', () => {
  it('names exactly the events EventSchemas has', () => {
    expectTypeOf<keyof EventPayloadMap>().toEqualTypeOf<keyof typeof EventSchemas>();
  });

  it("gives every event its schema's known fields", () => {
    expectTypeOf<Disagreeing>().toBeNever();
  });
});
