/**
 * Every default of the Redis stores in one place.
 */
export const DefaultRedisOptions = {
  /** Prefix of every key, so several bots can share one Redis. */
  keyPrefix: 'qq-sdk',
  /** How long one Redis call may take before Redis counts as unavailable. */
  operationTimeoutMs: 1000,
  /** Events remembered in each process in front of Redis, so a duplicate costs no round trip. */
  dedupLocalMaxEntries: 100_000,
  /**
   * How long an identify bucket stays taken: the platform's 5 s per `max_concurrency` bucket plus a
   * margin, since processes' identifies travel different paths.
   */
  identifyWindowMs: 5500,
  /** How long a saved gateway session is kept (the platform resumes sessions for a limited time). */
  sessionTtlMs: 3_600_000,
  /** How long one process may hold the token-fetch lock before another may take over. */
  tokenLockTtlMs: 15_000,
} as const satisfies {
  keyPrefix: string;
  operationTimeoutMs: number;
  dedupLocalMaxEntries: number;
  identifyWindowMs: number;
  sessionTtlMs: number;
  tokenLockTtlMs: number;
};
