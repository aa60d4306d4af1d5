import type { DeliveryResult, Message, SentMessage } from './Message.js';
import type { OutgoingMessage } from './OutgoingMessage.js';
import { outgoingText } from './outgoingText.js';

/** What {@link BudgetedAnswer.part} did with a part: sent it now, or held it for the final reply. */
export type AnswerPartOutcome = 'sent' | 'held';

/** A part of a {@link BudgetedAnswer} held for the final reply. */
export interface HeldAnswerPart<Label> {
  /** What the caller passed to {@link BudgetedAnswer.part} to recognise the part later (e.g. its text). */
  readonly label: Label;
  /** The messages the part will send. */
  readonly messages: readonly OutgoingMessage[];
}

/** Options of a {@link BudgetedAnswer}. */
export interface BudgetedAnswerOptions {
  /**
   * At most this many replies for the whole answer, below what the scene allows (guild scenes set
   * no count of their own). Default: only the message's reply budget ({@link Message.replyQuota}).
   */
  readonly maxReplies?: number;
  /** Sends one message as a passive reply to the message. Default: `message.reply(content)`. */
  readonly send?: (content: OutgoingMessage) => Promise<DeliveryResult>;
  /**
   * Builds the last reply from the messages that no longer fit. Default: their text joined by blank
   * lines (markdown when any of them is markdown), with a note of the attachments left out.
   *
   * @param overflow - The messages beyond the budget, in order.
   */
  readonly merge?: (overflow: readonly OutgoingMessage[]) => OutgoingMessage;
}

/**
 * Sends one answer made of several parts (text blocks as a model writes them, images, files) as
 * passive replies to one message, within the message's reply budget: QQ accepts only so many
 * replies per message (4 in C2C, 5 in groups; see `DEFAULT_REPLY_RULES`), and the reply that
 * matters most, the final one, comes last.
 *
 * Parts go out as they come while more than one reply would be left after them; from then on they
 * are held, so one reply is always kept for {@link BudgetedAnswer.finish}. `finish` sends what is
 * held and the final messages within what is left, merging whatever does not fit into the last
 * reply, so the final text is never the one refused and nothing is dropped without a word.
 *
 * @example
 * ```ts
 * import { BudgetedAnswer } from 'qq-sdk/messaging';
 *
 * bot.on('message', async (msg) => {
 *   const answer = new BudgetedAnswer(msg);
 *   for await (const block of model.stream(msg.content)) await answer.part([messages.markdown(block)]);
 *   await answer.finish();
 * });
 * ```
 */
export class BudgetedAnswer<Label = undefined> {
  readonly #message: Message;
  readonly #maxReplies: number;
  readonly #send: (content: OutgoingMessage) => Promise<DeliveryResult>;
  readonly #merge: (overflow: readonly OutgoingMessage[]) => OutgoingMessage;
  #used = 0;
  #held: HeldAnswerPart<Label>[] = [];
  #finished = false;
  readonly #sent: SentMessage[] = [];

  /**
   * @param message - The received message the answer replies to.
   * @param options - A lower reply cap, the send function and the overflow merge.
   */
  constructor(message: Message, options: BudgetedAnswerOptions = {}) {
    this.#message = message;
    this.#maxReplies = options.maxReplies ?? Number.POSITIVE_INFINITY;
    this.#send = options.send ?? ((content) => message.reply(content));
    this.#merge = options.merge ?? mergeOverflow;
  }

  /** Replies the answer may still send: the lower of the message's budget and the cap. */
  get remaining(): number {
    return Math.max(0, Math.min(this.#message.replyQuota.remaining, this.#maxReplies - this.#used));
  }

  /** Every message sent so far, in order. */
  get sent(): readonly SentMessage[] {
    return this.#sent;
  }

  /** The parts held for the final reply, in order. */
  get held(): readonly HeldAnswerPart<Label>[] {
    return this.#held;
  }

  /**
   * Sends a part now if more than one reply would be left after it and nothing is held before it
   * (parts keep their order); otherwise holds it for {@link BudgetedAnswer.finish}.
   *
   * @param messages - The part's messages; an empty part does nothing and counts as sent.
   * @param label - Recognises the part in {@link BudgetedAnswer.held} later.
   */
  async part(messages: readonly OutgoingMessage[], ...[label]: Label extends undefined ? [label?: Label] : [label: Label]): Promise<AnswerPartOutcome> {
    if (messages.length === 0) return 'sent';
    if (this.#held.length === 0 && !this.#finished && this.remaining - messages.length >= 1) {
      for (const content of messages) await this.sendNow(content);
      return 'sent';
    }
    this.#held.push({ label: label as Label, messages });
    return 'held';
  }

  /**
   * Changes the messages of held parts before they go out, e.g. to drop text the final answer
   * repeats. A part revised to no messages is dropped.
   *
   * @param revise - Returns the messages a held part keeps.
   */
  reviseHeld(revise: (part: HeldAnswerPart<Label>, index: number) => readonly OutgoingMessage[]): void {
    this.#held = this.#held.map((part, index) => ({ label: part.label, messages: revise(part, index) })).filter((part) => part.messages.length > 0);
  }

  /**
   * Sends one message at once, never held (e.g. a prompt that waits for a button click, not for
   * the answer to end). It spends budget like any reply.
   *
   * @param content - The message.
   * @returns What the send delivered.
   */
  async sendNow(content: OutgoingMessage): Promise<DeliveryResult> {
    const result = await this.#send(content);
    // A long text may go out as several messages; each spends one reply.
    this.#used += Math.max(1, result.messages.length);
    this.#sent.push(...result.messages);
    return result;
  }

  /**
   * Sends what is held, then `final`, within the replies left; what does not fit is merged into
   * the last reply. Parts given after `finish` are held until it is called again, so calling it
   * twice is safe.
   *
   * @param final - The answer's last messages (none when the answer ended without one).
   */
  async finish(final: readonly OutgoingMessage[] = []): Promise<void> {
    const queue = [...this.#held.flatMap((part) => part.messages), ...final];
    this.#held = [];
    this.#finished = true;
    if (queue.length === 0) return;
    // At least one: an exhausted budget is for the send function to report, not to hide.
    const room = Math.max(1, this.remaining);
    const direct = queue.length <= room ? queue : queue.slice(0, room - 1);
    const overflow = queue.slice(direct.length);
    for (const content of direct) await this.sendNow(content);
    if (overflow.length > 0) await this.sendNow(this.#merge(overflow));
  }
}

/** The default merge: the overflow's text in one message, with a note of what could not be sent. */
function mergeOverflow(overflow: readonly OutgoingMessage[]): OutgoingMessage {
  const parts = overflow.map(outgoingText).filter((text) => text.trim() !== '');
  const left = overflow.filter((content) => content.kind !== 'text' && content.kind !== 'markdown').length;
  if (left > 0) parts.push(`(${left} attachment(s) not sent: no replies left for this message)`);
  const content = parts.join('\n\n');
  return overflow.some((item) => item.kind === 'markdown') ? { kind: 'markdown', content } : { kind: 'text', content };
}
