import { describe, expect, it } from 'vitest';
import { MemoryDedupStore } from '../../src/events/MemoryDedupStore.js';

function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

describe('MemoryDedupStore', () => {
  it('claims a key once within its TTL, and again after it expires', () => {
    const clock = manualClock();
    const store = new MemoryDedupStore({ clock });
    expect(store.claim('a', 1000)).toBe(true);
    expect(store.claim('a', 1000)).toBe(false);
    clock.advance(999);
    expect(store.claim('a', 1000)).toBe(false);
    clock.advance(1);
    expect(store.claim('a', 1000)).toBe(true);
  });

  it('forgets the oldest key when full', () => {
    const store = new MemoryDedupStore({ maxEntries: 3, clock: manualClock() });
    for (const key of ['a', 'b', 'c', 'd']) expect(store.claim(key, 60_000)).toBe(true);
    expect(store.size).toBe(3);
    expect(store.claim('d', 60_000)).toBe(false);
    expect(store.claim('b', 60_000)).toBe(false);
    expect(store.claim('a', 60_000)).toBe(true);
  });

  it('keeps a key re-claimed after expiry when its old slot is evicted', () => {
    const clock = manualClock();
    const store = new MemoryDedupStore({ maxEntries: 3, clock });
    store.claim('a', 10);
    clock.advance(20);
    expect(store.claim('a', 60_000)).toBe(true);
    store.claim('b', 60_000);
    store.claim('c', 60_000);
    expect(store.claim('a', 60_000)).toBe(false);
    expect(store.size).toBe(3);
  });

  it('drains expired keys as new ones arrive', () => {
    const clock = manualClock();
    const store = new MemoryDedupStore({ maxEntries: 1_000_000, clock });
    for (let i = 0; i < 1000; i++) store.claim(`old-${i}`, 1000);
    clock.advance(5000);
    for (let i = 0; i < 1000; i++) store.claim(`new-${i}`, 1000);
    // Each claim sweeps a few expired keys, so the old ones are gone without a timer.
    expect(store.size).toBe(1000);
  });

  it('stays bounded and fast under two million distinct events', () => {
    const clock = manualClock();
    const store = new MemoryDedupStore({ maxEntries: 50_000, clock });
    const started = performance.now();
    for (let i = 0; i < 2_000_000; i++) {
      clock.advance(1);
      store.claim(`GROUP_AT_MESSAGE_CREATE:${i}`, 600_000);
      if (i % 250_000 === 0) expect(store.size).toBeLessThanOrEqual(50_000);
    }
    expect(store.size).toBe(50_000);
    // O(1) per claim: a linear scan per claim would take minutes here.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(store.claim('GROUP_AT_MESSAGE_CREATE:1999999', 600_000)).toBe(false);
    expect(store.claim('GROUP_AT_MESSAGE_CREATE:0', 600_000)).toBe(true);
  });
});
