import { QQError } from '../errors/QQError.js';
import type { ReplyQuota } from './ReplyQuota.js';

/**
 * Thrown by `msg.reply()` / {@link ReplyQuota.claim} when the reply window of the source message
 * has closed (the platform would answer 40034005 / 304027). Nothing was sent.
 *
 * @example
 * ```ts
 * await msg.reply('late answer', { onQuotaExhausted: 'active' }); // falls back instead of throwing this
 * ```
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export class ReplyWindowExpiredError extends QQError {
  override readonly name = 'ReplyWindowExpiredError';
  /** Replies left in the budget when the window closed. */
  readonly remaining: number;
  /** When the window closed. */
  readonly expiresAt: Date;
  /** The source message (or event) id. */
  readonly sourceId: string;

  /** @param details - The source id, the replies left and when the window closed. */
  constructor(details: { sourceId: string; remaining: number; expiresAt: Date }) {
    super(
      `Reply window closed at ${details.expiresAt.toISOString()} for message ${details.sourceId}: ` +
        'QQ no longer accepts passive replies to it. Send an active message instead (pass onQuotaExhausted: "active").',
    );
    this.remaining = details.remaining;
    this.expiresAt = details.expiresAt;
    this.sourceId = details.sourceId;
  }
}
