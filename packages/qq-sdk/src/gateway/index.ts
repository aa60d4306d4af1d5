// The WebSocket gateway: shards, the manager, the close-code policy and their pluggable parts.
export { GatewayManager } from './GatewayManager.js';
export type { GatewayBotInfo, GatewayManagerOptions } from './GatewayManager.js';
export { GatewayShard } from './GatewayShard.js';
export type { GatewayShardOptions, GatewayTimingOptions } from './GatewayShard.js';
export type {
  GatewayCloseEvent,
  GatewayCounters,
  GatewayHeartbeatEvent,
  GatewayManagerEventsMap,
  GatewayReadyEvent,
  GatewayReconnectingEvent,
  GatewayRecovery,
  GatewayResumedEvent,
  GatewayShardEventsMap,
  GatewayShardStatus,
  GatewayStatusChangeEvent,
} from './GatewayShardEvents.js';
export type { GatewayDispatcher, GatewayDispatchMeta, GatewayDispatchResult } from './GatewayDispatcher.js';
export { GatewayError } from './GatewayError.js';
export type { GatewayErrorOptions, GatewayErrorReason } from './GatewayError.js';
export { GATEWAY_CLOSE_CODES, resolveCloseCode } from './GatewayCloseCodes.js';
export type { GatewayCloseAction, GatewayCloseCodeRule } from './GatewayCloseCodes.js';
export { GatewayOpcodes } from './GatewayOpcodes.js';
export type { GatewayOpcode } from './GatewayOpcodes.js';
export { DefaultGatewayOptions } from './DefaultGatewayOptions.js';
export { ExponentialBackoff } from './ExponentialBackoff.js';
export type { ExponentialBackoffOptions } from './ExponentialBackoff.js';
export { Heartbeater } from './Heartbeater.js';
export type { HeartbeatInfo, HeartbeaterOptions } from './Heartbeater.js';
export { SequenceWatermark, type SequenceRange } from './SequenceWatermark.js';
export type { GatewaySession, GatewaySessionStore } from './session/GatewaySessionStore.js';
export { MemorySessionStore } from './session/MemorySessionStore.js';
export { FileSessionStore } from './session/FileSessionStore.js';
export type { IdentifyThrottler, SessionStartLimit } from './throttling/IdentifyThrottler.js';
export { SimpleIdentifyThrottler } from './throttling/SimpleIdentifyThrottler.js';
export type { SimpleIdentifyThrottlerOptions } from './throttling/SimpleIdentifyThrottler.js';
