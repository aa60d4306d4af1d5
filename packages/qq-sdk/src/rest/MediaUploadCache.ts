import type { Clock } from '../internal/Clock.js';
import { systemClock } from '../internal/Clock.js';
import type { MediaUploadResponse } from './schemas/media.js';
import { DefaultRestOptions } from './DefaultRestOptions.js';

/** Options of a {@link MediaUploadCache}. */
export interface MediaUploadCacheOptions {
  /** Maximum entries kept; the oldest is dropped first. @defaultValue 500 */
  readonly maxEntries?: number | undefined;
  /** Entries are treated as expired this long before their `ttl` ends, in ms. @defaultValue 60000 */
  readonly safetyMarginMs?: number | undefined;
  /** The time source. @defaultValue the system clock */
  readonly clock?: Clock | undefined;
}

interface Entry {
  readonly response: MediaUploadResponse;
  readonly expiresAt: number;
}

/**
 * Remembers `file_info` results so the same file is not uploaded twice within its `ttl`. Keys
 * are chosen by the caller (scene + file type + content hash); a `ttl` of 0 (long-lived) is
 * kept until evicted by size.
 */
export class MediaUploadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #margin: number;
  readonly #clock: Clock;

  /** @param options - Size, safety margin and clock. */
  constructor(options: MediaUploadCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? DefaultRestOptions.mediaCacheEntries;
    this.#margin = options.safetyMarginMs ?? DefaultRestOptions.mediaCacheSafetyMarginMs;
    this.#clock = options.clock ?? systemClock;
  }

  /** Number of entries held (expired ones included until touched). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Returns a still-valid upload result, or `undefined`.
   *
   * @param key - The cache key.
   */
  get(key: string): MediaUploadResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#clock.now() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.response;
  }

  /**
   * Stores an upload result for its `ttl`.
   *
   * @param key - The cache key.
   * @param response - The upload response.
   */
  set(key: string, response: MediaUploadResponse): void {
    const ttlMs = response.ttl > 0 ? response.ttl * 1000 - this.#margin : Number.POSITIVE_INFINITY;
    if (ttlMs <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { response, expiresAt: this.#clock.now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** Drops every entry. */
  clear(): void {
    this.#entries.clear();
  }
}
