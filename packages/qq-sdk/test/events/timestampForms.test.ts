import { describe, expect, it } from 'vitest';
import { EventTimestamp } from '../../src/events/EventTimestamp.js';

const AT = Date.UTC(2026, 6, 21, 2, 0, 0); // 2026-07-21 10:00:00 in Beijing

describe('EventTimestamp reads every form the platform has been seen to send', () => {
  it.each([
    ['RFC 3339 with +08:00', '2026-07-21T10:00:00+08:00', AT],
    ['RFC 3339 in UTC with milliseconds', '2026-07-21T02:00:00.250Z', AT + 250],
    ['Unix seconds', 1_784_599_200, AT],
    ['Unix seconds as a string', '1784599200', AT],
    ["Go's time.String() with zone name and monotonic clock", '2026-07-21 10:00:00.123456789 +0800 CST m=+12345.678901', AT + 123],
    ["Go's time.String() without fraction", '2026-07-21 10:00:00 +0800 CST', AT],
    ["Go's time.String() in UTC", '2026-07-21 02:00:00 +0000 UTC', AT],
    ['a date and time without a zone (Beijing time)', '2026-07-21 10:00:00', AT],
  ])('%s', (_name, raw, expected) => {
    const stamp = new EventTimestamp(raw);
    expect(stamp.valid).toBe(true);
    expect(stamp.getTime()).toBe(expected);
    expect(stamp.raw).toBe(raw);
    expect(JSON.stringify({ stamp })).toBe(JSON.stringify({ stamp: raw }));
  });

  it('still gives an invalid date for garbage, never a wrong one', () => {
    for (const raw of ['', 'soon', '2026-13-45 10:00:00 +0800 CST', '2026-07-21 25:00:00 +0800 CST']) expect(new EventTimestamp(raw).valid).toBe(false);
  });
});
