import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { ReplyUndeliverableError, isReplyUnavailable } from './ReplyUndeliverableError.js';
import type { ReplySender } from './TurnReplier.js';

/** Guild scenes have no reply count: a long answer continues in further replies, this many at most. */
const MAX_CONTINUATIONS = 10;

/**
 * The reply function for an account: `msg.reply()` (so msg_seq, the reply ledger, scene windows,
 * the URL policy, markdown fallback and chunking all apply), with the account's
 * `onReplyUnavailable` choice: `report` (default) turns an exhausted window into a
 * {@link ReplyUndeliverableError} for the host; `active` lets the SDK try an active message.
 * An answer longer than the replies left goes out whole: as one document in C2C and groups, and
 * continued in further replies in guild scenes (which have no reply count).
 */
export function replySender(config: QQBotAccountConfig): ReplySender {
  const active = config.onReplyUnavailable === 'active';
  return async (message, content) => {
    const scene = message.target.scene;
    const options = {
      ...(active ? { onQuotaExhausted: 'active' as const } : {}),
      overflow: scene === 'c2c' || scene === 'group' ? ('document' as const) : ('partial' as const),
    };
    try {
      let result = await message.reply(content, options);
      const messages = [...result.messages];
      for (let round = 0; result.unsent !== undefined && round < MAX_CONTINUATIONS; round++) {
        result = await message.reply(result.unsent, options);
        messages.push(...result.messages);
      }
      return { ...result, messages };
    } catch (error) {
      if (isReplyUnavailable(error)) throw new ReplyUndeliverableError(message.id, error);
      throw error;
    }
  };
}
