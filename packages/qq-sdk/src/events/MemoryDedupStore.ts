import { systemClock, type Clock } from '../internal/Clock.js';
import type { DedupStore } from './DedupStore.js';

/** Options of {@link MemoryDedupStore}. */
export interface MemoryDedupStoreOptions {
  /**
   * The most keys kept; the oldest is forgotten first when full.
   * @defaultValue 100_000
   */
  maxEntries?: number;
  /** Time source for TTLs. @defaultValue the system clock */
  clock?: Clock;
}

// Expire at most this many keys per claim: keeps each claim O(1) while still draining.
const SWEEP_BUDGET = 8;

/**
 * The default {@link DedupStore}: an in-process map with a TTL per key and a cap on the number of
 * keys. Each claim is O(1); memory stays bounded by `maxEntries` however many events pass through.
 *
 * Keys sit in a ring buffer in claim order (with one TTL for all keys that is also expiry order):
 * the oldest are expired a few at a time on each claim, and evicted first when the ring is full.
 */
export class MemoryDedupStore implements DedupStore {
  // key -> its ring slot; a key re-claimed after expiry moves to a new slot and the old one is retired.
  private readonly slots = new Map<string, number>();
  private readonly keys: (string | undefined)[];
  private readonly expiries: Float64Array;
  private readonly capacity: number;
  private readonly clock: Clock;
  private head = 0;
  private count = 0;

  /** @param options - Capacity and clock. */
  constructor(options: MemoryDedupStoreOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.maxEntries ?? 100_000));
    this.keys = new Array<string | undefined>(this.capacity);
    this.expiries = new Float64Array(this.capacity);
    this.clock = options.clock ?? systemClock;
  }

  /** The number of keys currently remembered (expired keys may linger until swept). */
  get size(): number {
    return this.slots.size;
  }

  /** {@inheritDoc DedupStore.claim} */
  claim(key: string, ttlMs: number): boolean {
    const now = this.clock.now();
    this.sweep(now);
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      if (this.expiries[slot]! > now) return false;
      // Expired but not yet swept: retire the old slot so eviction never has to look the key up.
      this.keys[slot] = undefined;
    }
    if (this.count === this.capacity) this.evictHead();
    const tail = (this.head + this.count) % this.capacity;
    this.keys[tail] = key;
    this.expiries[tail] = now + ttlMs;
    this.count++;
    this.slots.set(key, tail);
    return true;
  }

  /** Forgets every key. */
  clear(): void {
    this.slots.clear();
    this.keys.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private sweep(now: number): void {
    for (let budget = SWEEP_BUDGET; budget > 0 && this.count > 0 && this.expiries[this.head]! <= now; budget--) {
      this.evictHead();
    }
  }

  private evictHead(): void {
    const key = this.keys[this.head];
    // A retired slot (key re-claimed elsewhere) holds undefined.
    if (key !== undefined) this.slots.delete(key);
    this.keys[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.count--;
  }
}
