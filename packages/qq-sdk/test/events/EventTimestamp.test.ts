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
