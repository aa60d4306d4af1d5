// Typed, validated events: schemas, the event map, intents, dedup and the dispatcher.
export { EventTimestamp, EventTimestampSchema } from './EventTimestamp.js';
export {
  DispatchEnvelopeSchema,
  GatewayPayloadSchema,
  type DispatchEnvelope,
  type GatewayPayload,
} from './DispatchEnvelope.js';
export * from './schemas/common.js';
export * from './schemas/session.js';
export * from './schemas/message.js';
export * from './schemas/guildMessage.js';
export * from './schemas/relation.js';
export * from './schemas/group.js';
export * from './schemas/interaction.js';
export * from './schemas/guild.js';
export * from './schemas/forum.js';
export type * from './types.js';
export {
  EventSchemas,
  EVENT_TYPES,
  MESSAGE_EVENT_TYPES,
  isEventType,
  type EventType,
} from './EventSchemas.js';
export type { EventPayloadMap } from './EventPayloadMap.js';
export { MESSAGE_EVENTS, isMessageEventType, type MessageEventInfo, type MessageEventTable } from './MessageEvents.js';
export type { KnownFields } from './KnownFields.js';
export { extraField } from './extraField.js';
export {
  parseEvent,
  type InvalidParsedEvent,
  type ParsedEvent,
  type ParseEventResult,
  type UnknownParsedEvent,
} from './parseEvent.js';
export { Intents, IntentBits, IntentEvents, type IntentName } from './Intents.js';
export { UnknownIntentError } from './UnknownIntentError.js';
export type { DedupStore } from './DedupStore.js';
export { MemoryDedupStore, type MemoryDedupStoreOptions } from './MemoryDedupStore.js';
export { DefaultDispatchOptions, EventDispatcher, type EventDispatcherOptions } from './EventDispatcher.js';
export { HandlerTimeoutError, type HandlerAbandonReason } from './HandlerTimeoutError.js';
export type * from './dispatchTypes.js';
