import type { DeliveryResult, Message, OutgoingMessage } from 'qq-sdk';
import { MAX_REPLIES_PER_MESSAGE } from '../constants.js';
import type { HostDeliverInfo, HostReplyPayload } from '../host/HostTypes.js';
import { finalBeyondBlocks } from './finalOverlap.js';
import { renderText, textOf, toOutgoingMessages, type RenderOptions } from './toOutgoingMessages.js';

const isText = (item: OutgoingMessage): boolean => item.kind === 'text' || item.kind === 'markdown';

/** Sends one message as a passive reply; the default is `message.reply` with the account's fallback option. */
export type ReplySender = (message: Message, content: OutgoingMessage) => Promise<DeliveryResult>;

/**
 * Delivers one agent turn to the QQ message that started it, within the reply budget: QQ shows at
 * most {@link MAX_REPLIES_PER_MESSAGE} replies per message (fewer when the scene's ledger says
 * so). Blocks go out as they come while more than one reply is left; after that they are held,
 * and the final answer carries everything held, so the final text is never the one refused.
 */
export class TurnReplier {
  private sent = 0;
  private held: OutgoingMessage[] = [];
  // The raw text of each block sent, and of each block held (with its messages), so a final
  // answer that repeats them is not sent twice (see finalBeyondBlocks).
  private readonly sentTexts: string[] = [];
  private heldBlocks: Array<{ readonly text: string; readonly items: OutgoingMessage[] }> = [];
  private finished = false;
  /** Ids of the messages sent so far in this turn. */
  readonly sentIds: string[] = [];

  /**
   * @param message - The inbound message being answered.
   * @param render - How text renders for this target.
   * @param send - Sends one reply (goes through `msg.reply`, so the SDK's ledger and rules apply).
   * @param onSent - Told the quote index and text of every message sent (for quotes of them).
   */
  constructor(
    private readonly message: Message,
    private readonly render: RenderOptions,
    private readonly send: ReplySender,
    private readonly onSent: (refIdx: string, text: string) => void = () => {},
  ) {}

  /** Replies still allowed in this turn. */
  remaining(): number {
    return Math.max(0, Math.min(this.message.replyQuota.remaining, MAX_REPLIES_PER_MESSAGE - this.sent));
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
              this.heldBlocks.map((block) => block.text),
            );
      if (repeat !== undefined) {
        // The final answer repeats blocks: the held ones it carries keep only their media.
        this.heldBlocks = this.heldBlocks.map((block, i) => (i >= repeat.heldFrom ? { ...block, items: block.items.filter((item) => !isText(item)) } : block));
      }
      this.held = [
        ...this.held,
        ...this.heldBlocks.flatMap((block) => block.items),
        ...toOutgoingMessages(repeat !== undefined ? { ...payload, text: repeat.text } : payload, this.render),
      ];
      this.heldBlocks = [];
      await this.flush();
      return;
    }
    const outgoing = toOutgoingMessages(payload, this.render);
    if (outgoing.length === 0) return;
    const text = payload.text?.trim() ?? '';
    // Keep one reply in reserve for the final answer; hold blocks once only that one is left.
    if (this.heldBlocks.length === 0 && !this.finished && this.remaining() - outgoing.length >= 1) {
      for (const item of outgoing) await this.sendOne(item);
      if (text !== '') this.sentTexts.push(text);
      return;
    }
    // A block without text cannot be matched against the final answer: it stays as it is.
    this.heldBlocks.push({ text: text === '' ? '\u0000' : text, items: outgoing });
  }

  /** Sends one message at once, never held (an approval prompt waits for a click, not for the turn). */
  async sendNow(content: OutgoingMessage): Promise<void> {
    await this.sendOne(content);
  }

  /** Sends everything held, merging what does not fit into the last allowed message. Safe to call twice. */
  async flush(): Promise<void> {
    if (this.heldBlocks.length > 0) {
      this.held = [...this.heldBlocks.flatMap((block) => block.items), ...this.held];
      this.heldBlocks = [];
    }
    if (this.held.length === 0) return;
    const queue = this.held;
    this.held = [];
    this.finished = true;
    const room = Math.max(1, this.remaining());
    const direct = queue.slice(0, queue.length <= room ? queue.length : room - 1);
    const overflow = queue.slice(direct.length);
    for (const item of direct) await this.sendOne(item);
    if (overflow.length > 0) {
      const dropped = overflow.filter((item) => item.kind !== 'text' && item.kind !== 'markdown').length;
      const parts = overflow.map(textOf).filter((part) => part.trim().length > 0);
      if (dropped > 0) parts.push(`(${dropped} attachment(s) not sent: QQ allows ${MAX_REPLIES_PER_MESSAGE} replies per message)`);
      await this.sendOne(renderText(parts.join('\n\n'), this.render));
    }
  }

  private async sendOne(content: OutgoingMessage): Promise<void> {
    const result = await this.send(this.message, content);
    this.sent += Math.max(1, result.messages.length);
    for (const sent of result.messages) {
      if (sent.id !== undefined) this.sentIds.push(sent.id);
      if (sent.refIdx !== undefined) this.onSent(sent.refIdx, textOf(content));
    }
  }
}
