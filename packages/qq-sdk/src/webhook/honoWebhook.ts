import { createWebhookHandler } from './createWebhookHandler.js';
import type { WebhookHandleContext } from './WebhookReceiver.js';
import type { WebhookSource } from './toReceiver.js';

/** The parts of a Hono context the webhook handler uses (structural: no dependency on Hono). */
export interface HonoWebhookContext {
  /** Hono's request wrapper; `raw` is the standard `Request`. */
  readonly req: { readonly raw: Request };
  /** Present on Workers-style runtimes; Hono throws when reading it elsewhere, which is handled. */
  readonly executionCtx?: WebhookHandleContext;
}

/**
 * A Hono handler for QQ callbacks: `app.post('/qq/callback', honoWebhook(options))`. On runtimes
 * with an execution context (Cloudflare Workers), the background dispatch is kept alive with
 * `waitUntil`.
 *
 * @param options - A `QQBot` built with `webhook: { listen: false }`, the bot(s) and options, or a `WebhookReceiver` to share.
 * @returns `(c) => Promise<Response>`.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.post('/qq/callback', honoWebhook({ appId, clientSecret, dispatcher }));
 * ```
 */
export function honoWebhook(options: WebhookSource): (c: HonoWebhookContext) => Promise<Response> {
  const handler = createWebhookHandler(options);
  return (c) => {
    let context: WebhookHandleContext | undefined;
    try {
      context = c.executionCtx;
    } catch {
      // Hono's getter throws outside Workers-style runtimes: there is no waitUntil to use.
      context = undefined;
    }
    return handler(c.req.raw, context);
  };
}
