import { describe, expectTypeOf, it } from 'vitest';
import type { KnownFields } from '../../src/events/KnownFields.js';
import type { GatewayBotInfo } from '../../src/gateway/GatewayManager.js';
import type { SessionStartLimit } from '../../src/gateway/throttling/IdentifyThrottler.js';
import type { GatewayBotResponse } from '../../src/rest/schemas/gateway.js';
import type { SessionStartLimit as SimulatorSessionStartLimit } from '../../src/testing/SimulatorOptions.js';

// GET /gateway/bot's shape is written as a schema (what REST validates), as plain interfaces (what
// the gateway and identify throttlers take, so users can pass their own) and in the simulator's
// options. They must stay the same platform fact.
describe('session_start_limit', () => {
  it('the gateway interface is what the REST schema parses', () => {
    expectTypeOf<SessionStartLimit>().toEqualTypeOf<KnownFields<GatewayBotResponse['session_start_limit']>>();
    expectTypeOf<KnownFields<GatewayBotResponse>>().toEqualTypeOf<GatewayBotInfo>();
  });

  it("the simulator's option has the same fields", () => {
    expectTypeOf<SimulatorSessionStartLimit>().toEqualTypeOf<SessionStartLimit>();
  });
});
