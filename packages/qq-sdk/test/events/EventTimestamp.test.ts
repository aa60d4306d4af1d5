import { describe, expect, it } from 'vitest';
import { EventTimestamp, EventTimestampSchema } from '../../src/events/EventTimestamp.js';

describe('EventTimestamp', () => {
  it('parses RFC 3339 with offset and keeps the original string', () => {
    const ts = EventTimestampSchema.parse('2023-11-06T13:37:18+08:00');
    expect(ts).toBeInstanceOf(Date);
    expect(ts.toISOString()).toBe('2023-11-06T05:37:18.000Z');
    expect(ts.raw).toBe('2023-11-06T13:37:18+08:00');
    expect(JSON.stringify({ ts })).toBe('{"ts":"2023-11-06T13:37:18+08:00"}');
    expect(ts.valid).toBe(true);
  });

  it('parses Unix seconds, as numbers or digit strings', () => {
    expect(EventTimestampSchema.parse(1699240248).getTime()).toBe(1699240248000);
    expect(JSON.stringify(EventTimestampSchema.parse(1699240248))).toBe('1699240248');
    expect(new EventTimestamp('1699240248').getTime()).toBe(1699240248000);
  });

  it('keeps empty and garbage values as invalid dates instead of failing the event', () => {
    const empty = EventTimestampSchema.parse('');
    expect(empty.valid).toBe(false);
    expect(empty.raw).toBe('');
    expect(JSON.stringify(empty)).toBe('""');
    expect(new EventTimestamp('not a date').valid).toBe(false);
  });

  it('rejects values that are neither strings nor numbers', () => {
    expect(EventTimestampSchema.safeParse(null).success).toBe(false);
    expect(EventTimestampSchema.safeParse({}).success).toBe(false);
  });
});

describe('EventTimestamp fast RFC 3339 path', () => {
  // The fast parser must agree with Date.parse on every shape it accepts, and defer on the rest.
  const samples = [
    '2026-07-21T10:00:00+08:00',
    '2026-07-21T10:00:00-03:30',
    '2026-07-21T23:59:59Z',
    '2026-12-31T23:59:59.999+08:00',
    '2026-01-01T00:00:00.5+08:00',
    '1999-02-28T12:34:56.123456+05:45',
    // '2026-07-21 10:00:00' is Beijing time, not the machine's (see timestampForms.test.ts).
    '2026-07-21',
    '2026-13-01T00:00:00+08:00',
    '2026-02-30T00:00:00+08:00',
    '2026-07-21T10:00:00+0800',
    'Tue, 21 Jul 2026 02:00:00 GMT',
    '2026-07-2xT10:00:00+08:00',
  ];
  it.each(samples)('%s matches Date.parse', (raw) => {
    const expected = Date.parse(raw);
    const actual = new EventTimestamp(raw).getTime();
    if (Number.isNaN(expected)) expect(actual).toBeNaN();
    else expect(actual).toBe(expected);
  });
});

describe('EventTimestamp calendar math', () => {
  it('matches Date.parse across leap years, month ends and offsets', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    let checked = 0;
    for (let year = 1896; year <= 2404; year += 3) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15, 28, 29, 30, 31]) {
          const raw = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad((year + day) % 24)}:${pad(month * 4)}:${pad(day)}${year % 2 ? '+08:00' : 'Z'}`;
          const expected = Date.parse(raw);
          const actual = new EventTimestamp(raw).getTime();
          if (Number.isNaN(expected)) expect(actual, raw).toBeNaN();
          else expect(actual, raw).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
