import type * as z from '../internal/zod.js';
import type { DispatchEnvelope } from './DispatchEnvelope.js';
import type { EventPayloadMap } from './EventPayloadMap.js';
import type { EventType } from './EventSchemas.js';

/** How an event reached the bot. */
export type EventTransport = 'websocket' | 'webhook';

/** What the transport tells {@link EventDispatcher.dispatch} about an envelope. */
export interface DispatchContext {
  /** The transport that received the envelope. */
  transport: EventTransport;
  /** The gateway shard that received it (WebSocket only). */
  shardId?: number;
}

/** Delivery details passed to every handler next to the payload. */
export interface DispatchMeta<K extends string = string> {
  /** The event type (`t`). */
  type: K;
  /** The envelope `id`: pass it as `event_id` to reply to non-message events. */
  eventId: string | undefined;
  /** The envelope sequence number `s` (gateway only). */
  seq: number | undefined;
  /** The gateway shard, if any. */
  shardId: number | undefined;
  /** How the event arrived. */
  transport: EventTransport;
  /** When the dispatcher received it (epoch ms, from the injected clock). */
  receivedAt: number;
}

/** A handler for one event type: gets the validated payload and its {@link DispatchMeta}. */
export type EventHandler<K extends EventType> = (event: EventPayloadMap[K], meta: DispatchMeta<K>) => unknown;

/** What catch-all (`'*'`) handlers receive: a union discriminated by `type`. */
export type AnyDispatchEvent = { [K in EventType]: { type: K; data: EventPayloadMap[K] } }[EventType];

/** An event of a known type whose payload failed its schema; delivered on `invalidEvent` instead. */
export interface InvalidEvent {
  /** The event type. */
  type: string;
  /** The payload exactly as received. */
  data: unknown;
  /** What did not match. */
  issues: z.core.$ZodIssue[];
  /** The whole envelope. */
  envelope: DispatchEnvelope;
  /** Delivery details. */
  meta: DispatchMeta;
}

/** An event of a type qq-sdk has no schema for, delivered losslessly on `unknownEvent`. */
export interface UnknownEvent {
  /** The event type as received. */
  type: string;
  /** The payload exactly as received. */
  data: unknown;
  /** The whole envelope. */
  envelope: DispatchEnvelope;
  /** Delivery details. */
  meta: DispatchMeta;
}

/** A handler threw or rejected; delivered on `handlerError`. The socket loop never sees it. */
export interface HandlerErrorEvent {
  /** What the handler threw. */
  error: unknown;
  /** The event type whose handler failed. */
  type: string;
  /** The listener name the handler was registered under (an event type, `'*'`, `invalidEvent` …). */
  listener: string;
  /** Delivery details. */
  meta: DispatchMeta;
}

/**
 * Every name {@link EventDispatcher.on} accepts, mapped to its handler: each platform event type,
 * plus `'*'` (every valid known event), `invalidEvent`, `unknownEvent` and `handlerError`.
 */
export type DispatcherListeners = { [K in EventType]: EventHandler<K> } & {
  '*': (event: AnyDispatchEvent, meta: DispatchMeta) => unknown;
  invalidEvent: (event: InvalidEvent) => unknown;
  unknownEvent: (event: UnknownEvent) => unknown;
  handlerError: (error: HandlerErrorEvent) => unknown;
};

/** A name {@link EventDispatcher.on} accepts. */
export type DispatcherEventName = keyof DispatcherListeners;

/**
 * What happened to one dispatched envelope: `delivered` to typed handlers, dropped as a
 * `duplicate`, routed to `invalid`Event or `unknown`Event, or `skipped`: it was waiting for a
 * handler slot when the dispatcher was told to stop waiting ({@link EventDispatcher.abandonAll}).
 */
export type DispatchStatus = 'delivered' | 'duplicate' | 'invalid' | 'unknown' | 'skipped';

/**
 * The result of {@link EventDispatcher.dispatch}, once every handler has settled or the event was
 * abandoned.
 */
export interface DispatchOutcome {
  /** `delivered` to typed handlers, dropped as a `duplicate`, or routed to `invalidEvent` / `unknownEvent`. */
  status: DispatchStatus;
  /** The event type. */
  type: string;
  /** The envelope id. */
  eventId: string | undefined;
  /** How many handlers ran. */
  handlers: number;
  /** How many of them threw or rejected. */
  errors: number;
  /** How many were still running when the event was abandoned (handler budget or `stop()`). */
  abandoned: number;
}

/** Running totals of an {@link EventDispatcher}. */
export interface DispatcherCounters {
  /** Events delivered to typed handlers (valid, known, first seen). */
  delivered: number;
  /** Redeliveries dropped by dedup. */
  duplicates: number;
  /** Known events that failed their schema. */
  invalid: number;
  /** Events of unknown types. */
  unknown: number;
  /** Handlers that threw or rejected. */
  handlerErrors: number;
  /** Handlers still running when their event was abandoned (handler budget or `stop()`). */
  abandoned: number;
  /** Events that waited for a slot because `maxConcurrentHandlers` events were running. */
  queued: number;
}
