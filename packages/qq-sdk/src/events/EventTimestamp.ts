import * as z from '../internal/zod.js';

/**
 * A platform timestamp as a `Date` that remembers exactly what the platform sent.
 *
 * Message events carry RFC 3339 strings with a `+08:00` offset (`"2026-07-21T10:00:00+08:00"`);
 * group and friend management events carry Unix seconds; the platform has also sent Go's
 * `time.String()` form (`"2026-07-21 10:00:00.123 +0800 CST m=+12.3"`). Both become a `Date` here, while
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

// The last string converted and its result: events arriving together carry the same second.
let lastText = '';
let lastMs = Number.NaN;

function toEpochMs(raw: string | number): number {
  if (typeof raw === 'number') return raw < MS_THRESHOLD ? raw * 1000 : raw;
  if (raw === lastText) return lastMs;
  const ms = stringToEpochMs(raw);
  lastText = raw;
  lastMs = ms;
  return ms;
}

function stringToEpochMs(raw: string): number {
  if (raw.length > 0 && raw.length <= 13 && /^\d+$/.test(raw)) return toEpochMs(Number(raw));
  if (raw === '') return Number.NaN;
  const fast = parseRfc3339(raw);
  if (!Number.isNaN(fast)) return fast;
  const go = parseGoTime(raw);
  return Number.isNaN(go) ? Date.parse(raw) : go;
}

// Go's time.String() form, which the platform has sent (satorijs/satori#293):
// `2026-07-21 10:00:00.123456789 +0800 CST m=+12.345`, the zone name and monotonic part optional.
// Without an offset (`2026-07-21 10:00:00`) the time is Beijing time, like every platform stamp.
const GO_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)?(?: ([+-]\d{2})(\d{2}))?(?: [A-Za-z]{1,6})?(?: m=[+-]\d+(?:\.\d+)?)?$/u;

function parseGoTime(raw: string): number {
  const match = GO_TIME.exec(raw);
  if (!match) return Number.NaN;
  const [, date, time, fraction, offsetHours, offsetMinutes] = match;
  const millis = fraction !== undefined ? fraction.slice(0, 4).padEnd(4, '0') : '';
  const offset = offsetHours !== undefined ? `${offsetHours}:${offsetMinutes ?? '00'}` : '+08:00';
  return parseRfc3339(`${date ?? ''}T${time ?? ''}${millis}${offset}`);
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const two = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

// Fast path for the platform's exact shape, `YYYY-MM-DDTHH:MM:SS[.fff](±HH:MM|Z)`, which Date.parse
// handles several times slower. Anything else returns NaN and is left to Date.parse.
function parseRfc3339(s: string): number {
  if (s.length < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return Number.NaN;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  for (let d = 0; d < DIGIT_POSITIONS.length; d++) if (!isDigit(s, DIGIT_POSITIONS[d] as number)) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let scale = 100;
    for (i++; i < s.length && isDigit(s, i); i++) {
      ms += (s.charCodeAt(i) - 48) * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  let offsetMinutes: number;
  const sign = s.charCodeAt(i);
  if ((sign === 90 || sign === 122) && i === s.length - 1) offsetMinutes = 0;
  else if (
    (sign === 43 || sign === 45) &&
    i === s.length - 6 &&
    s.charCodeAt(i + 3) === 58 &&
    isDigit(s, i + 1) &&
    isDigit(s, i + 2) &&
    isDigit(s, i + 4) &&
    isDigit(s, i + 5)
  ) {
    offsetMinutes = (two(s, i + 1) * 60 + two(s, i + 4)) * (sign === 43 ? 1 : -1);
  } else return Number.NaN;
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  // Date.UTC would silently roll over out-of-range fields; leave those to Date.parse (which rejects them).
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
  return seconds * 1000 + ms - offsetMinutes * 60_000;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm); integer math only,
// several times cheaper than Date.UTC on this path.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Schema for any platform timestamp (RFC 3339 string or Unix seconds), parsed into an
 * {@link EventTimestamp}.
 */
export const EventTimestampSchema = z.union([z.string(), z.number()]).transform((raw) => new EventTimestamp(raw));
