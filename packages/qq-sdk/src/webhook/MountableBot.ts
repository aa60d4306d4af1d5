import type { WebhookReceiver } from './WebhookReceiver.js';

/**
 * A bot the webhook adapters can serve directly, e.g. `app.post('/qq/callback', expressWebhook(bot))`:
 * a `QQBot` built with `transport: 'webhook'` and `webhook: { listen: false }`. Its receiver exists
 * from `start()` to `stop()`; outside that the adapters answer 503, so the platform retries later.
 */
export interface MountableBot {
  /** The bot's receiver while it runs; `undefined` before `start()` and after `stop()`. */
  readonly webhookReceiver: WebhookReceiver | undefined;
  /**
   * Told by an adapter that it serves this bot's callbacks, so `start()` can refuse to open a
   * transport of its own as well.
   *
   * @internal
   */
  markWebhookMounted(): void;
}
