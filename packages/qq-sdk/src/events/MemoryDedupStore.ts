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

// Sweep at most this many expired keys per claim: keeps each claim O(1) while still draining.
const SWEEP_BUDGET = 4;

/**
 * The default {@link DedupStore}: an in-process map with a TTL per key and a cap on the number of
 * keys. Each claim is O(1) (amortized); memory stays bounded by `maxEntries` however many events
 * pass through. Keys are kept in insertion order, which with one TTL for all keys is also expiry order.
 */
export class MemoryDedupStore implements DedupStore {
  private readonly entries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly clock: Clock;

  /** @param options - Capacity and clock. */
  constructor(options: MemoryDedupStoreOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 100_000);
    this.clock = options.clock ?? systemClock;
  }

  /** The number of keys currently remembered. */
  get size(): number {
    return this.entries.size;
  }

  /** {@inheritDoc DedupStore.claim} */
  claim(key: string, ttlMs: number): boolean {
    const now = this.clock.now();
    const expiresAt = this.entries.get(key);
    if (expiresAt !== undefined) {
      if (expiresAt > now) return false;
      this.entries.delete(key);
    }
    this.entries.set(key, now + ttlMs);
    this.sweep(now);
    return true;
  }

  /** Forgets every key. */
  clear(): void {
    this.entries.clear();
  }

  private sweep(now: number): void {
    let budget = SWEEP_BUDGET;
    for (const [key, expiresAt] of this.entries) {
      if (this.entries.size <= this.maxEntries && expiresAt > now) return;
      this.entries.delete(key);
      if (--budget === 0) return;
    }
  }
}
