/** When a reminder fires, in the host scheduler's terms (`schedule` of a cron job). */
export type ReminderSchedule =
  | { readonly kind: 'at'; readonly at: string }
  | { readonly kind: 'every'; readonly everyMs: number; readonly anchorMs: number }
  | { readonly kind: 'cron'; readonly expr: string; readonly tz: string };

/** A parsed reminder time: the host schedule and when it first fires (epoch ms, when known). */
export interface ReminderTime {
  /** The schedule the job is created with. */
  readonly schedule: ReminderSchedule;
  /** When it fires first; `undefined` for a cron expression (the host computes it). */
  readonly firstAt: number | undefined;
  /** Whether it fires more than once. */
  readonly recurring: boolean;
}

/** The earliest a reminder may fire, from now (the host refuses times already past). */
export const MIN_DELAY_MS = 10_000;
/** The latest a one-shot reminder may fire, from now. */
export const MAX_DELAY_MS = 366 * 86_400_000;
/** The shortest interval of a recurring reminder. */
export const MIN_EVERY_MS = 60_000;

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Thrown for a time the tool cannot schedule; the message tells the model what to pass. */
export class ReminderTimeError extends Error {
  override readonly name = 'ReminderTimeError';
}

/**
 * Parses a duration such as `90s`, `10m`, `1h30m`, `2d` or `1w` (units s, m, h, d, w; a bare
 * number is minutes) into milliseconds; `undefined` when it is not one.
 */
export function parseDuration(raw: string): number | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * UNIT_MS['m']!);
  if (!/^(\d+(\.\d+)?[smhdw])+$/.test(text)) return undefined;
  let total = 0;
  for (const [, value, unit] of text.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) total += Number(value) * UNIT_MS[unit!]!;
  return Math.round(total);
}

/** Minutes east of UTC of `timeZone` at `instant` (e.g. 480 for Asia/Shanghai). */
function zoneOffsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses an ISO 8601 date-time into epoch ms. With an offset (`Z`, `+08:00`) it is exact; without
 * one, the wall-clock time is read in `timeZone`.
 */
export function parseDateTime(raw: string, timeZone: string): number | undefined {
  const text = raw.trim();
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
    // The offset at the wall time, corrected once for a change of offset in between (DST).
    let instant = wall - zoneOffsetMinutes(timeZone, wall) * 60_000;
    instant = wall - zoneOffsetMinutes(timeZone, instant) * 60_000;
    return instant;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? undefined : instant;
}

/** A 5- or 6-field cron expression of digits and `* , - / ? L W #` and names; not a full parser. */
export function looksLikeCron(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  return fields.length >= 5 && fields.length <= 6 && fields.every((field) => /^[\d*,\-/?LW#A-Za-z]+$/.test(field));
}

/** The time fields of a qqbot_remind call (exactly one of delay, at, every, cron). */
export interface ReminderTimeInput {
  /** Fire once after this duration (`10m`, `1h30m`). */
  readonly delay?: string | undefined;
  /** Fire once at this ISO 8601 date-time. */
  readonly at?: string | undefined;
  /** Fire repeatedly at this interval (`1d`, `2h`). */
  readonly every?: string | undefined;
  /** Fire on this cron expression. */
  readonly cron?: string | undefined;
  /** IANA time zone for `cron` and for `at` without an offset. */
  readonly timezone?: string | undefined;
}

/**
 * Turns the tool's time fields into a host schedule, checked against the limits above; throws a
 * {@link ReminderTimeError} whose message says what would be accepted.
 */
export function parseReminderTime(input: ReminderTimeInput, defaultTimeZone: string, now: number): ReminderTime {
  const given = (['delay', 'at', 'every', 'cron'] as const).filter((key) => input[key] !== undefined && input[key].trim() !== '');
  if (given.length !== 1) {
    throw new ReminderTimeError(
      `give exactly one of delay ("10m", "1h30m"), at (ISO time such as "2026-12-24T09:00:00+08:00"), every ("1d") or cron ("0 8 * * *"); got ${given.length === 0 ? 'none' : given.join(' and ')}.`,
    );
  }
  const timeZone = input.timezone ?? defaultTimeZone;
  if (!isTimeZone(timeZone)) throw new ReminderTimeError(`unknown time zone "${timeZone}"; use an IANA name such as "Asia/Shanghai".`);
  const once = (fireAt: number, what: string): ReminderTime => {
    if (fireAt - now < MIN_DELAY_MS) throw new ReminderTimeError(`${what} is less than ${MIN_DELAY_MS / 1000} seconds from now (or already past).`);
    if (fireAt - now > MAX_DELAY_MS) throw new ReminderTimeError(`${what} is more than a year from now.`);
    return { schedule: { kind: 'at', at: new Date(fireAt).toISOString() }, firstAt: fireAt, recurring: false };
  };
  if (input.delay !== undefined && given[0] === 'delay') {
    const ms = parseDuration(input.delay);
    if (ms === undefined) throw new ReminderTimeError(`delay "${input.delay}" is not a duration; use e.g. "90s", "10m", "1h30m", "2d".`);
    return once(now + ms, `delay ${input.delay}`);
  }
  if (input.at !== undefined && given[0] === 'at') {
    const fireAt = parseDateTime(input.at, timeZone);
    if (fireAt === undefined)
      throw new ReminderTimeError(`at "${input.at}" is not an ISO 8601 date-time; use e.g. "2026-12-24T09:00:00+08:00" or "2026-12-24 09:00".`);
    return once(fireAt, `at ${input.at}`);
  }
  if (input.every !== undefined && given[0] === 'every') {
    const everyMs = parseDuration(input.every);
    if (everyMs === undefined) throw new ReminderTimeError(`every "${input.every}" is not an interval; use e.g. "30m", "1d", "1w".`);
    if (everyMs < MIN_EVERY_MS) throw new ReminderTimeError(`every ${input.every} is shorter than one minute.`);
    return { schedule: { kind: 'every', everyMs, anchorMs: now }, firstAt: now + everyMs, recurring: true };
  }
  const expr = (input.cron ?? '').trim().replace(/\s+/g, ' ');
  if (!looksLikeCron(expr)) throw new ReminderTimeError(`cron "${input.cron}" is not a 5- or 6-field cron expression such as "0 8 * * *" (08:00 daily).`);
  return { schedule: { kind: 'cron', expr, tz: timeZone }, firstAt: undefined, recurring: true };
}
