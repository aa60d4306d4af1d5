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
 * The default {@link DedupStore}: an in-process set with a TTL per key and a cap on the number of
 * keys. Each claim is O(1); memory is fixed by `maxEntries` (about 32 bytes per key, allocated
 * once) however many events pass through, and no key string is kept.
 *
 * A key is remembered by a 64-bit fingerprint (two independent 32-bit hashes of its UTF-16 code
 * units), so two different keys are mistaken for each other with a probability of about 2⁻⁶⁴
 * per pair: at 100,000 remembered keys, one wrongly dropped event in roughly 10¹⁴ claims.
 *
 * Fingerprints sit in a ring buffer in claim order (with one TTL for all keys that is also expiry
 * order): the oldest are expired a few at a time on each claim, and evicted first when the ring is
 * full. A linear-probing hash index (ring slot per fingerprint) makes the lookup O(1).
 */
export class MemoryDedupStore implements DedupStore {
  private readonly capacity: number;
  private readonly clock: Clock;
  // The ring: fingerprint halves and expiry per slot; `live[slot]` is 0 for a retired slot (its
  // key was re-claimed after expiry into a newer slot) or an empty one.
  private readonly hashHi: Uint32Array;
  private readonly hashLo: Uint32Array;
  private readonly expiries: Float64Array;
  private readonly live: Uint8Array;
  // The index: ring slot + 1 per bucket, 0 for an empty bucket; at most half full.
  private readonly index: Int32Array;
  private readonly mask: number;
  private head = 0;
  private count = 0;
  private liveCount = 0;

  /** @param options - Capacity and clock. */
  constructor(options: MemoryDedupStoreOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.maxEntries ?? 100_000));
    this.clock = options.clock ?? systemClock;
    this.hashHi = new Uint32Array(this.capacity);
    this.hashLo = new Uint32Array(this.capacity);
    this.expiries = new Float64Array(this.capacity);
    this.live = new Uint8Array(this.capacity);
    let buckets = 2;
    while (buckets < this.capacity * 2) buckets *= 2;
    this.index = new Int32Array(buckets);
    this.mask = buckets - 1;
  }

  /** The number of keys currently remembered (expired keys may linger until swept). */
  get size(): number {
    return this.liveCount;
  }

  /** {@inheritDoc DedupStore.claim} */
  claim(key: string, ttlMs: number): boolean {
    const now = this.clock.now();
    this.sweep(now);
    // Two 32-bit hashes in one pass: FNV-1a and a multiply-xorshift with another seed, each
    // finished with the murmur3 avalanche so every bit depends on every code unit.
    let hi = 0x811c9dc5;
    let lo = 0x9747b28c ^ key.length;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      hi = Math.imul(hi ^ unit, 0x01000193);
      lo = Math.imul(lo ^ unit, 0x5bd1e995);
      lo ^= lo >>> 15;
    }
    hi = avalanche(hi) >>> 0;
    lo = avalanche(lo) >>> 0;

    const bucket = this.find(hi, lo);
    const found = this.index[bucket]!;
    if (found !== 0) {
      const slot = found - 1;
      if (this.expiries[slot]! > now) return false;
      // Expired but not yet swept: retire the old slot so its eviction leaves the new one alone.
      this.unindex(bucket);
      this.live[slot] = 0;
      this.liveCount--;
    }
    if (this.count === this.capacity) this.evictHead();
    const tail = (this.head + this.count) % this.capacity;
    this.hashHi[tail] = hi;
    this.hashLo[tail] = lo;
    this.expiries[tail] = now + ttlMs;
    this.live[tail] = 1;
    this.count++;
    this.liveCount++;
    // `find` may have changed with the removals above; look for the free bucket again.
    this.index[this.find(hi, lo)] = tail + 1;
    return true;
  }

  /** Forgets every key. */
  clear(): void {
    this.index.fill(0);
    this.live.fill(0);
    this.head = 0;
    this.count = 0;
    this.liveCount = 0;
  }

  // The bucket holding this fingerprint, or the empty bucket where it would go.
  private find(hi: number, lo: number): number {
    const index = this.index;
    const mask = this.mask;
    for (let bucket = hi & mask; ; bucket = (bucket + 1) & mask) {
      const entry = index[bucket]!;
      if (entry === 0) return bucket;
      if (this.hashHi[entry - 1] === hi && this.hashLo[entry - 1] === lo) return bucket;
    }
  }

  // Empties `bucket`, shifting later entries of its probe run back so lookups never stop early.
  private unindex(bucket: number): void {
    const index = this.index;
    const mask = this.mask;
    let hole = bucket;
    let next = bucket;
    for (;;) {
      next = (next + 1) & mask;
      const entry = index[next]!;
      if (entry === 0) break;
      const home = this.hashHi[entry - 1]! & mask;
      // The entry may move into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      index[hole] = entry;
      hole = next;
    }
    index[hole] = 0;
  }

  private sweep(now: number): void {
    for (let budget = SWEEP_BUDGET; budget > 0 && this.count > 0 && this.expiries[this.head]! <= now; budget--) {
      this.evictHead();
    }
  }

  private evictHead(): void {
    const slot = this.head;
    if (this.live[slot] === 1) {
      this.unindex(this.find(this.hashHi[slot]!, this.hashLo[slot]!));
      this.live[slot] = 0;
      this.liveCount--;
    }
    this.head = (this.head + 1) % this.capacity;
    this.count--;
  }
}

// murmur3's fmix32.
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
