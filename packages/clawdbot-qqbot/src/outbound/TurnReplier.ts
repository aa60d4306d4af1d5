import type { DeliveryResult, Message, OutgoingMessage } from 'qq-sdk';
import { BudgetedAnswer, outgoingText } from 'qq-sdk/messaging';
import { MAX_REPLIES_PER_MESSAGE } from '../constants.js';
import type { HostDeliverInfo, HostReplyPayload } from '../host/HostTypes.js';
import { finalBeyondBlocks } from './finalOverlap.js';
import { toOutgoingMessages, type RenderOptions } from './toOutgoingMessages.js';

const isText = (item: OutgoingMessage): boolean => item.kind === 'text' || item.kind === 'markdown';

/** A block without text, which cannot be matched against the final answer. */
const NO_TEXT = '\u0000';

/** Sends one message as a passive reply; the default is `message.reply` with the account's fallback option. */
export type ReplySender = (message: Message, content: OutgoingMessage) => Promise<DeliveryResult>;

/**
 * Delivers one agent turn to the QQ message that started it. The reply budget (send blocks while
 * more than one reply is left, hold the rest, merge what does not fit into the final reply) is the
 * SDK's `BudgetedAnswer` (qq-sdk/messaging), capped at {@link MAX_REPLIES_PER_MESSAGE}; what this adds is the
 * host's side: rendering its payloads, and not sending twice what a final answer repeats of the
 * blocks (see {@link finalBeyondBlocks}).
 */
export class TurnReplier {
  private readonly answer: BudgetedAnswer<string>;
  // The raw text of each block sent, so a final answer that repeats them is not sent twice.
  private readonly sentTexts: string[] = [];

  /**
   * @param message - The inbound message being answered.
   * @param render - How text renders for this target.
   * @param send - Sends one reply (goes through `msg.reply`, so the SDK's ledger and rules apply).
   * @param onSent - Told the quote index and text of every message sent (for quotes of them).
   */
  constructor(
    message: Message,
    private readonly render: RenderOptions,
    send: ReplySender,
    onSent: (refIdx: string, text: string) => void = () => {},
  ) {
    this.answer = new BudgetedAnswer<string>(message, {
      maxReplies: MAX_REPLIES_PER_MESSAGE,
      send: async (content) => {
        const result = await send(message, content);
        for (const sent of result.messages) if (sent.refIdx !== undefined) onSent(sent.refIdx, outgoingText(content));
        return result;
      },
    });
  }

  /** Ids of the messages sent so far in this turn. */
  get sentIds(): string[] {
    return this.answer.sent.flatMap((sent) => (sent.id === undefined ? [] : [sent.id]));
  }

  /** Replies still allowed in this turn. */
  remaining(): number {
    return this.answer.remaining;
  }

  /** The host's `deliver` callback: sends or holds a block; the final delivery flushes. */
  async deliver(payload: HostReplyPayload, info: HostDeliverInfo): Promise<void> {
    if (info.kind === 'final') {
      const finalText = payload.text?.trim() ?? '';
      const repeat =
        finalText === ''
          ? undefined
          : finalBeyondBlocks(
              finalText,
              this.sentTexts,
              this.answer.held.map((block) => block.label),
            );
      // The final answer repeats blocks: the held ones it carries keep only their media.
      if (repeat !== undefined) this.answer.reviseHeld((block, i) => (i >= repeat.heldFrom ? block.messages.filter((item) => !isText(item)) : block.messages));
      await this.answer.finish(toOutgoingMessages(repeat !== undefined ? { ...payload, text: repeat.text } : payload, this.render));
      return;
    }
    const text = payload.text?.trim() ?? '';
    const outcome = await this.answer.part(toOutgoingMessages(payload, this.render), text === '' ? NO_TEXT : text);
    if (outcome === 'sent' && text !== '') this.sentTexts.push(text);
  }

  /** Sends one message at once, never held (an approval prompt waits for a click, not for the turn). */
  async sendNow(content: OutgoingMessage): Promise<void> {
    await this.answer.sendNow(content);
  }

  /** Sends everything held, merging what does not fit into the last allowed message. Safe to call twice. */
  async flush(): Promise<void> {
    await this.answer.finish();
  }
}
