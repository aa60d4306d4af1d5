import { redactDeep, redactText } from './knownSecrets.js';
import type { redactSecrets } from './redactSecrets.js';
import type { QQApiError } from './QQApiError.js';

/** Node's `util.inspect` hook, named without importing `node:util` (the SDK also runs elsewhere). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Inspect = (value: unknown, options: Record<string, unknown>) => string;

/**
 * The base class of every error qq-sdk throws, so `catch (e) { if (e instanceof QQError) … }`
 * catches exactly the SDK's own errors.
 *
 * No AppSecret or access token leaves through an error: the message and `cause` are redacted when
 * the error is made, and `JSON.stringify(error)`, `util.inspect(error)` and `console.error(error)`
 * redact every field again (see {@link redactSecrets} for the rule).
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
   * @param options - Standard `ErrorOptions`; `cause` keeps the underlying error (a copy with
   *   redacted text if its text carried a secret).
   */
  constructor(message: string, options?: ErrorOptions) {
    super(redactText(message), options && 'cause' in options ? { cause: redactDeep(options.cause) } : options);
  }

  /**
   * The error as plain data for JSON logs: `name`, `message`, every own field and the `cause`,
   * with secrets redacted.
   */
  toJSON(): Record<string, unknown> {
    const data: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) data[key] = value;
    if (this.cause !== undefined) data['cause'] = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : this.cause;
    return redactDeep(data);
  }

  /** `util.inspect` / `console.log` output, redacted. @internal */
  [INSPECT](depth: number, options: Record<string, unknown>, inspect: Inspect): string {
    return redactText(inspect(this, { ...options, depth, customInspect: false }));
  }
}
