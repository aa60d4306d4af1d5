import type { HostChannelRuntime } from './HostTypes.js';

const isFunction = (value: unknown): boolean => typeof value === 'function';

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The host's channel runtime when it has the functions this plugin calls (session routing and reply
 * dispatch), otherwise `undefined`: OpenClaw types `ctx.channelRuntime` as a surface that does not
 * promise them, though the object it passes is `api.runtime.channel`.
 */
export function asChannelRuntime(value: unknown): HostChannelRuntime | undefined {
  const routing = member(value, 'routing');
  const reply = member(value, 'reply');
  const complete =
    isFunction(member(routing, 'resolveAgentRoute')) &&
    isFunction(member(reply, 'finalizeInboundContext')) &&
    isFunction(member(reply, 'dispatchReplyWithBufferedBlockDispatcher'));
  return complete ? (value as HostChannelRuntime) : undefined;
}
