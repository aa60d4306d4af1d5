/**
 * Decides when a shard may send IDENTIFY. The platform allows `max_concurrency` identifies per
 * 5 seconds and `session_start_limit.remaining` new sessions until `reset_after`; identify loops
 * that ignore this burn the daily budget. {@link SimpleIdentifyThrottler} is the in-process
 * implementation; a shared one (e.g. Redis) can coordinate several processes.
 */
export interface IdentifyThrottler {
  /**
   * Resolves when `shardId` may identify, and counts that identify. Rejects if `signal` aborts.
   *
   * @param shardId - The shard about to identify.
   * @param signal - Aborts the wait (the shard is being destroyed).
   */
  waitForIdentify(shardId: number, signal?: AbortSignal): Promise<void>;
}

/** `session_start_limit` from GET /gateway/bot. */
export interface SessionStartLimit {
  /** New sessions allowed per 24 h. */
  total: number;
  /** New sessions left until `reset_after`. */
  remaining: number;
  /** Milliseconds until `remaining` is reset to `total`. */
  reset_after: number;
  /** Identifies allowed per 5 s. */
  max_concurrency: number;
}
