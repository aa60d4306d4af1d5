import { describe, expect, it } from 'vitest';
import { parseDateTime, parseDuration, parseReminderTime, ReminderTimeError } from '../../src/reminders/reminderTime.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('reminder times', () => {
  it('durations: units s m h d w, combined, a bare number is minutes; anything else is not one', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1w')).toBe(604_800_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('15')).toBe(900_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('10 minutes')).toBeUndefined();
  });

  it('date-times: with an offset exactly; without one read in the time zone (DST included)', () => {
    expect(parseDateTime('2026-12-24T09:00:00+08:00', 'UTC')).toBe(Date.parse('2026-12-24T01:00:00Z'));
    expect(parseDateTime('2026-12-24T09:00:00Z', 'Asia/Shanghai')).toBe(Date.parse('2026-12-24T09:00:00Z'));
    expect(parseDateTime('2026-12-24 09:00', 'Asia/Shanghai')).toBe(Date.parse('2026-12-24T01:00:00Z'));
    expect(parseDateTime('2026-07-01T09:00', 'America/New_York')).toBe(Date.parse('2026-07-01T13:00:00Z'));
    expect(parseDateTime('2026-12-01T09:00', 'America/New_York')).toBe(Date.parse('2026-12-01T14:00:00Z'));
    expect(parseDateTime('tomorrow 9am', 'Asia/Shanghai')).toBeUndefined();
  });

  it('one-shot: delay and at become an "at" schedule in ISO form', () => {
    expect(parseReminderTime({ delay: '15s' }, 'Asia/Shanghai', NOW)).toEqual({
      schedule: { kind: 'at', at: '2026-12-01T00:00:15.000Z' },
      firstAt: NOW + 15_000,
      recurring: false,
    });
    expect(parseReminderTime({ at: '2026-12-01 20:00' }, 'Asia/Shanghai', NOW).schedule).toEqual({ kind: 'at', at: '2026-12-01T12:00:00.000Z' });
  });

  it('recurring: every with an anchor, cron with the time zone (default or given)', () => {
    expect(parseReminderTime({ every: '1d' }, 'Asia/Shanghai', NOW)).toEqual({
      schedule: { kind: 'every', everyMs: 86_400_000, anchorMs: NOW },
      firstAt: NOW + 86_400_000,
      recurring: true,
    });
    expect(parseReminderTime({ cron: ' 0  8 * * * ' }, 'Asia/Shanghai', NOW)).toEqual({
      schedule: { kind: 'cron', expr: '0 8 * * *', tz: 'Asia/Shanghai' },
      firstAt: undefined,
      recurring: true,
    });
    expect(parseReminderTime({ cron: '0 9 * * 1-5', timezone: 'Europe/Berlin' }, 'Asia/Shanghai', NOW).schedule).toEqual({
      kind: 'cron',
      expr: '0 9 * * 1-5',
      tz: 'Europe/Berlin',
    });
  });

  it('refuses what the host could not schedule, saying what would be accepted', () => {
    const refused = (input: Parameters<typeof parseReminderTime>[0]) => () => parseReminderTime(input, 'Asia/Shanghai', NOW);
    expect(refused({})).toThrow(/exactly one of delay/);
    expect(refused({ delay: '10m', cron: '0 8 * * *' })).toThrow(/got delay and cron/);
    expect(refused({ delay: '3s' })).toThrow(ReminderTimeError);
    expect(refused({ at: '2026-11-30T00:00:00Z' })).toThrow(/already past/);
    expect(refused({ delay: '400d' })).toThrow(/more than a year/);
    expect(refused({ delay: 'later' })).toThrow(/not a duration/);
    expect(refused({ every: '30s' })).toThrow(/shorter than one minute/);
    expect(refused({ cron: 'every morning' })).toThrow(/cron expression/);
    expect(refused({ delay: '10m', timezone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
  });
});
