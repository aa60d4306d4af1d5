import { QQError } from '../errors/QQError.js';

/**
 * A Redis-backed store could not reach Redis (not connected, or no answer within its
 * `operationTimeoutMs`). Only stores that fail closed throw it — by default the
 * {@link RedisReplyLedgerStore}, because a guessed reply budget could reuse a `msg_seq` or
 * overspend it; the other stores fall back to this process's memory with a warning instead.
 */
export class RedisUnavailableError extends QQError {
  override readonly name: string = 'RedisUnavailableError';
  /** What the store was doing, e.g. `'reply ledger claim'`. */
  readonly operation: string;

  /**
   * @param operation - What the store was doing.
   * @param detail - Why Redis was unusable (its status or the error message).
   * @param options - `cause` keeps the client's error.
   */
  constructor(operation: string, detail: string, options?: ErrorOptions) {
    super(
      `Redis is unavailable for the ${operation} (${detail}). Check the Redis server and the client's connection; ` +
        'the call can be retried once Redis is back.',
      options,
    );
    this.operation = operation;
  }
}
