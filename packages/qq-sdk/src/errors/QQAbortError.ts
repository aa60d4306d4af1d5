import { QQError } from './QQError.js';

/**
 * The caller aborted the operation through its `AbortSignal`. `cause` holds the signal's reason.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1000);
 * await bot.api.users.getMe({ signal: controller.signal }); // rejects with QQAbortError after 1 s
 * ```
 */
export class QQAbortError extends QQError {
  override readonly name: string = 'QQAbortError';

  /**
   * @param what - What was aborted, e.g. `GET /users/@me`.
   * @param options - `cause` keeps the abort reason.
   */
  constructor(what: string, options?: ErrorOptions) {
    super(`${what} was aborted by the caller.`, options);
  }
}
