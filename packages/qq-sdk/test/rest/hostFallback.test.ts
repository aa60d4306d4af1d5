import { createServer } from 'node:net';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenManager } from '../../src/auth/TokenManager.js';
import { QQBot, type Logger } from '../../src/index.js';
import { PlatformHosts, RestClient } from '../../src/entries/rest.js';
import { QQSimulator } from '../../src/testing/index.js';
import { TEST_POLICY } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SECRET = 'client-secret-abcdef123456';

function recorder(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const noop = (): void => {};
  return {
    warnings,
    logger: { debug: noop, info: noop, error: noop, warn: (message, context) => void warnings.push(`${message} ${JSON.stringify(context)}`) },
  };
}

/** Serves a token on `url` and counts hits per host. */
function tokenAt(url: string, hits: string[]): void {
  server.use(
    http.post(url, ({ request }) => {
      hits.push(new URL(request.url).host);
      return HttpResponse.json({ access_token: 'tok-1', expires_in: 7200 });
    }),
  );
}

describe('the unified domain api.bot.qq.com, with a fallback to the old hosts', () => {
  it('uses api.bot.qq.com for REST and the token by default', async () => {
    const hits: string[] = [];
    tokenAt(PlatformHosts.tokenUrl, hits);
    server.use(http.get(`${PlatformHosts.api}/users/@me`, () => HttpResponse.json({ id: 'bot' })));
    const rest = new RestClient({ appId: '102000000', clientSecret: SECRET }, { retryPolicy: TEST_POLICY });
    expect(rest.apiBaseUrl).toBe('https://api.bot.qq.com');
    expect(await rest.request({ method: 'GET', path: '/users/@me' })).toEqual({ id: 'bot' });
    expect(hits).toEqual(['api.bot.qq.com']);
  });

  it('moves GET /gateway/bot to the old host on a 5xx, logs it once, and stays there', async () => {
    const hits: string[] = [];
    tokenAt(PlatformHosts.tokenUrl, hits);
    server.use(
      http.get(`${PlatformHosts.api}/gateway/bot`, () => HttpResponse.json({ message: 'internal' }, { status: 500 })),
      http.get(`${PlatformHosts.legacyApi}/gateway/bot`, () =>
        HttpResponse.json({
          url: 'wss://api.sgroup.qq.com/websocket',
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 1, max_concurrency: 1 },
        }),
      ),
      http.get(`${PlatformHosts.legacyApi}/users/@me`, () => HttpResponse.json({ id: 'bot' })),
    );
    const { logger, warnings } = recorder();
    const rest = new RestClient({ appId: '102000000', clientSecret: SECRET }, { retryPolicy: TEST_POLICY, logger, maxRetries: 0 });
    expect(await rest.request({ method: 'GET', path: '/gateway/bot' })).toMatchObject({ shards: 1 });
    expect(rest.apiBaseUrl).toBe('https://api.sgroup.qq.com');
    expect(await rest.request({ method: 'GET', path: '/users/@me' })).toEqual({ id: 'bot' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('api.bot.qq.com');
  });

  it('does not move hosts for a 5xx on other routes (the send may have happened)', async () => {
    const hits: string[] = [];
    tokenAt(PlatformHosts.tokenUrl, hits);
    server.use(http.post(`${PlatformHosts.api}/v2/groups/G1/messages`, () => HttpResponse.json({ code: 500000 }, { status: 500 })));
    const rest = new RestClient({ appId: '102000000', clientSecret: SECRET }, { retryPolicy: TEST_POLICY, maxRetries: 0 });
    await expect(rest.request({ method: 'POST', path: '/v2/groups/G1/messages', body: { msg_type: 0, content: 'x' } })).rejects.toMatchObject({ status: 500 });
    expect(rest.apiBaseUrl).toBe('https://api.bot.qq.com');
  });

  it('moves the token endpoint to bots.qq.com when the new one is not there (404) or down', async () => {
    for (const failure of [() => new HttpResponse(null, { status: 404 }), () => HttpResponse.error()]) {
      const hits: string[] = [];
      server.resetHandlers();
      server.use(http.post(PlatformHosts.tokenUrl, () => failure()));
      tokenAt(PlatformHosts.legacyTokenUrl, hits);
      const { logger, warnings } = recorder();
      const tokens = new TokenManager({ appId: '102000000', clientSecret: SECRET, logger });
      expect(await tokens.getAccessToken()).toBe('tok-1');
      tokens.invalidate();
      await tokens.getAccessToken();
      expect(hits).toEqual(['bots.qq.com', 'bots.qq.com']);
      expect(warnings).toHaveLength(1);
    }
  });

  it('never moves when the URLs are set explicitly (a simulator, a proxy)', async () => {
    server.use(http.post('https://proxy.internal/token', () => HttpResponse.json({ message: 'down' }, { status: 503 })));
    const tokens = new TokenManager({ appId: '102000000', clientSecret: SECRET, tokenUrl: 'https://proxy.internal/token' });
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ status: 503 });
  });

  it('the sandbox uses sandbox.api.bot.qq.com and falls back to sandbox.api.sgroup.qq.com', async () => {
    tokenAt(PlatformHosts.tokenUrl, []);
    server.use(
      http.get(`${PlatformHosts.sandboxApi}/users/@me`, () => HttpResponse.error()),
      http.get(`${PlatformHosts.legacySandboxApi}/users/@me`, () => HttpResponse.json({ id: 'sandbox-bot' })),
    );
    const rest = new RestClient(
      { appId: '102000000', clientSecret: SECRET },
      { retryPolicy: TEST_POLICY, sandbox: true, maxRetries: 0, logger: recorder().logger },
    );
    expect(rest.apiBaseUrl).toBe('https://sandbox.api.bot.qq.com');
    expect(await rest.request({ method: 'GET', path: '/users/@me' })).toEqual({ id: 'sandbox-bot' });
    expect(rest.apiBaseUrl).toBe('https://sandbox.api.sgroup.qq.com');
  });
});

describe('a bot whose preferred host refuses connections (real sockets on 127.0.0.1)', () => {
  it('connects through the fallback host and answers', async () => {
    server.close(); // real sockets only from here
    const dead = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    const { logger, warnings } = recorder();
    const bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: `http://127.0.0.1:${dead}`,
      apiFallbackUrls: [sim.url],
      tokenUrl: `http://127.0.0.1:${dead}/app/getAppAccessToken`,
      tokenFallbackUrls: [sim.tokenUrl],
      logger,
    });
    try {
      bot.on('message', (msg) => msg.reply('pong'));
      await bot.start();
      const event = sim.inject('C2C_MESSAGE_CREATE', { content: 'ping' });
      await sim.waitFor(() => sim.sentMessages.length === 1);
      expect(sim.sentMessages[0]).toMatchObject({ text: 'pong', msgId: event.data.id });
      expect(bot.rest.apiBaseUrl).toBe(sim.url);
      expect(warnings.filter((w) => w.includes('host failed'))).toHaveLength(2);
    } finally {
      await bot.stop();
      await sim.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
