// The code of docs/webhook.md, type-checked so the guide cannot drift from the API.
import http from 'node:http';
import express from 'express';
import { Hono } from 'hono';
import Koa from 'koa';
import { describe, expectTypeOf, it } from 'vitest';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';
import {
  answerWebhookValidation,
  createNodeWebhookHandler,
  createWebhookHandler,
  createWebhookServer,
  deriveWebhookPublicKey,
  expressWebhook,
  honoWebhook,
  koaWebhook,
  signWebhookPayload,
  verifyWebhookRequest,
  verifyWebhookSignature,
  WebhookReceiver,
  WebhookValidationRequestSchema,
  WebhookVerificationError,
  type WebhookValidationResponse,
  type WebhookVerificationFailure,
} from '../../src/webhook/index.js';

declare const appId: string;
declare const secret: string;
declare const oldSecret: string;
declare const rawBody: string;
declare const timestamp: string;
declare const headers: http.IncomingHttpHeaders;

describe('docs/webhook.md', () => {
  it('quick start', async () => {
    const events = new EventDispatcher();
    events.on('C2C_MESSAGE_CREATE', async (message, meta) => {
      expectTypeOf(meta.transport).toEqualTypeOf<'websocket' | 'webhook'>();
      expectTypeOf(message.content).toEqualTypeOf<string>();
    });
    const webhook = createWebhookServer({ appId, secret, dispatcher: events, path: '/qq/callback' });
    const { url } = await webhook.listen({ port: 8080, host: '0.0.0.0' });
    expectTypeOf(url).toEqualTypeOf<string>();
  });

  it('framework adapters', () => {
    const events = new EventDispatcher();
    const receiver = new WebhookReceiver({ appId, secret, dispatcher: events });
    http.createServer(createNodeWebhookHandler(receiver)).listen(8080);
    const app = express();
    app.post('/qq/callback', expressWebhook(receiver));
    const koa = new Koa();
    const qq = koaWebhook(receiver);
    koa.use((ctx, next) => (ctx.path === '/qq/callback' ? qq(ctx) : next()));
    const hono = new Hono();
    hono.post('/qq/callback', honoWebhook(receiver));
    const handle = createWebhookHandler(receiver);
    const worker = {
      fetch: (request: Request, _env: unknown, ctx: { waitUntil(p: Promise<unknown>): void }) => handle(request, ctx),
    };
    expectTypeOf(worker.fetch).returns.toEqualTypeOf<Promise<Response>>();
  });

  it('several bots, rotation, op 13, pure functions, debugging', async () => {
    const botA = { events: new EventDispatcher() };
    const botB = { events: new EventDispatcher() };
    new WebhookReceiver({
      bots: [
        { appId: '102000001', secret, dispatcher: botA.events },
        { appId: '102000002', secret: oldSecret, dispatcher: botB.events },
      ],
    });
    new WebhookReceiver({ appId, secret, additionalSecrets: [oldSecret], dispatcher: botA.events });
    const answer = await answerWebhookValidation(secret, WebhookValidationRequestSchema.parse(JSON.parse(rawBody)));
    expectTypeOf(answer).toEqualTypeOf<WebhookValidationResponse>();
    expectTypeOf(await deriveWebhookPublicKey(secret)).toEqualTypeOf<string>();
    const signature = await signWebhookPayload(secret, timestamp, rawBody);
    expectTypeOf(await verifyWebhookSignature(secret, timestamp, rawBody, signature)).toEqualTypeOf<boolean>();
    try {
      const verified = await verifyWebhookRequest(rawBody, headers, { secret, additionalSecrets: [oldSecret], toleranceSeconds: 300 });
      expectTypeOf(verified.secretIndex).toEqualTypeOf<number>();
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        expectTypeOf(error.reason).toEqualTypeOf<WebhookVerificationFailure>();
        expectTypeOf(error.status).toEqualTypeOf<number>();
      }
    }
    new WebhookReceiver({ secret, dispatcher: botA.events, dangerouslySkipSignatureVerification: true });
  });
});
