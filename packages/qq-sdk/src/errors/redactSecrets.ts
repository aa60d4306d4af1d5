/**
 * Replaces every occurrence of the given secrets (client secret, access token) in `text` with
 * `[REDACTED]`. Secrets shorter than 4 characters are ignored so short strings never mangle text.
 *
 * @param text - Text that may contain a secret (an error message, a URL, a response body).
 * @param secrets - The values to hide; `undefined` entries are skipped.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}
