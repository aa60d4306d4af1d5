import { concatBytes } from '../internal/bytes.js';
import { botNotRunning, type WebhookHandleContext, type WebhookReceiver, type WebhookResponse } from './WebhookReceiver.js';
import { receiverLookup, type WebhookSource } from './toReceiver.js';

/** A fetch-style webhook handler: standard `Request` in, `Response` out. */
export type FetchWebhookHandler = (request: Request, context?: WebhookHandleContext) => Promise<Response>;

/** Reads a fetch body up to `limit` bytes; `undefined` if it is larger (the rest is not read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}

async function answer(receiver: WebhookReceiver | undefined, request: Request, context: WebhookHandleContext | undefined): Promise<WebhookResponse> {
  if (receiver === undefined) {
    await request.body?.cancel();
    return botNotRunning();
  }
  const early = receiver.precheck(request.method, request.headers);
  if (early) return early;
  const body = await readLimited(request, receiver.maxBodyBytes);
  return body ? await receiver.handle({ method: request.method, headers: request.headers, body }, context) : receiver.tooLarge();
}

/**
 * Creates the runtime-neutral webhook handler for fetch-style servers: Hono, Bun, Deno,
 * Cloudflare Workers, Next.js route handlers. It answers op 13 validation requests, acknowledges
 * dispatches with op 12 at once and hands them to the bot's dispatcher in the background.
 *
 * @param options - A `QQBot` built with `webhook: { listen: false }`, the bot(s) and options, or a `WebhookReceiver` to share.
 * @returns `(request, context?) => Promise<Response>`; pass `{ waitUntil }` where the runtime has it.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 *
 * @example
 * ```ts
 * const handler = createWebhookHandler({ appId, clientSecret, dispatcher });
 * Bun.serve({ port: 8443, fetch: (request) => handler(request) });
 * // Cloudflare: export default { fetch: (request, env, ctx) => handler(request, ctx) };
 * ```
 */
export function createWebhookHandler(options: WebhookSource): FetchWebhookHandler {
  const lookup = receiverLookup(options);
  return async (request, context) => {
    const result = await answer(lookup(), request, context);
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}
