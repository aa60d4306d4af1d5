import type { IncomingMessage, ServerResponse } from 'node:http';
import { botNotRunning, type WebhookResponse } from './WebhookReceiver.js';
import { readNodeBody } from './readNodeBody.js';
import { receiverLookup, type WebhookSource } from './toReceiver.js';
import { WebhookConfigurationError } from './WebhookConfigurationError.js';

/**
 * A Node request as the handler reads it: `node:http`'s `IncomingMessage`, optionally with a body
 * a framework already read as raw bytes or text (Express `express.raw()`, Fastify's buffer parser).
 */
export type NodeWebhookRequest = IncomingMessage & { body?: unknown };

/**
 * A `node:http` request listener that is also Express/Connect middleware: `next(error)` is called
 * only if something unexpected fails.
 */
export type NodeWebhookHandler = (req: NodeWebhookRequest, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** After a 413, at most this much more of the body is drained before the connection is cut. */
const MAX_DRAIN_BYTES = 8 * 1024 * 1024;

/** Writes a {@link WebhookResponse} to a Node response. Internal. */
export function writeNodeResponse(res: ServerResponse, response: WebhookResponse, close = false): void {
  res.writeHead(response.status, close ? { ...response.headers, connection: 'close' } : response.headers);
  res.end(response.body);
}

/** Discards the unread rest of a too-large body, cutting the connection if it goes on and on. Internal. */
export function drainOversized(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * Creates a `node:http` request handler for QQ callbacks. It reads the raw body itself (with the
 * size limit), or uses a raw body an upstream parser left in `req.body`; mount it before any
 * JSON body parser, since a re-serialised body can no longer be verified.
 *
 * Works as `http.createServer(handler)`, as Express middleware (`app.post('/qq', handler)`) and
 * under Fastify with a buffer content-type parser (`handler(Object.assign(request.raw, { body: request.body }), reply.raw)`).
 *
 * @param options - A `QQBot` built with `webhook: { listen: false }`, the bot(s) and options, or a `WebhookReceiver` to share.
 * @returns `(req, res, next?) => void`.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * const server = createServer(createNodeWebhookHandler({ appId, clientSecret, dispatcher }));
 * server.listen(8080);
 * ```
 */
export function createNodeWebhookHandler(options: WebhookSource): NodeWebhookHandler {
  const lookup = receiverLookup(options);
  const run = async (req: NodeWebhookRequest, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const receiver = lookup();
    if (receiver === undefined) {
      writeNodeResponse(res, botNotRunning());
      req.resume();
      return;
    }
    const early = receiver.precheck(method, req.headers);
    if (early) {
      writeNodeResponse(res, early, early.status === 413);
      if (early.status === 413) drainOversized(req);
      else req.resume();
      return;
    }
    const read = await readNodeBody(req, receiver.maxBodyBytes, req.body);
    switch (read.kind) {
      case 'ok':
        writeNodeResponse(res, await receiver.handle({ method, headers: req.headers, body: read.body }));
        return;
      case 'too_large':
        writeNodeResponse(res, receiver.tooLarge(), true);
        drainOversized(req);
        return;
      case 'consumed':
        throw new WebhookConfigurationError(
          'The request body was already parsed by another middleware, so its signature cannot be checked: mount the QQ webhook handler before JSON body parsers, or use express.raw({ type: "application/json" }).',
        );
      case 'aborted':
        res.destroy();
        return;
    }
  };
  return (req, res, next) => {
    run(req, res).catch((error: unknown) => {
      if (next) {
        next(error);
        return;
      }
      if (!res.headersSent) {
        writeNodeResponse(res, {
          status: 500,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ error: 'internal_error', message: error instanceof Error ? error.message : 'failed' }),
        });
      } else res.destroy();
    });
  };
}
