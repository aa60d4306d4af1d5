import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { QQBot } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A forward HTTP proxy on 127.0.0.1 that records every request it relays. */
async function startForwardProxy(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '/');
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('QQBot proxy option', () => {
  it('sends the token request and REST calls through the proxy', async () => {
    const sim = await QQSimulator.start();
    cleanups.push(() => sim.close());
    const proxy = await startForwardProxy();
    const bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      transport: 'webhook',
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      proxy: proxy.url,
      logLevel: 'silent',
    });
    cleanups.push(() => bot.stop());
    let url = '';
    bot.on('webhookListening', (info) => {
      url = info.url;
    });
    bot.on('message', (msg) => msg.reply('via proxy'));
    await bot.start();
    await sim.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { content: ' hi' });
    await sim.waitFor(() => sim.sentMessages.length > 0);
    expect(proxy.seen).toContain(`POST ${sim.tokenUrl}`);
    expect(proxy.seen.some((line) => line.startsWith(`POST ${sim.url}/v2/groups/`))).toBe(true);
    expect(sim.tokenRequests).toBe(1);
  });
});
