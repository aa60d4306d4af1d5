import { systemClock, type Clock } from '../internal/Clock.js';
import type { ReplyClaim, ReplyLedgerStore } from './ReplyLedgerStore.js';
import { DefaultMessagingOptions } from './DefaultMessagingOptions.js';

interface LedgerEntry {
  count: number;
  expiresAt: number;
}

/** Options of {@link MemoryReplyLedgerStore}. */
export interface MemoryReplyLedgerStoreOptions {
  /**
   * The most source messages tracked at once; the oldest are forgotten first.
   * @defaultValue 100000
   */
  readonly maxEntries?: number;
  /** Time source for expiry. */
  readonly clock?: Clock;
}

/**
 * The default {@link ReplyLedgerStore}: counts claims in this process's memory, bounded in size and
 * time. Claims are synchronous, so concurrent replies in one process can never overspend.
 */
export class MemoryReplyLedgerStore implements ReplyLedgerStore {
  readonly #entries = new Map<string, LedgerEntry>();
  readonly #maxEntries: number;
  readonly #clock: Clock;

  /** @param options - Size bound and clock. */
  constructor(options: MemoryReplyLedgerStoreOptions = {}) {
    this.#maxEntries = options.maxEntries ?? DefaultMessagingOptions.ledgerMaxEntries;
    this.#clock = options.clock ?? systemClock;
  }

  /** {@inheritDoc ReplyLedgerStore.claim} */
  claim(key: string, limit: number, ttlMs: number): ReplyClaim {
    const now = this.#clock.now();
    let entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.#entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      entry = { count: 0, expiresAt: now + ttlMs };
      this.#evictOldest();
      this.#entries.set(key, entry);
    }
    if (entry.count >= limit) return { granted: false, seq: entry.count, used: entry.count };
    entry.count += 1;
    return { granted: true, seq: entry.count, used: entry.count };
  }

  /** How many source messages are tracked now (for tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }

  #evictOldest(): void {
    // Map iteration is insertion order, so the first key is the oldest entry.
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) return;
      this.#entries.delete(oldest.value);
    }
  }
}
