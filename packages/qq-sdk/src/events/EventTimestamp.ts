import { z } from 'zod';

/**
 * A platform timestamp as a `Date` that remembers exactly what the platform sent.
 *
 * Message events carry RFC 3339 strings with a `+08:00` offset (`"2026-07-21T10:00:00+08:00"`);
 * group and friend management events carry Unix seconds. Both become a `Date` here, while
 * {@link EventTimestamp.raw} keeps the original value and `toJSON()` returns it, so re-serializing an
 * event is lossless. An empty or unparsable value gives an invalid date (check {@link EventTimestamp.valid}).
 *
 * @example
 * ```ts
 * dispatcher.on('C2C_MESSAGE_CREATE', (msg) => {
 *   msg.timestamp.getTime(); // epoch ms
 *   msg.timestamp.raw;       // "2026-07-21T10:00:00+08:00"
 * });
 * ```
 */
export class EventTimestamp extends Date {
  /** The value exactly as the platform sent it (RFC 3339 string or Unix seconds). */
  readonly raw: string | number;

  /** @param raw - An RFC 3339 string, a string of digits (Unix seconds), or a number of Unix seconds. */
  constructor(raw: string | number) {
    super(toEpochMs(raw));
    this.raw = raw;
  }

  /** Whether the raw value was a real point in time (`false` for `""` and garbage). */
  get valid(): boolean {
    return !Number.isNaN(this.getTime());
  }

  /** Returns the original value, so `JSON.stringify(event)` reproduces the platform's payload. */
  override toJSON(): string {
    // Date#toJSON is typed to return string; a numeric raw value is emitted as its digits.
    return this.raw as string;
  }
}

// Values below this are seconds; the platform never sends millisecond timestamps, but tolerate them.
const MS_THRESHOLD = 1e11;

function toEpochMs(raw: string | number): number {
  if (typeof raw === 'number') return raw < MS_THRESHOLD ? raw * 1000 : raw;
  if (raw.length > 0 && raw.length <= 13 && /^\d+$/.test(raw)) return toEpochMs(Number(raw));
  return raw === '' ? Number.NaN : Date.parse(raw);
}

/**
 * Schema for any platform timestamp (RFC 3339 string or Unix seconds), parsed into an
 * {@link EventTimestamp}.
 */
export const EventTimestampSchema = z.union([z.string(), z.number()]).transform((raw) => new EventTimestamp(raw));
