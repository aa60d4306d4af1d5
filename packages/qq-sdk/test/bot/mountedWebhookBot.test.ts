import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, QQValidationError } from '../../src/index.js';
import { createNodeWebhookHandler, expressWebhook, honoWebhook, koaWebhook } from '../../src/webhook/index.js';
import { startBot } from './startBot.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Serves `server` on a free loopback port until the test ends. */
async function listen(server: Server, path: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

/** Each framework with the bot itself mounted on `/qq/callback`, as docs/webhook.md shows. */
const MOUNTS: Record<string, (bot: QQBot) => Promise<string>> = {
  express: (bot) => {
    const app = express();
    app.post('/qq/callback', expressWebhook(bot));
    app.use(express.json()); // other routes may parse JSON; the callback route answered already
    return listen(createServer(app), '/qq/callback');
  },
  koa: (bot) => {
    const app = new Koa();
    const qq = koaWebhook(bot);
    app.use((ctx, next) => (ctx.path === '/qq/callback' ? qq(ctx) : next()));
    return listen(createServer(app.callback()), '/qq/callback');
  },
  'hono (fetch handler)': async (bot) => {
    const app = new Hono();
    app.post('/qq/callback', honoWebhook(bot));
    const server = await new Promise<Server>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server));
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/qq/callback`;
  },
  'node:http': (bot) => listen(createServer(createNodeWebhookHandler(bot)), '/'),
};

async function mountedBot(transportOptions: Parameters<typeof startBot>[0]): Promise<Awaited<ReturnType<typeof startBot>>> {
  const started = await startBot(transportOptions);
  cleanups.push(started.stop);
  return started;
}

describe('a QQBot mounted in a web framework (webhook.listen false, adapter given the bot)', () => {
  for (const [framework, mount] of Object.entries(MOUNTS)) {
    it(`${framework}: answers 503 until start(), then serves callbacks whose messages msg.reply() answers, then 503 after stop()`, async () => {
      const { sim, bot } = await mountedBot({ transport: 'webhook', webhook: { listen: false } });
      bot.on('message', (msg) => msg.reply(`got ${msg.content}`));
      const url = await mount(bot);

      const early = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('5');
      expect(await early.json()).toMatchObject({ error: 'bot_not_running' });

      await bot.start();
      expect(bot.webhook).toBeUndefined(); // the bot opened no server of its own
      expect(await sim.validateWebhook(url)).toMatchObject({ valid: true });
      const delivery = await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: 'hello' });
      expect(delivery.acknowledged).toBe(true);
      const reply = await sim.waitFor(() => sim.sentMessages.find((sent) => sent.msgId === delivery.id || sent.text === 'got hello'));
      expect(reply).toMatchObject({ scene: 'c2c', text: 'got hello', passive: true, msgSeq: 1 });

      await bot.stop();
      expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(503);
    });
  }
});

describe('start() refuses a second intake next to a mounted adapter', () => {
  it('transport webhook with the bot listening itself: fails on webhook.listen before any request, opening nothing', async () => {
    const { sim, bot } = await mountedBot({ transport: 'webhook', webhook: { port: 0 } });
    let listened = false;
    bot.on('webhookListening', () => {
      listened = true;
    });
    expressWebhook(bot);
    const error = await bot.start().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(QQValidationError);
    expect((error as QQValidationError).field).toBe('webhook.listen');
    expect((error as Error).message).toContain('webhook: { listen: false }');
    expect(listened).toBe(false);
    expect(bot.webhook).toBeUndefined();
    expect(sim.tokenRequests).toBe(0);
  });

  it('the default websocket transport with an adapter mounted: fails on transport, opening no gateway', async () => {
    const { sim } = await mountedBot({ transport: 'webhook', webhook: { listen: false } });
    // Built for the gateway, then mounted by mistake.
    const gatewayBot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'silent',
    });
    koaWebhook(gatewayBot);
    const error = await gatewayBot.start().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(QQValidationError);
    expect((error as QQValidationError).field).toBe('transport');
    expect((error as Error).message).toContain("transport: 'webhook'");
    expect(gatewayBot.gateway).toBeUndefined();
    expect(sim.identifies).toHaveLength(0);
    expect(sim.tokenRequests).toBe(0);
  });
});
