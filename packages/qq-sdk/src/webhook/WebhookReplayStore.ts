/**
 * Remembers keys for a while; `claim` is true the first time a key is seen within its TTL. Same
 * shape as the events area's `DedupStore`, so any dedup store (in memory, Redis `SET NX PX`) fits.
 */
export interface WebhookReplayStore {
  /**
   * @param key - The key to claim.
   * @param ttlMs - How long the claim lasts, in milliseconds.
   * @returns `true` if the key was not claimed within its TTL (first sighting).
   */
  claim(key: string, ttlMs: number): boolean | Promise<boolean>;
}

/** In-memory replay store: insertion-ordered map, expired and oldest entries evicted. Internal. */
export class MemoryReplayStore implements WebhookReplayStore {
  readonly #expiry = new Map<string, number>();

  constructor(
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  claim(key: string, ttlMs: number): boolean {
    const now = this.now();
    const until = this.#expiry.get(key);
    if (until !== undefined && until > now) return false;
    this.#expiry.delete(key);
    // Entries are inserted with the same TTL, so the oldest come first: sweep from the front.
    for (const [oldKey, oldUntil] of this.#expiry) {
      if (oldUntil > now && this.#expiry.size < this.maxEntries) break;
      this.#expiry.delete(oldKey);
    }
    this.#expiry.set(key, now + ttlMs);
    return true;
  }
}
