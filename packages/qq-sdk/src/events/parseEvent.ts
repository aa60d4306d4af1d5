import type * as z from '../internal/zod.js';
import type { EventPayloadMap } from './EventPayloadMap.js';
import type { EventType } from './EventSchemas.js';
import { eventEntry, InvalidPayload, validatePayload } from './internal/eventEntries.js';

/**
 * {@link parseEvent} succeeded: `data` is the typed payload. For several types this is a union
 * discriminated by `type`, so checking `result.type` narrows `result.data`.
 */
export type ParsedEvent<K extends EventType = EventType> = {
  [T in K]: {
    /** Discriminant. */
    kind: 'parsed';
    /** The event type. */
    type: T;
    /** The validated payload (unknown fields kept). */
    data: EventPayloadMap[T];
  };
}[K];

/** {@link parseEvent} found a known type whose payload does not match its schema. */
export interface InvalidParsedEvent {
  /** Discriminant. */
  kind: 'invalid';
  /** The event type. */
  type: EventType;
  /** The payload exactly as received. */
  data: unknown;
  /** What did not match, from zod. */
  issues: z.core.$ZodIssue[];
}

/** {@link parseEvent} got a type qq-sdk has no schema for; `data` is passed on untouched. */
export interface UnknownParsedEvent {
  /** Discriminant. */
  kind: 'unknown';
  /** The event type as received. */
  type: string;
  /** The payload exactly as received. */
  data: unknown;
}

/** The result of {@link parseEvent}: parsed, invalid or unknown. Never throws. */
export type ParseEventResult<K extends EventType = EventType> = ParsedEvent<K> | InvalidParsedEvent | UnknownParsedEvent;

/**
 * Validates an event payload against the schema for its type.
 *
 * @param type - The envelope's `t`.
 * @param data - The envelope's `d`.
 * @returns `parsed` with the typed payload, `invalid` with zod issues, or `unknown` for a type without schema.
 * @example
 * ```ts
 * const result = parseEvent(envelope.t, envelope.d);
 * if (result.kind === 'parsed' && result.type === 'GROUP_AT_MESSAGE_CREATE') console.log(result.data.group_openid);
 * ```
 */
export function parseEvent<K extends EventType>(type: K, data: unknown): ParseEventResult<K>;
export function parseEvent(type: string, data: unknown): ParseEventResult;
export function parseEvent(type: string, data: unknown): ParseEventResult {
  const entry = eventEntry(type);
  if (entry === undefined) return { kind: 'unknown', type, data };
  const parsed = validatePayload(entry, data);
  if (parsed instanceof InvalidPayload) return { kind: 'invalid', type: entry.type, data, issues: parsed.issues };
  return { kind: 'parsed', type: entry.type, data: parsed } as ParsedEvent;
}
