import { describe, expect, it } from 'vitest';
import { asChannelRuntime } from '../../src/host/asChannelRuntime.js';

const fn = (): undefined => undefined;

describe('asChannelRuntime: ctx.channelRuntime is used only when it has what the plugin calls', () => {
  it('takes a runtime with routing and reply dispatch as it is', () => {
    const runtime = { routing: { resolveAgentRoute: fn }, reply: { finalizeInboundContext: fn, dispatchReplyWithBufferedBlockDispatcher: fn }, media: {} };
    expect(asChannelRuntime(runtime)).toBe(runtime);
  });

  it('refuses the narrower surface the host type promises, and anything else', () => {
    expect(asChannelRuntime({ media: {}, text: {} })).toBeUndefined();
    expect(asChannelRuntime({ routing: { resolveAgentRoute: fn }, reply: { finalizeInboundContext: fn } })).toBeUndefined();
    expect(
      asChannelRuntime({ routing: { resolveAgentRoute: 'x' }, reply: { finalizeInboundContext: fn, dispatchReplyWithBufferedBlockDispatcher: fn } }),
    ).toBeUndefined();
    expect(asChannelRuntime(undefined)).toBeUndefined();
    expect(asChannelRuntime(null)).toBeUndefined();
  });
});
