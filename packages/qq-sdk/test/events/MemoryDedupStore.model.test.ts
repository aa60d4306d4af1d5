import { describe, expect, it } from 'vitest';
import { MemoryDedupStore } from '../../src/events/MemoryDedupStore.js';

// The reference: the obvious Map-based store with the same rules (TTL per key, oldest evicted when
// full, claim order = expiry order). The fingerprint store must answer every claim the same way.
class ReferenceStore {
  private readonly order: { key: string; expiresAt: number }[] = [];
  private readonly current = new Map<string, { key: string; expiresAt: number }>();
  constructor(private readonly capacity: number) {}
  claim(key: string, ttlMs: number, now: number): boolean {
    while (this.order.length > 0 && this.order[0]!.expiresAt <= now) this.drop();
    const entry = this.current.get(key);
    if (entry !== undefined && entry.expiresAt > now) return false;
    if (entry !== undefined) this.current.delete(key);
    if (this.order.length === this.capacity) this.drop();
    const added = { key, expiresAt: now + ttlMs };
    this.order.push(added);
    this.current.set(key, added);
    return true;
  }
  private drop(): void {
    const oldest = this.order.shift()!;
    if (this.current.get(oldest.key) === oldest) this.current.delete(oldest.key);
  }
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('MemoryDedupStore against a reference model', () => {
  it.each([
    [7, 1],
    [64, 2],
    [1000, 3],
  ])('answers 20,000 mixed claims like the reference (capacity %i, seed %i)', (capacity, seed) => {
    const next = random(seed);
    let now = 1_000_000;
    const store = new MemoryDedupStore({ maxEntries: capacity, clock: { now: () => now } });
    const reference = new ReferenceStore(capacity);
    // A small key space, so keys recur: duplicates, expiries, re-claims, evictions and index
    // deletions inside probe runs all happen. (The reference sweeps every expired key at once, the
    // store a few per claim; that never changes an answer.)
    const keySpace = capacity * 3;
    for (let i = 0; i < 20_000; i++) {
      now += Math.floor(next() * 4);
      const key = `GROUP_AT_MESSAGE_CREATE:ROBOT1.0_${Math.floor(next() * keySpace)}`;
      expect(store.claim(key, 50), `claim ${i} of ${key}`).toBe(reference.claim(key, 50, now));
    }
  });

  it('tells apart keys that differ in one code unit, including non-ASCII ones', () => {
    const store = new MemoryDedupStore({ clock: { now: () => 0 } });
    const keys = ['消息:1', '消息:2', '消患:1', 'a', 'b', '', 'ab', 'ba'];
    for (const key of keys) expect(store.claim(key, 1000)).toBe(true);
    for (const key of keys) expect(store.claim(key, 1000)).toBe(false);
    expect(store.size).toBe(keys.length);
  });

  it('clear() forgets every key', () => {
    const store = new MemoryDedupStore({ maxEntries: 10, clock: { now: () => 0 } });
    for (let i = 0; i < 10; i++) store.claim(`k${i}`, 1000);
    store.clear();
    expect(store.size).toBe(0);
    for (let i = 0; i < 10; i++) expect(store.claim(`k${i}`, 1000)).toBe(true);
  });
});
