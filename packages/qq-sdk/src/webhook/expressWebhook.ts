import type { ServerResponse } from 'node:http';
import { createNodeWebhookHandler, type NodeWebhookRequest } from './createNodeWebhookHandler.js';
import type { WebhookSource } from './toReceiver.js';

/**
 * Express (4 and 5) middleware for QQ callbacks, typed structurally so the SDK does not depend on
 * Express. Mount it on its route before `express.json()` (or after `express.raw({ type: 'application/json' })`):
 * it needs the raw body to check the signature. Unexpected failures go to `next(error)`.
 *
 * @param options - A `QQBot` built with `webhook: { listen: false }`, the bot(s) and options, or a `WebhookReceiver` to share.
 * @returns An Express request handler.
 *
 * @example
 * ```ts
 * const app = express();
 * app.post('/qq/callback', expressWebhook({ appId, clientSecret, dispatcher }));
 * app.use(express.json()); // other routes may parse JSON; the webhook route above already answered
 * ```
 */
export function expressWebhook(options: WebhookSource): (req: NodeWebhookRequest, res: ServerResponse, next: (error?: unknown) => void) => void {
  const handler = createNodeWebhookHandler(options);
  return (req, res, next) => handler(req, res, next);
}
