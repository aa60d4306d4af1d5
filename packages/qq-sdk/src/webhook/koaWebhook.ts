import type { IncomingMessage } from 'node:http';
import { drainOversized } from './createNodeWebhookHandler.js';
import { readNodeBody } from './readNodeBody.js';
import { botNotRunning, type WebhookResponse } from './WebhookReceiver.js';
import { receiverLookup, type WebhookSource } from './toReceiver.js';
import { WebhookConfigurationError } from './WebhookConfigurationError.js';

/** The parts of a Koa context the webhook middleware uses (structural: no dependency on Koa). */
export interface KoaWebhookContext {
  /** The HTTP method. */
  readonly method: string;
  /** Node's request: headers and the raw body stream. */
  readonly req: IncomingMessage;
  /** Koa's request; a body parser (`koa-bodyparser`) may have left the raw text in `rawBody`. */
  readonly request: object;
  /** Response status. */
  status: number;
  /** Response body. */
  body: unknown;
  /** Sets response headers. */
  set(headers: Record<string, string>): void;
}

/**
 * Koa (2 and 3) middleware for QQ callbacks. It answers every request it receives, so mount it on
 * the callback path (with a router, or a path check). It reads the raw body from `ctx.req`, or
 * uses `ctx.request.rawBody` if `koa-bodyparser` ran first.
 *
 * @param options - A `QQBot` built with `webhook: { listen: false }`, the bot(s) and options, or a `WebhookReceiver` to share.
 * @returns `async (ctx) => void`, usable as Koa middleware.
 *
 * @example
 * ```ts
 * const qq = koaWebhook({ appId, clientSecret, dispatcher });
 * app.use((ctx, next) => (ctx.path === '/qq/callback' ? qq(ctx) : next()));
 * ```
 */
export function koaWebhook(options: WebhookSource): (ctx: KoaWebhookContext) => Promise<void> {
  const lookup = receiverLookup(options);
  const send = (ctx: KoaWebhookContext, response: WebhookResponse): void => {
    ctx.status = response.status;
    ctx.set(response.headers);
    ctx.body = response.body;
  };
  return async (ctx) => {
    const receiver = lookup();
    if (receiver === undefined) {
      ctx.req.resume();
      send(ctx, botNotRunning());
      return;
    }
    const headers = ctx.req.headers;
    const early = receiver.precheck(ctx.method, headers);
    if (early) {
      if (early.status === 413) drainOversized(ctx.req);
      send(ctx, early);
      return;
    }
    const { rawBody } = ctx.request as { rawBody?: unknown };
    const read = await readNodeBody(ctx.req, receiver.maxBodyBytes, rawBody);
    if (read.kind === 'ok') {
      send(ctx, await receiver.handle({ method: ctx.method, headers, body: read.body }));
    } else if (read.kind === 'too_large') {
      drainOversized(ctx.req);
      send(ctx, receiver.tooLarge());
    } else if (read.kind === 'consumed') {
      throw new WebhookConfigurationError(
        'The request body was already parsed into an object, so its signature cannot be checked: mount koaWebhook before body parsers, or keep rawBody.',
      );
    }
  };
}
