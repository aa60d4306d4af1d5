/**
 * Picks the bot's open gateway connections a control call acts on. Empty (the default) means every
 * open connection; each given field narrows the choice.
 */
export interface ConnectionSelector {
  /** Only the connection with this number ({@link ConnectionRecord.id}). */
  connectionId?: number;
  /** Only connections bound to this session. */
  sessionId?: string;
  /** Only connections whose session has this shard id. */
  shard?: number;
}
