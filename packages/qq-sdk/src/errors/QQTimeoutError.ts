import { QQError } from './QQError.js';

/**
 * A request took longer than its `timeoutMs`. Distinct from {@link QQAbortError}: the caller did
 * not cancel it. A timed-out send may still have been delivered, so POSTs are not retried.
 *
 * @example
 * ```ts
 * try {
 *   await bot.api.users.getMe({ timeoutMs: 5000 });
 * } catch (error) {
 *   if (error instanceof QQTimeoutError) console.warn(`no answer within ${error.timeoutMs} ms`);
 *   else throw error;
 * }
 * ```
 */
export class QQTimeoutError extends QQError {
  override readonly name: string = 'QQTimeoutError';
  /** The HTTP method of the request. */
  readonly method: string;
  /** The request path, without the query string. */
  readonly route: string;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * @param method - The HTTP method.
   * @param route - The request path.
   * @param timeoutMs - The timeout that elapsed.
   */
  constructor(method: string, route: string, timeoutMs: number) {
    super(
      `${method} ${route} timed out after ${timeoutMs} ms. Raise timeoutMs (at least 5000 for sends) or check connectivity; a timed-out send may still have been delivered.`,
    );
    this.method = method;
    this.route = route;
    this.timeoutMs = timeoutMs;
  }
}
