import { QQError } from '../errors/QQError.js';
import type { ReplyQuota } from './ReplyQuota.js';

/**
 * Thrown by `msg.reply()` / {@link ReplyQuota.claim} when the source message has used up its
 * passive replies (the platform would answer 22009 / 40034128). Nothing was sent.
 *
 * @example
 * ```ts
 * bot.on('message', async (msg) => {
 *   try {
 *     await msg.reply('one more answer');
 *   } catch (error) {
 *     if (error instanceof ReplyQuotaExceededError) await msg.send('one more answer'); // an active message
 *     else throw error;
 *   }
 * });
 * ```
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export class ReplyQuotaExceededError extends QQError {
  override readonly name = 'ReplyQuotaExceededError';
  /** Replies left: always 0. */
  readonly remaining = 0;
  /** The most passive replies the scene allows per message. */
  readonly limit: number;
  /** When the reply window of the source message closes (no reply is possible after it either). */
  readonly expiresAt: Date;
  /** The source message (or event) id. */
  readonly sourceId: string;

  /** @param details - The source id, the limit and when its window closes. */
  constructor(details: { sourceId: string; limit: number; expiresAt: Date }) {
    super(
      `Reply quota exhausted: message ${details.sourceId} has already been answered ${details.limit} times, ` +
        'the most QQ allows. Send an active message instead (pass onQuotaExhausted: "active"), or say more in fewer replies.',
    );
    this.limit = details.limit;
    this.expiresAt = details.expiresAt;
    this.sourceId = details.sourceId;
  }
}
