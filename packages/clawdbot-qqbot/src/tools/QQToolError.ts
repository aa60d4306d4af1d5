import { QQAbortError, QQApiError, QQError, QQTimeoutError, QQValidationError } from 'qq-sdk';

/**
 * A failed `qqbot_api` call. The host hands `message` to the model as the tool's error, so it says
 * what went wrong and what would help, and never carries a secret.
 */
export class QQToolError extends Error {
  override readonly name = 'QQToolError';
}

/** Turns what an SDK call threw into a {@link QQToolError} for `action`. */
export function toToolError(action: string, error: unknown): QQToolError {
  if (error instanceof QQToolError) return error;
  if (error instanceof QQApiError) {
    const code = error.code !== undefined ? `, code ${error.code}` : '';
    // `explanation` is the SDK's one-line advice; the raw body and trace id stay in the logs.
    return new QQToolError(`QQ refused ${action} (${error.kind}, HTTP ${error.status}${code}): ${error.explanation}`);
  }
  if (error instanceof QQAbortError) return new QQToolError(`${action} was cancelled.`);
  if (error instanceof QQTimeoutError) return new QQToolError(`${action} timed out waiting for QQ; try again later.`);
  if (error instanceof QQValidationError) return new QQToolError(`${action}: QQ's answer or the request did not have the expected shape (${error.message}).`);
  // SDK errors redact secrets from their messages; anything else is not shown verbatim.
  if (error instanceof QQError) return new QQToolError(`${action} failed: ${error.message}`);
  return new QQToolError(`${action} failed unexpectedly.`);
}
