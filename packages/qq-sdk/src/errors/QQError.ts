/**
 * The base class of every error qq-sdk throws, so `catch (e) { if (e instanceof QQError) … }`
 * catches exactly the SDK's own errors. Messages never contain the client secret or an access token.
 *
 * @example
 * ```ts
 * try {
 *   await bot.start();
 * } catch (error) {
 *   if (error instanceof QQError) console.error(`${error.name}: ${error.message}`); // says what to do
 *   else throw error;
 * }
 * ```
 * @see {@link QQApiError} for refused API calls
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
