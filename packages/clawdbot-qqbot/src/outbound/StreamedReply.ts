import type { DeliveryResult, Message, ReplyStream } from 'qq-sdk';

/** The partial-text callback payload the host streams (`PartialReplyPayload`, fields used here). */
export interface HostPartialReply {
  /** The text of the current answer so far. */
  readonly text?: string;
  /** What was appended since the last call. */
  readonly delta?: string;
  /** The text was rewritten rather than appended. */
  readonly replace?: true;
}

/**
 * Maps the host's streamed partial text onto qq-sdk's C2C stream (`msg.stream()`): one QQ bubble
 * updated in place, throttled by the SDK, which keeps one reply of the budget for the final text.
 * The stream opens on the first partial; the final answer replaces whatever was streamed.
 */
export class StreamedReply {
  private stream: ReplyStream | undefined;
  private written = '';
  private ended = false;

  /**
   * @param message - The C2C message being answered.
   * @param format - How QQ renders the text.
   */
  constructor(
    private readonly message: Message,
    private readonly format: 'markdown' | 'text',
  ) {}

  /** Whether a stream was opened and not yet ended. */
  get active(): boolean {
    return this.stream !== undefined && !this.ended;
  }

  /** The host's `onPartialReply`: appends the new text. Rewrites wait for the final text. */
  onPartial(partial: HostPartialReply): void {
    if (this.ended) return;
    let delta: string | undefined;
    if (partial.text !== undefined && !partial.replace) {
      if (!partial.text.startsWith(this.written)) return;
      delta = partial.text.slice(this.written.length);
    } else if (partial.delta !== undefined && !partial.replace) {
      delta = partial.delta;
    }
    if (!delta) return;
    this.stream ??= this.message.stream({ format: this.format });
    this.stream.write(delta);
    this.written += delta;
  }

  /** Ends the stream with the final text (or what was streamed when the host sent none). */
  async finish(finalText?: string): Promise<DeliveryResult | undefined> {
    if (!this.stream || this.ended) return undefined;
    this.ended = true;
    const text = finalText !== undefined && finalText.trim().length > 0 ? finalText : this.written;
    return this.stream.end(text);
  }
}
