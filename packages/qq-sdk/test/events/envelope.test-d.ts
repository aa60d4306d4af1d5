import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { DispatchEnvelopeSchema, type DispatchEnvelope } from '../../src/events/DispatchEnvelope.js';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';

describe('DispatchEnvelopeSchema', () => {
  it('parses into something dispatch() accepts without a cast', () => {
    expectTypeOf<z.output<typeof DispatchEnvelopeSchema>>().toExtend<DispatchEnvelope>();
    const parsed = DispatchEnvelopeSchema.parse({});
    void new EventDispatcher().dispatch(parsed, { transport: 'webhook' });
  });
});
