import type { WebhookHandleContext, WebhookHandlerOptions, WebhookReceiver } from './WebhookReceiver.js';
import { toReceiver } from './toReceiver.js';

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
  return Buffer.concat(chunks, size);
}

/**
 * Creates the runtime-neutral webhook handler for fetch-style servers: Hono, Bun, Deno,
 * Cloudflare Workers, Next.js route handlers. It answers op 13 validation requests, acknowledges
 * dispatches with op 12 at once and hands them to the bot's dispatcher in the background.
 *
 * @param options - The bot(s) and options, or a {@link WebhookReceiver} to share.
 * @returns `(request, context?) => Promise<Response>`; pass `{ waitUntil }` where the runtime has it.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 *
 * @example
 * ```ts
 * const handler = createWebhookHandler({ appId, secret, dispatcher });
 * Bun.serve({ port: 8443, fetch: (request) => handler(request) });
 * // Cloudflare: export default { fetch: (request, env, ctx) => handler(request, ctx) };
 * ```
 */
export function createWebhookHandler(options: WebhookReceiver | WebhookHandlerOptions): FetchWebhookHandler {
  const receiver = toReceiver(options);
  return async (request, context) => {
    const early = receiver.precheck(request.method, request.headers);
    let result = early;
    if (!result) {
      const body = await readLimited(request, receiver.maxBodyBytes);
      result = body
        ? await receiver.handle({ method: request.method, headers: request.headers, body }, context)
        : receiver.tooLarge();
    }
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}
