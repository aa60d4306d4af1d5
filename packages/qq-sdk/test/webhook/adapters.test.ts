import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { createNodeWebhookHandler } from '../../src/webhook/createNodeWebhookHandler.js';
import { createWebhookHandler } from '../../src/webhook/createWebhookHandler.js';
import { createWebhookServer } from '../../src/webhook/createWebhookServer.js';
import { expressWebhook } from '../../src/webhook/expressWebhook.js';
import { honoWebhook } from '../../src/webhook/honoWebhook.js';
import { koaWebhook } from '../../src/webhook/koaWebhook.js';
import { WebhookReceiver } from '../../src/webhook/WebhookReceiver.js';
import { adapterSuite, type StartedServer } from './adapterSuite.js';
import { APP_ID, SECRET, dispatchBody, signedHeaders } from './helpers.js';

async function listen(server: Server, path: string): Promise<StartedServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

adapterSuite('createWebhookServer', async (options) => {
  const webhook = createWebhookServer({ ...options, path: '/qq/callback' });
  const { url } = await webhook.listen();
  return { url, close: () => webhook.close() };
});

adapterSuite('createWebhookServer(receiver)', async (options) => {
  const webhook = createWebhookServer(new WebhookReceiver(options), { path: '/shared' });
  expect(webhook.receiver.maxBodyBytes).toBe(options.maxBodyBytes);
  const { url } = await webhook.listen();
  expect(url).toMatch(/\/shared$/);
  return { url, close: () => webhook.close() };
});

adapterSuite('node:http', (options) => listen(createServer(createNodeWebhookHandler(options)), '/'));

adapterSuite('express', (options) => {
  const app = express();
  app.post('/qq', expressWebhook(options));
  // GET reaches the handler too, which answers 405.
  app.get('/qq', expressWebhook(options));
  return listen(createServer(app), '/qq');
});

adapterSuite('koa', (options) => {
  const app = new Koa();
  const qq = koaWebhook(options);
  app.use((ctx, next) => (ctx.path === '/qq' ? qq(ctx) : next()));
  return listen(createServer(app.callback()), '/qq');
});

adapterSuite('hono', async (options) => {
  const app = new Hono();
  app.all('/qq', honoWebhook(options));
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/qq`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
});

adapterSuite('fastify (buffer parser + node handler)', async (options) => {
  const app = Fastify();
  // The recipe from docs/webhook.md: keep JSON bodies as raw buffers, hand the raw request over.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 32 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  const qq = createNodeWebhookHandler(options);
  app.all('/qq', (request, reply) => {
    reply.hijack();
    qq(Object.assign(request.raw, { body: request.body }), reply.raw);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/qq`, close: () => app.close() };
});

adapterSuite('fetch handler (node:http bridge)', (options) => {
  const handler = createWebhookHandler(options);
  // A minimal Node → fetch bridge, like Bun/Deno do natively.
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      void handler(
        new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) }),
      ).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(await response.text());
      });
    });
  });
  return listen(server, '/');
});

describe('framework body parsers', () => {
  it('express: uses a raw body left by express.raw()', async () => {
    const envelopes: unknown[] = [];
    const app = express();
    app.post('/qq', express.raw({ type: 'application/json' }), expressWebhook({ appId: APP_ID, secret: SECRET, dispatcher: (e) => void envelopes.push(e) }));
    const server = await listen(createServer(app), '/qq');
    try {
      const body = dispatchBody('raw');
      const response = await fetch(server.url, {
        method: 'POST',
        headers: signedHeaders(body, { timestamp: String(Math.floor(Date.now() / 1000)) }),
        body,
      });
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('express: after express.json() the body cannot be verified, so the error goes to next() (500)', async () => {
    const envelopes: unknown[] = [];
    const errors: unknown[] = [];
    const app = express();
    app.use(express.json());
    app.post('/qq', expressWebhook({ appId: APP_ID, secret: SECRET, dispatcher: (e) => void envelopes.push(e) }));
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      errors.push(error);
      res.status(500).end();
    });
    const server = await listen(createServer(app), '/qq');
    try {
      const body = dispatchBody('parsed');
      const response = await fetch(server.url, {
        method: 'POST',
        headers: signedHeaders(body, { timestamp: String(Math.floor(Date.now() / 1000)) }),
        body,
      });
      expect(response.status).toBe(500);
      expect(String(errors[0])).toContain('before JSON body parsers');
      expect(envelopes).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('createWebhookServer answers 404 off its path', async () => {
    const webhook = createWebhookServer({ secret: SECRET, dispatcher: () => {}, path: '/qq' });
    const { url } = await webhook.listen();
    try {
      expect((await fetch(url.replace('/qq', '/other'), { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await webhook.close();
    }
  });
});
