/**
 * A webhook setting that cannot work as written. `key` names the setting (`webhook.path`,
 * `webhook.port`, …) so the account's status tells the user exactly what to change.
 */
export class WebhookConfigError extends Error {
  override readonly name = 'WebhookConfigError';

  /**
   * @param key - The setting at fault, relative to the account (e.g. `webhook.path`).
   * @param message - What is wrong and what to do instead (never contains a secret).
   */
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`${key}: ${message}`);
  }
}
