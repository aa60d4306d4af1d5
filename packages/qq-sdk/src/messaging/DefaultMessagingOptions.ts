/**
 * Every default of the messaging layer in one place: streams, typing notices and the bounded
 * memories of the reply ledger and the markdown fallback. The reply budget and windows per scene
 * are platform rules, in {@link DEFAULT_REPLY_RULES}.
 */
export const DefaultMessagingOptions = {
  /** A stream sends an update at most this often (each update spends a passive reply). */
  streamMinIntervalMs: 1000,
  /** How long one "typing…" notice shows, in seconds (the platform's `input_second`, 1–60). */
  typingSeconds: 60,
  /** Passive replies a typing notice or a stream must leave for the answer. */
  reserveReplies: 1,
  /** `msg.keepTyping()` stops renewing after this long. */
  keepTypingMaxDurationMs: 300_000,
  /** Source messages `MemoryReplyLedgerStore` remembers (oldest forgotten first). */
  ledgerMaxEntries: 100_000,
  /** Chats the markdown fallback remembers as refusing markdown (oldest forgotten first). */
  markdownRefusalsMaxTargets: 10_000,
} as const;
