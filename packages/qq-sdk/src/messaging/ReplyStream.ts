import { QQError } from '../errors/QQError.js';
import type { C2CStreamChunkBody } from '../rest/schemas/messages.js';
import type { DeliveryResult } from './Message.js';
import { DefaultMessagingOptions } from './DefaultMessagingOptions.js';

/** Options of `msg.stream()`. */
export interface ReplyStreamOptions {
  /** How the platform renders the text. @defaultValue 'markdown' */
  readonly format?: 'markdown' | 'text';
  /**
   * The shortest time between two interim updates; writes in between are coalesced.
   * @defaultValue 1000
   */
  readonly minIntervalMs?: number;
  /** Cancels the stream. */
  readonly signal?: AbortSignal;
}

/** What a {@link ReplyStream} needs from the sender; supplied by `MessageSender.openStream`. */
export interface ReplyStreamPort {
  /** Whether the platform's C2C stream API applies (C2C passive replies only). */
  readonly streamable: boolean;
  /** Applies the URL policy to the text so far. */
  prepare(text: string): string;
  /** Replies passive budget left as last seen (one is always kept for the final chunk). */
  remaining(): number;
  /** Claims one passive reply; resolves with its `msg_seq`. Throws when spent. */
  claim(): Promise<number>;
  /** Posts one chunk; resolves with the stream message id. */
  post(body: C2CStreamChunkBody, signal: AbortSignal | undefined): Promise<string | undefined>;
  /** Sends the whole text as an ordinary reply (other scenes, or when streaming failed). */
  fallback(text: string, signal: AbortSignal | undefined): Promise<DeliveryResult>;
}

/**
 * A streaming reply: `write()` text as it is produced (e.g. by a model), then `end()`. In C2C it
 * uses the platform's stream API: one message bubble whose text is replaced at most every
 * `minIntervalMs`, each update spending one passive reply, with one reply always kept for the final
 * text so the answer is never the message refused. Elsewhere (groups do not support streaming) it
 * collects the text and sends it as an ordinary reply on `end()`.
 *
 * @example
 * ```ts
 * const stream = msg.stream();
 * for await (const delta of model.generate(prompt)) stream.write(delta);
 * await stream.end();
 * ```
 */
export class ReplyStream {
  #text = '';
  #index = 0;
  #streamId: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #pending: Promise<void> = Promise.resolve();
  #lastSentAt = 0;
  #broken = false;
  #ended = false;
  readonly #port: ReplyStreamPort;
  readonly #format: 'markdown' | 'text';
  readonly #minIntervalMs: number;
  readonly #signal: AbortSignal | undefined;

  /** @internal Use `msg.stream()`. */
  constructor(port: ReplyStreamPort, options: ReplyStreamOptions = {}) {
    this.#port = port;
    this.#format = options.format ?? 'markdown';
    this.#minIntervalMs = options.minIntervalMs ?? DefaultMessagingOptions.streamMinIntervalMs;
    this.#signal = options.signal;
  }

  /** The text written so far. */
  get text(): string {
    return this.#text;
  }

  /** Chunks posted to the platform so far. */
  get chunksSent(): number {
    return this.#index;
  }

  /** Appends text. Never throws for the platform's sake: failures surface from {@link ReplyStream.end}. */
  write(delta: string): void {
    if (this.#ended) throw new QQError('ReplyStream.write(): the stream has already ended');
    this.#text += delta;
    if (!this.#port.streamable || this.#broken || this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastSentAt + this.#minIntervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pending = this.#pending.then(() => this.#sendInterim());
    }, wait);
  }

  /**
   * Finishes the stream with the text written (or `finalText`, which replaces it) and resolves with
   * what was delivered.
   */
  async end(finalText?: string): Promise<DeliveryResult> {
    if (this.#ended) throw new QQError('ReplyStream.end(): the stream has already ended');
    this.#ended = true;
    if (finalText !== undefined) this.#text = finalText;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#pending;
    if (!this.#port.streamable || (this.#broken && this.#streamId === undefined)) {
      return this.#port.fallback(this.#text, this.#signal);
    }
    const msgSeq = await this.#port.claim();
    const id = await this.#post(10, msgSeq);
    return { messages: [{ ...(id !== undefined ? { id } : {}), msgSeq }], mode: 'passive' };
  }

  async #sendInterim(): Promise<void> {
    // Keep one reply for the final text: an interim update is skipped rather than risking it.
    if (this.#ended || this.#broken || this.#port.remaining() <= 1) return;
    try {
      const msgSeq = await this.#port.claim();
      await this.#post(1, msgSeq);
    } catch {
      // The final chunk (or the fallback reply) reports what went wrong.
      this.#broken = true;
    }
  }

  async #post(state: 1 | 10, msgSeq: number): Promise<string | undefined> {
    const body: C2CStreamChunkBody = {
      input_mode: 'replace',
      input_state: state,
      index: this.#index,
      content_type: this.#format,
      content_raw: this.#port.prepare(this.#text),
      msg_seq: msgSeq,
      ...(this.#streamId !== undefined ? { stream_msg_id: this.#streamId } : {}),
    };
    const id = await this.#port.post(body, this.#signal);
    this.#streamId ??= id;
    this.#index += 1;
    this.#lastSentAt = Date.now();
    return id;
  }
}
