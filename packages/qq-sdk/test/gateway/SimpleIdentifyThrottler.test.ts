import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimpleIdentifyThrottler } from '../../src/gateway/index.js';

const clock = { now: () => Date.now() };

describe('SimpleIdentifyThrottler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets max_concurrency shards identify per 5 s window', async () => {
    const throttler = new SimpleIdentifyThrottler({
      clock,
      limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 2 },
    });
    const start = Date.now();
    const times: Array<[number, number]> = [];
    const done = [0, 1, 2, 3, 4].map((id) => throttler.waitForIdentify(id).then(() => times.push([id, Date.now() - start])));
    await vi.advanceTimersByTimeAsync(20_000);
    await Promise.all(done);
    const at = new Map(times);
    expect(at.get(0)).toBe(0);
    expect(at.get(1)).toBe(0);
    expect(at.get(2)).toBe(5000);
    expect(at.get(3)).toBe(5000);
    expect(at.get(4)).toBe(10_000);
    expect(throttler.remaining).toBe(995);
  });

  it('waits for reset_after when no session starts remain', async () => {
    const throttler = new SimpleIdentifyThrottler({
      clock,
      limit: { total: 10, remaining: 1, reset_after: 60_000, max_concurrency: 1 },
    });
    const start = Date.now();
    await throttler.waitForIdentify(0);
    let second = -1;
    const pending = throttler.waitForIdentify(0).then(() => (second = Date.now() - start));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(second).toBe(-1);
    await vi.advanceTimersByTimeAsync(2000);
    await pending;
    expect(second).toBe(60_000);
    expect(throttler.remaining).toBe(9);
  });

  it('rejects an aborted wait without blocking the queue behind it', async () => {
    const throttler = new SimpleIdentifyThrottler({
      clock,
      limit: { total: 10, remaining: 10, reset_after: 1000, max_concurrency: 1 },
    });
    await throttler.waitForIdentify(0);
    const controller = new AbortController();
    const aborted = throttler.waitForIdentify(0, controller.signal);
    const next = throttler.waitForIdentify(0);
    controller.abort(new Error('destroyed'));
    await expect(aborted).rejects.toThrow('destroyed');
    await vi.advanceTimersByTimeAsync(5000);
    await expect(next).resolves.toBeUndefined();
  });
});
