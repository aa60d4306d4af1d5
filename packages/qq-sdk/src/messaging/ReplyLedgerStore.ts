/** The outcome of one attempt to claim a passive reply. */
export interface ReplyClaim {
  /** Whether a reply may be sent. */
  readonly granted: boolean;
  /** The `msg_seq` to send with the reply; unique per key for as long as the key lives. */
  readonly seq: number;
  /** Replies claimed for this key so far, this one included when granted (never above the limit). */
  readonly used: number;
}

/**
 * Where passive-reply claims are counted. The claim must be atomic: however many callers (or
 * processes, with a shared store) claim the same key at once, at most `limit` are granted and no
 * `seq` is handed out twice. The in-memory {@link MemoryReplyLedgerStore} is the default; a Redis
 * store lets several processes share one budget.
 */
export interface ReplyLedgerStore {
  /**
   * Claims one reply for `key`.
   *
   * @param key - The source message: target and message (or event) id.
   * @param limit - The most replies that may be granted for this key.
   * @param ttlMs - How long the key must be kept (the reply window plus a margin).
   */
  claim(key: string, limit: number, ttlMs: number): ReplyClaim | Promise<ReplyClaim>;
}
