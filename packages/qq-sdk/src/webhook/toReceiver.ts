import type { MountableBot } from './MountableBot.js';
import { WebhookReceiver, type WebhookHandlerOptions } from './WebhookReceiver.js';

/** What every adapter accepts: a receiver to share, the options to build one, or a `QQBot`. */
export type WebhookSource = WebhookReceiver | WebhookHandlerOptions | MountableBot;

function isMountableBot(source: WebhookSource): source is MountableBot {
  return typeof (source as Partial<MountableBot>).markWebhookMounted === 'function';
}

/**
 * The receiver an adapter hands each request to: fixed for a receiver or options; for a bot, the
 * one it has while running (looked up per request, since `start()` creates it). Internal.
 */
export function receiverLookup(source: WebhookSource): () => WebhookReceiver | undefined {
  if (isMountableBot(source)) {
    source.markWebhookMounted();
    return () => source.webhookReceiver;
  }
  const receiver = toReceiver(source);
  return () => receiver;
}

/** A receiver from a receiver or its options, for the bot's own server. Internal. */
export function toReceiver(source: WebhookReceiver | WebhookHandlerOptions): WebhookReceiver {
  return source instanceof WebhookReceiver ? source : new WebhookReceiver(source);
}
