import { redactText } from './knownSecrets.js';

/**
 * Replaces secrets in `text` with `[REDACTED]`: the values given, every AppSecret and access token
 * qq-sdk has been given or fetched in this process, and anything shaped like an Authorization
 * value (`QQBot <token>`). qq-sdk applies the same rule to its own errors, logs and events; use this
 * for text of yours that may carry one (a proxy's error page, a captured request). Values shorter
 * than 4 characters are ignored so short strings never mangle text.
 *
 * @param text - Text that may contain a secret (an error message, a URL, a response body).
 * @param secrets - More values to hide; `undefined` entries are skipped.
 *
 * @example
 * ```ts
 * logger.warn(redactSecrets(proxyErrorPage, [process.env.QQBOT_APP_SECRET]));
 * ```
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  return redactText(text, secrets);
}
