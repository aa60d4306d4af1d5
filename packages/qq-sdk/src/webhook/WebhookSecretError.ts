import { QQError } from '../errors/QQError.js';

/**
 * Thrown when a webhook secret cannot be used to derive a signing key (for example an empty
 * string). The message never contains the secret itself.
 */
export class WebhookSecretError extends QQError {
  override readonly name = 'WebhookSecretError';
}
