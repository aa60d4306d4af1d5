import { QQError } from '../errors/QQError.js';

/**
 * Thrown by `msg.reply()`, `msg.send()` and `bot.send()` before anything is sent when text split
 * into messages needs more of them than the call may send: more than the passive replies left for
 * the source message (`limitedBy: 'reply-budget'`), or more than `maxMessagesPerSend`
 * (`limitedBy: 'send-cap'`). No budget was spent. Pass `overflow: 'document'` to send the answer as
 * one file, or `overflow: 'partial'` to send what fits and get the rest back in `unsent`.
 *
 * @example
 * ```ts
 * try {
 *   await msg.reply(longAnswer);
 * } catch (error) {
 *   if (!(error instanceof MessageTooLongError)) throw error;
 *   await msg.reply(longAnswer, { overflow: 'document' }); // one file in C2C and groups
 * }
 * ```
 */
export class MessageTooLongError extends QQError {
  override readonly name = 'MessageTooLongError';
  /** How many messages the text needs. */
  readonly partsNeeded: number;
  /** How many this call could send. */
  readonly partsAllowed: number;
  /** What set {@link MessageTooLongError.partsAllowed}: the reply budget left, or the per-call cap. */
  readonly limitedBy: 'reply-budget' | 'send-cap';
  /** The text's length in UTF-16 code units. */
  readonly length: number;

  /** @param details - What was needed and what was allowed. */
  constructor(details: { partsNeeded: number; partsAllowed: number; limitedBy: 'reply-budget' | 'send-cap'; length: number; note?: string }) {
    const why =
      details.limitedBy === 'reply-budget'
        ? `only ${details.partsAllowed} passive repl${details.partsAllowed === 1 ? 'y is' : 'ies are'} left for this message`
        : `one call sends at most ${details.partsAllowed} (maxMessagesPerSend)`;
    super(
      `The text (${details.length} characters) needs ${details.partsNeeded} messages, but ${why}; nothing was sent. ` +
        `Shorten it, pass overflow: 'document' (one file, C2C and groups) or overflow: 'partial' (send what fits, get the rest in unsent)` +
        `${details.limitedBy === 'send-cap' ? ', or raise maxMessagesPerSend' : ''}.${details.note ? ` ${details.note}` : ''}`,
    );
    this.partsNeeded = details.partsNeeded;
    this.partsAllowed = details.partsAllowed;
    this.limitedBy = details.limitedBy;
    this.length = details.length;
  }
}
