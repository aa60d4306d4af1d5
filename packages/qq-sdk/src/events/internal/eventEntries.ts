import type * as z from '../../internal/zod.js';
import { EventSchemas, MESSAGE_EVENT_TYPES, type EventType } from '../EventSchemas.js';
import { compileFastParser, MISMATCH, type FastParser } from './compileFastParser.js';
import { upgradeLegacyPayload } from './legacyPayloads.js';

/** What the hot path needs to know about one event type, found with a single map lookup. */
export interface EventEntry {
  /** The event type. */
  readonly type: EventType;
  /** Its zod schema (the source of truth). */
  readonly schema: z.ZodType;
  /** Whether `d.id` is a message id (dedup key). */
  readonly message: boolean;
  /** The compiled parser, built on first use; `undefined` if the schema cannot be compiled. */
  fast: FastParser | undefined;
  /** Whether `fast` has been built. */
  compiled: boolean;
}

/** A payload that failed its schema, with zod's issues. */
export class InvalidPayload {
  /** @param issues - What did not match. */
  constructor(readonly issues: z.core.$ZodIssue[]) {}
}

// Several types share a schema; share its compiled parser too.
const compiledBySchema = new Map<z.ZodType, FastParser | undefined>();

const entries = new Map<string, EventEntry>(
  (Object.keys(EventSchemas) as EventType[]).map((type) => [
    type,
    { type, schema: EventSchemas[type] as z.ZodType, message: MESSAGE_EVENT_TYPES.has(type), fast: undefined, compiled: false },
  ]),
);

/** The entry for a known event type, or `undefined`. */
export function eventEntry(type: string): EventEntry | undefined {
  return entries.get(type);
}

/**
 * Validates `data` for `entry`: the compiled parser first, zod when it declines (zod then decides
 * and explains). Returns the parsed payload or an {@link InvalidPayload}.
 */
export function validatePayload(entry: EventEntry, data: unknown): unknown {
  if (!entry.compiled) {
    if (!compiledBySchema.has(entry.schema)) compiledBySchema.set(entry.schema, compileFastParser(entry.schema));
    entry.fast = compiledBySchema.get(entry.schema);
    entry.compiled = true;
  }
  if (entry.fast !== undefined) {
    const parsed = entry.fast(data);
    if (parsed !== MISMATCH) return parsed;
  }
  const result = entry.schema.safeParse(data);
  if (result.success) return result.data;
  const upgraded = upgradeLegacyPayload(entry.type, data);
  const again = upgraded === undefined ? undefined : entry.schema.safeParse(upgraded);
  return again?.success === true ? again.data : new InvalidPayload(result.error.issues);
}
