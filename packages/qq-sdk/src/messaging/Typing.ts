import { QQValidationError } from '../errors/QQValidationError.js';
import type { Logger } from '../logging/Logger.js';
import { MAX_TYPING_SECONDS } from '../rest/schemas/messages.js';
import { DefaultMessagingOptions } from './DefaultMessagingOptions.js';

/** Options of `msg.typing()`. */
export interface TypingOptions {
  /**
   * How long "typing…" shows, in seconds (the platform's `input_second`), 1 to 60.
   * @defaultValue 60
   */
  readonly seconds?: number;
  /**
   * Passive replies the notice must leave for the answer: when spending one would leave fewer,
   * nothing is sent (`skipped: 'reply-budget'`). Only matters when typing spends replies.
   * @defaultValue 1
   */
  readonly reserveReplies?: number;
  /**
   * Whether the notice spends one of the message's passive replies (claimed through the
   * `ReplyQuota`, so concurrent replies never overspend). UNCONFIRMED on the platform.
   * @defaultValue the scene's `ReplyRule.typingSpendsReply` (`true` for C2C)
   */
  readonly spendsReply?: boolean;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/**
 * Why a typing notice was not sent: the scene has none (groups and guilds), the passive-reply
 * budget (less the reserve) is spent, or the reply window has closed.
 */
export type TypingSkipReason = 'unsupported-scene' | 'reply-budget' | 'window-expired';

/** What one `msg.typing()` call did. */
export interface TypingResult {
  /** Whether a notice was sent. */
  readonly sent: boolean;
  /** Why nothing was sent, when `sent` is false. */
  readonly skipped?: TypingSkipReason;
  /** The `msg_seq` the notice carried. */
  readonly msgSeq?: number;
  /** Whether it spent one of the message's passive replies. */
  readonly spentReply: boolean;
}

/** Options of `msg.keepTyping()`. */
export interface KeepTypingOptions extends TypingOptions {
  /**
   * Milliseconds between notices, at least 10 and at most `seconds × 1000` (so the indicator does
   * not lapse in between). @defaultValue `seconds` less 10 s (50_000 for 60 s), or half of it
   * below 20 s (5_000 for 10 s)
   */
  readonly intervalMs?: number;
  /**
   * Stop sending after this long, in ms (the last notice still shows for up to `seconds`).
   * @defaultValue 300_000 (5 minutes)
   */
  readonly maxDurationMs?: number;
  /** Stop after this many notices, the first included. @defaultValue unlimited */
  readonly maxNotices?: number;
  /** Stop when the message is answered (`reply()`, `stream()`, `send()`). @defaultValue true */
  readonly stopOnReply?: boolean;
}

/**
 * Why a keep-alive stopped: `stop()` was called, the message was answered, a bound was reached,
 * the budget or window ran out, the scene has no typing notice, a notice failed, or its signal
 * was aborted.
 */
export type TypingStopReason = 'stopped' | 'replied' | 'max-duration' | 'max-notices' | TypingSkipReason | 'failed' | 'aborted';

/** What a {@link TypingKeepAlive} needs: one notice at a time. Supplied by the message. */
export interface TypingPort {
  /** Sends one notice. */
  send(signal: AbortSignal | undefined): Promise<TypingResult>;
  /** Where a failed notice is logged. */
  readonly logger: Logger;
  /** Called once, when the keep-alive ends. */
  onEnd?(keepAlive: TypingKeepAlive): void;
  /** Ends the keep-alive at once, sending nothing (e.g. `'unsupported-scene'`). */
  readonly skip?: TypingSkipReason;
}

/**
 * Checks typing options against what the platform accepts; throws QQValidationError naming the field.
 *
 * @internal
 */
export function checkTypingOptions(options: KeepTypingOptions, keepAlive: boolean): void {
  const issues: { path: string; message: string }[] = [];
  const seconds = options.seconds ?? DefaultMessagingOptions.typingSeconds;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TYPING_SECONDS) {
    issues.push({ path: 'seconds', message: `must be a whole number from 1 to ${MAX_TYPING_SECONDS}, got ${String(options.seconds)}` });
  }
  const reserve = options.reserveReplies;
  if (reserve !== undefined && (!Number.isInteger(reserve) || reserve < 0)) {
    issues.push({ path: 'reserveReplies', message: `must be a non-negative integer, got ${String(reserve)}` });
  }
  if (options.spendsReply !== undefined && typeof options.spendsReply !== 'boolean') {
    issues.push({ path: 'spendsReply', message: 'must be a boolean' });
  }
  if (keepAlive) {
    const interval = options.intervalMs;
    if (interval !== undefined && (!Number.isFinite(interval) || interval < 10 || interval > seconds * 1000)) {
      issues.push({
        path: 'intervalMs',
        message: `must be from 10 to seconds × 1000 (${seconds * 1000}) so the indicator does not lapse, got ${String(interval)}`,
      });
    }
    const max = options.maxDurationMs;
    if (max !== undefined && (!Number.isFinite(max) || max <= 0)) {
      issues.push({ path: 'maxDurationMs', message: `must be a positive number of milliseconds, got ${String(max)}` });
    }
    const notices = options.maxNotices;
    if (notices !== undefined && (!Number.isInteger(notices) || notices < 1)) {
      issues.push({ path: 'maxNotices', message: `must be a positive integer, got ${String(notices)}` });
    }
  }
  if (issues.length > 0) throw new QQValidationError(keepAlive ? 'keepTyping options' : 'typing options', issues);
}

