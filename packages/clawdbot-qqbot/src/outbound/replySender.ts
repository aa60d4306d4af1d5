import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { ReplyUndeliverableError, isReplyUnavailable } from './ReplyUndeliverableError.js';
import type { ReplySender } from './TurnReplier.js';

/**
 * The reply function for an account: `msg.reply()` (so msg_seq, the reply ledger, scene windows,
 * the URL policy, markdown fallback and chunking all apply), with the account's
 * `onReplyUnavailable` choice: `report` (default) turns an exhausted window into a
 * {@link ReplyUndeliverableError} for the host; `active` lets the SDK try an active message.
 */
export function replySender(config: QQBotAccountConfig): ReplySender {
  const active = config.onReplyUnavailable === 'active';
  return async (message, content) => {
    try {
      return await message.reply(content, active ? { onQuotaExhausted: 'active' } : {});
    } catch (error) {
      if (isReplyUnavailable(error)) throw new ReplyUndeliverableError(message.id, error);
      throw error;
    }
  };
}
