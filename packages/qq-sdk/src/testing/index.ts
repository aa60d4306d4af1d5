/**
 * qq-sdk/testing: the QQ platform, offline. {@link QQSimulator} runs a real HTTP + WebSocket
 * server on 127.0.0.1 that behaves like the QQ Open Platform (token, gateway, message endpoints
 * with the reply rules, signed webhooks), so a bot's tests can run without network or accounts.
 *
 * @packageDocumentation
 */
export {
  QQSimulator,
  type DeepPartial,
  type FloodOptions,
  type FloodResult,
  type InjectedEvent,
  type InjectPayload,
  type SessionInfo,
  type SimulatedFailure,
  type WaitForOptions,
} from './QQSimulator.js';
export type {
  ReplyQuotas,
  ReplyWindows,
  SessionStartLimit,
  SimulatorOptions,
  SimulatorPolicy,
  SimulatorPolicyUpdate,
  SimulatorRateLimit,
  SimulatorScene,
} from './SimulatorOptions.js';
export type {
  ConnectionRecord,
  HeartbeatRecord,
  IdentifyRecord,
  InteractionAckRecord,
  RestCallRecord,
  ResumeRecord,
  SentMessageRecord,
  TypingRecord,
  UploadRecord,
} from './SimulatorRecords.js';
export type { ConnectionSelector } from './ConnectionSelector.js';
export type { RawDispatch } from './rawDispatch.js';
export { SIMULATOR_ROUTES, type SimulatorRoute } from './SimulatorRoute.js';
export { PLATFORM_CLOSE_CODES, isResumableCloseCode, type PlatformCloseCode } from './closeCodes.js';
export { PLATFORM_ERRORS, type PlatformErrorBody, type PlatformErrorCode } from './platformErrors.js';
export { shardForEvent, fnv1a32 } from './shardForEvent.js';
export { ManualClock } from './ManualClock.js';
export type { Clock } from '../internal/Clock.js';
export { SimulatorError } from './SimulatorError.js';
export { SimulatorTimeoutError } from './SimulatorTimeoutError.js';
export type { WebhookAttempt, WebhookDeliveryOptions, WebhookDeliveryResult, WebhookValidationResult } from './WebhookDeliverer.js';