/**
 * Keeps "typing…" showing during long work: sends a notice now and again every `intervalMs`,
 * one at a time, until {@link TypingKeepAlive.stop} is called, the message is answered, or a bound
 * is reached (`maxDurationMs`, `maxNotices`, the reply budget less its reserve, the reply window).
 * A failed notice is logged and ends it; it never throws. Its timer is unref'd: it never keeps
 * the process alive, and none is left once it has stopped.
 *
 * @example
 * ```ts
 * const typing = msg.keepTyping();
 * try {
 *   const answer = await agent.run(msg.content);
 *   await msg.reply(answer); // stops the keep-alive first
 * } finally {
 *   await typing.stop();
 * }
 * ```
 */
export class TypingKeepAlive {
  readonly #port: TypingPort;
  readonly #intervalMs: number;
  readonly #maxDurationMs: number;
  readonly #maxNotices: number;
  readonly #signal: AbortSignal | undefined;
  readonly #startedAt = Date.now();
  #timer: NodeJS.Timeout | undefined;
  #inFlight: Promise<void> | undefined;
  #sent = 0;
  #reason: TypingStopReason | undefined;
  #error: unknown;
  readonly #onAbort = (): void => this.#end('aborted');

  /** @internal Use `msg.keepTyping()`. */
  constructor(port: TypingPort, options: KeepTypingOptions = {}) {
    this.#port = port;
    const seconds = options.seconds ?? DefaultMessagingOptions.typingSeconds;
    // Renew 10 s before a notice lapses (60 s → every 50 s), or halfway for short ones (10 s → 5 s).
    this.#intervalMs = options.intervalMs ?? (seconds >= 20 ? seconds * 1000 - 10_000 : seconds * 500);
    this.#maxDurationMs = options.maxDurationMs ?? DefaultMessagingOptions.keepTypingMaxDurationMs;
    this.#maxNotices = options.maxNotices ?? Number.POSITIVE_INFINITY;
    this.#signal = options.signal;
    if (port.skip !== undefined || this.#signal?.aborted) {
      this.#end(port.skip ?? 'aborted');
      return;
    }
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#tick();
  }

  /** Whether notices are still being sent. */
  get active(): boolean {
    return this.#reason === undefined;
  }

  /** Notices sent so far. */
  get noticesSent(): number {
    return this.#sent;
  }

  /** Why it stopped, once stopped. */
  get stopReason(): TypingStopReason | undefined {
    return this.#reason;
  }

  /** The error of the notice that failed, when `stopReason` is `'failed'`. */
  get lastError(): unknown {
    return this.#error;
  }

  /**
   * Stops sending notices (idempotent) and resolves once a notice still in flight has settled, so
   * a reply sent afterwards reaches the user after the last notice. The indicator itself fades by
   * itself (or when the bot's message arrives).
   */
  stop(): Promise<void> {
    return this.halt('stopped');
  }

  /** @internal Stops with a reason (`msg.reply()` uses `'replied'`). */
  halt(reason: TypingStopReason): Promise<void> {
    this.#end(reason);
    return this.#inFlight ?? Promise.resolve();
  }

  #tick(): void {
    this.#timer = undefined;
    if (this.#reason !== undefined) return;
    const flight = this.#port.send(this.#signal).then(
      (result) => {
        if (!result.sent) {
          this.#end(result.skipped ?? 'failed');
          return;
        }
        this.#sent += 1;
        this.#scheduleNext();
      },
      (error: unknown) => {
        this.#error = error;
        if (this.#reason === undefined) {
          this.#port.logger.warn('typing notice failed; keep-alive stopped', { error: String(error) });
        }
        this.#end('failed');
      },
    );
    const tracked: Promise<void> = flight.finally(() => {
      if (this.#inFlight === tracked) this.#inFlight = undefined;
    });
    this.#inFlight = tracked;
  }

  #scheduleNext(): void {
    if (this.#reason !== undefined) return;
    if (this.#sent >= this.#maxNotices) {
      this.#end('max-notices');
      return;
    }
    // A notice due at or after the deadline would not be sent: end now rather than hold a timer.
    if (Date.now() - this.#startedAt + this.#intervalMs >= this.#maxDurationMs) {
      this.#end('max-duration');
      return;
    }
    this.#timer = setTimeout(() => this.#tick(), this.#intervalMs);
    this.#timer.unref();
  }

  #end(reason: TypingStopReason): void {
    if (this.#reason !== undefined) return;
    this.#reason = reason;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#port.onEnd?.(this);
  }
}
