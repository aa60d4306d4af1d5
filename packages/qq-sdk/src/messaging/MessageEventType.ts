import type { EventPayloadMap } from '../events/EventPayloadMap.js';
import type { MessageEventType } from '../events/MessageEvents.js';

export type { MessageEventType } from '../events/MessageEvents.js';

/** The platform events that carry a user message, by payload. */
export type MessageEventPayloads = Pick<EventPayloadMap, MessageEventType>;
