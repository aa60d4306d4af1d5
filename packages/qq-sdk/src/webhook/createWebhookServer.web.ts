import { notInWebBuild } from '../internal/notInWebBuild.js';

export { DefaultWebhookServerLimits } from './WebhookServerLimits.js';

/** The web build's stand-in: the runtime serves requests itself. @internal */
export function createWebhookServer(): never {
  throw notInWebBuild(
    'QQBot options',
    'webhook.listen',
    'set webhook: { listen: false } and serve the bot with createWebhookHandler(bot) from your fetch handler',
  );
}
