import { WebhookReceiver, type WebhookHandlerOptions } from './WebhookReceiver.js';

/** Accepts either ready-made receiver or its options. Internal. */
export function toReceiver(source: WebhookReceiver | WebhookHandlerOptions): WebhookReceiver {
  return source instanceof WebhookReceiver ? source : new WebhookReceiver(source);
}
