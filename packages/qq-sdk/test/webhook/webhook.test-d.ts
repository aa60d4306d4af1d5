import type { RequestHandler } from 'express';
import type { Handler as HonoHandler } from 'hono';
import type { Middleware as KoaMiddleware } from 'koa';
import { describe, expectTypeOf, it } from 'vitest';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';
import {
  createNodeWebhookHandler,
  createWebhookHandler,
  expressWebhook,
  honoWebhook,
  koaWebhook,
  signWebhookPayload,
  verifyWebhookRequest,
  verifyWebhookSignature,
  WebhookReceiver,
  type FetchWebhookHandler,
  type VerifiedWebhookRequest,
  type WebhookEventSink,
  type WebhookHandlerOptions,
} from '../../src/webhook/index.js';

const dispatcher = new EventDispatcher();

describe('webhook public types', () => {
  it('keeps the documented sign/verify signatures', () => {
    expectTypeOf(signWebhookPayload).toEqualTypeOf<(secret: string, timestamp: string, body: string | Uint8Array) => Promise<string>>();
    expectTypeOf(verifyWebhookSignature).toEqualTypeOf<
      (secret: string, timestamp: string, body: string | Uint8Array, signatureHex: string) => Promise<boolean>
    >();
    expectTypeOf(verifyWebhookRequest).returns.toEqualTypeOf<Promise<VerifiedWebhookRequest>>();
  });

  it('accepts an EventDispatcher or a plain function as the sink', () => {
    expectTypeOf(dispatcher).toExtend<WebhookEventSink>();
    expectTypeOf<(envelope: { t: string }) => void>().toExtend<WebhookEventSink>();
    expectTypeOf<{ secret: string; dispatcher: EventDispatcher }>().toExtend<WebhookHandlerOptions>();
    expectTypeOf<{ bots: { appId: string; secret: string; dispatcher: EventDispatcher }[] }>().toExtend<WebhookHandlerOptions>();
  });

  it('requires an appId per bot on a shared endpoint and a literal true to skip verification', () => {
    expectTypeOf<{ bots: { secret: string; dispatcher: EventDispatcher }[] }>().not.toExtend<WebhookHandlerOptions>();
    expectTypeOf<{ secret: string; dispatcher: EventDispatcher; dangerouslySkipSignatureVerification: boolean }>().not.toExtend<WebhookHandlerOptions>();
    expectTypeOf<{ dispatcher: EventDispatcher }>().not.toExtend<WebhookHandlerOptions>();
  });

  it('fits each framework without depending on it', () => {
    const options = { secret: 's', dispatcher };
    expectTypeOf(createWebhookHandler(options)).toEqualTypeOf<FetchWebhookHandler>();
    expectTypeOf(createWebhookHandler(new WebhookReceiver(options))).toEqualTypeOf<FetchWebhookHandler>();
    expectTypeOf(expressWebhook(options)).toExtend<RequestHandler>();
    expectTypeOf(createNodeWebhookHandler(options)).toExtend<RequestHandler>();
    expectTypeOf(koaWebhook(options)).toExtend<KoaMiddleware>();
    expectTypeOf(honoWebhook(options)).toExtend<HonoHandler>();
  });
});
