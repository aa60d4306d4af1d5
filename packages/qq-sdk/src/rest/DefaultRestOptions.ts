/**
 * Every default of the REST layer in one place.
 */
export const DefaultRestOptions = {
  /** Time one attempt of a request may take (keep ≥ 5 s for sends). */
  timeoutMs: 15_000,
  /** Retries after the first attempt (network errors, 408/429/5xx, retryable codes). */
  maxRetries: 2,
  /** Idle route queues are dropped this long after their last use. */
  idleQueueSweepMs: 60_000,
  /** Chunked uploads: the size of one part when the platform suggests none. */
  uploadPartSize: 5 * 1024 * 1024,
  /** Chunked uploads: parts in flight at once. */
  uploadConcurrency: 2,
  /** Chunked uploads: attempts per part before the upload fails. */
  uploadPartAttempts: 3,
  /** Chunked uploads: time one part's PUT to object storage may take. */
  uploadPartTimeoutMs: 60_000,
  /** Media upload cache: uploads remembered for reuse. */
  mediaCacheEntries: 500,
  /** Media upload cache: an entry is dropped this long before the platform's `ttl` ends. */
  mediaCacheSafetyMarginMs: 60_000,
} as const satisfies Readonly<Record<string, number>>;
