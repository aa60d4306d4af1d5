import { QQError } from '../errors/QQError.js';

/** Why a handler was given up on: its time budget ran out, or `stop()` stopped waiting for it. */
export type HandlerAbandonReason = 'timeout' | 'drain';

/**
 * A handler was still running when its time budget (`handlerTimeoutMs`) ran out, or when
 * `bot.stop({ drainTimeoutMs })` stopped waiting for it.
 *
 * - `reason: 'timeout'`: the event is treated as handled. The gateway's resume position moves past
 *   it, so a hung handler cannot pin it, and it is not replayed after a reconnect.
 * - `reason: 'drain'`: the session was saved before, with the event still unhandled, so a process
 *   that resumes the session on the same store gets it replayed and runs it again.
 *
 * The handler itself keeps running (JavaScript cannot cancel it); what it does later still
 * happens, and a later failure is reported too.
 *
 * Delivered on the `handlerError` channel, never thrown.
 *
 * @example
 * ```ts
 * bot.on('handlerError', ({ error, type, meta }) => {
 *   if (error instanceof HandlerTimeoutError) console.warn(`${type} ${meta.eventId} abandoned after ${error.timeoutMs} ms`);
 * });
 * ```
 */
export class HandlerTimeoutError extends QQError {
  override readonly name: string = 'HandlerTimeoutError';
  /** The listener that did not finish (an event type, `'*'`, `'message'` …). */
  readonly listener: string;
  /** The event type it was handling. */
  readonly eventType: string;
  /** The envelope id of the event, if it had one. */
  readonly eventId: string | undefined;
  /** The limit that ran out, in milliseconds: `handlerTimeoutMs`, or the `drainTimeoutMs` of `stop()`. */
  readonly timeoutMs: number;
  /** How long the handler had been running when it was abandoned, in milliseconds. */
  readonly runningMs: number;
  /** `timeout`: the handler budget ran out; `drain`: `stop()` stopped waiting. */
  readonly reason: HandlerAbandonReason;

  /**
   * @param init - The listener, the event, the time it ran and why it was abandoned.
   */
  constructor(init: { listener: string; eventType: string; eventId: string | undefined; timeoutMs: number; runningMs: number; reason: HandlerAbandonReason }) {
    const what = `the '${init.listener}' handler of ${init.eventType}${init.eventId !== undefined ? ` ${init.eventId}` : ''}`;
    super(
      init.reason === 'timeout'
        ? `${what} did not finish within handlerTimeoutMs (${init.timeoutMs} ms; it has run ${init.runningMs} ms); ` +
            'the event counts as handled and is not replayed. Make the handler finish sooner (give slow calls a timeout), or raise handlerTimeoutMs.'
        : `${what} was still running (for ${init.runningMs} ms) when stop() stopped waiting after drainTimeoutMs (${init.timeoutMs} ms); ` +
            'after a restart on the same session store the gateway replays it. Raise drainTimeoutMs to let handlers finish before the bot stops.',
    );
    this.listener = init.listener;
    this.eventType = init.eventType;
    this.eventId = init.eventId;
    this.timeoutMs = init.timeoutMs;
    this.runningMs = init.runningMs;
    this.reason = init.reason;
  }
}
