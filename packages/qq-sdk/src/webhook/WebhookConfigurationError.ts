import { QQError } from '../errors/QQError.js';

/**
 * Thrown when a webhook handler is created with unusable options (no bot, two bots with the
 * same appId, an invalid size limit, or signature verification switched off in production).
 */
export class WebhookConfigurationError extends QQError {
  override readonly name = 'WebhookConfigurationError';
}
