import { describe, expect, it } from 'vitest';
import { ExponentialBackoff } from '../../src/gateway/index.js';

describe('ExponentialBackoff', () => {
  it('doubles from the base up to the cap without jitter', () => {
    const backoff = new ExponentialBackoff({ baseMs: 100, maxMs: 1000, jitter: 0 });
    const delays = Array.from({ length: 7 }, () => backoff.next());
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    expect(backoff.attempt).toBe(7);
  });

  it('takes up to `jitter` of each delay away', () => {
    const low = new ExponentialBackoff({ baseMs: 1000, jitter: 0.25, random: () => 0.999999 });
    const high = new ExponentialBackoff({ baseMs: 1000, jitter: 0.25, random: () => 0 });
    expect(low.next()).toBe(750);
    expect(high.next()).toBe(1000);
  });

  it('starts over after reset (a successful READY)', () => {
    const backoff = new ExponentialBackoff({ baseMs: 10, jitter: 0 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(10);
  });

  it('stays finite after a very long outage', () => {
    const backoff = new ExponentialBackoff({ baseMs: 1000, maxMs: 60_000, jitter: 0 });
    let last = 0;
    for (let i = 0; i < 2000; i++) last = backoff.next();
    expect(last).toBe(60_000);
  });
});
