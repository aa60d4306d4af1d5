import { QQError } from './QQError.js';

/**
 * The request never got an HTTP response: DNS failure, refused or reset connection, TLS or proxy
 * error. Retried by the REST client within `maxRetries`; `cause` holds the underlying error.
 *
 * @example
 * ```ts
 * try {
 *   await api.users.getMe();
 * } catch (error) {
 *   if (error instanceof QQConnectionError) console.error('QQ unreachable:', error.cause);
 *   else throw error;
 * }
 * ```
 */
export class QQConnectionError extends QQError {
  override readonly name: string = 'QQConnectionError';
  /** The HTTP method of the failed request. */
  readonly method: string;
  /** The request path, without the query string. */
  readonly route: string;

  /**
   * @param method - The HTTP method.
   * @param route - The request path.
   * @param options - `cause` keeps the network error.
   */
  constructor(method: string, route: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`${method} ${route} could not reach the QQ platform${reason}. Check network access, the proxy option and the apiBaseUrl.`, options);
    this.method = method;
    this.route = route;
  }
}
