/**
 * The base class of every error qq-sdk throws, so `catch (e) { if (e instanceof QQError) … }`
 * catches exactly the SDK's own errors. Messages never contain the client secret or an access token.
 */
export class QQError extends Error {
  /** A stable, machine-readable name for the error class (also set as `name`). */
  override readonly name: string = 'QQError';

  /**
   * @param message - What went wrong and, where possible, what to do about it.
   * @param options - Standard `ErrorOptions`; `cause` keeps the underlying error.
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
