import type { Logger } from 'qq-sdk';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { toQQVoice, voicePolicy } from '../voice/outboundVoice.js';
import { sharedSilkCodec } from '../voice/sharedSilkCodec.js';
import type { SilkCodec } from '../voice/SilkCodec.js';
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
 * continued in further replies in guild scenes (which have no reply count). Audio goes out as QQ
 * voice (SILK, converted in process where needed; see `toQQVoice`).
 */
export function replySender(config: QQBotAccountConfig, logger?: Logger, codec: SilkCodec = sharedSilkCodec()): ReplySender {
  const active = config.onReplyUnavailable === 'active';
  const voice = voicePolicy(config);
  return async (message, original) => {
    const content = await toQQVoice(original, voice, codec, logger);
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
