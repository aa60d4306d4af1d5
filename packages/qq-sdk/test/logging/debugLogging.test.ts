import { afterEach, describe, expect, it, vi } from 'vitest';
import { QQBot, resolveLogger, type Logger } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Line {
  level: keyof Logger;
  text: string;
}

function capture(lines: Line[]): Logger {
  const log = (level: keyof Logger) => (message: string, context?: Record<string, unknown>) =>
    void lines.push({ level, text: `${message} ${JSON.stringify(context ?? {})}` });
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

describe('resolveLogger', () => {
  it('sends debug and info to the console when a level asks for them and no logger is given', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    resolveLogger(undefined, 'debug').debug('shown', { a: 1 });
    resolveLogger(undefined, 'info').info('shown too');
    resolveLogger(undefined, 'info').debug('below the level');
    resolveLogger(undefined).debug('quiet by default');
    resolveLogger(undefined).info('quiet by default');
    expect(debug.mock.calls).toEqual([['[qq-sdk] shown', { a: 1 }]]);
    expect(info.mock.calls).toEqual([['[qq-sdk] shown too', '']]);
  });

  it('keeps the level of a logger it resolved when another layer resolves it again', () => {
    const lines: Line[] = [];
    const bots = resolveLogger(capture(lines), 'debug');
    resolveLogger(bots).debug('passed on');
    resolveLogger(capture(lines)).debug('a user logger alone starts at info');
    expect(lines.map((line) => line.text)).toEqual(['passed on {}']);
  });
});

describe("logLevel: 'debug' on a running bot", () => {
  it('gives debug lines from the gateway, auth and REST layers, and none carries the secret or a token', async () => {
    const sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    cleanups.push(() => sim.close());
    const tokens = new Set<string>();
    const lines: Line[] = [];
    const bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logger: capture(lines),
      logLevel: 'debug',
      // Sees every token the bot is given, to look for it in the logs.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).startsWith(sim.tokenUrl)) {
          const body = (await response.clone().json()) as { access_token?: string };
          if (body.access_token) tokens.add(body.access_token);
        }
        return response;
      },
    });
    cleanups.push(() => bot.stop({ drainTimeoutMs: 0 }));
    bot.on('message', (msg) => msg.reply('pong'));
    await bot.start();
    const event = sim.inject('C2C_MESSAGE_CREATE', { content: 'ping' });
    await sim.waitFor(() => sim.messagesTo(event.data.author.user_openid ?? '').length === 1);
    sim.expireToken();
    sim.close(4009);
    await sim.waitFor(() => sim.resumes.some((resume) => resume.result.ok));
    const later = sim.inject('C2C_MESSAGE_CREATE', { content: 'again' });
    await sim.waitFor(() => sim.messagesTo(later.data.author.user_openid ?? '').length === 1);
    await bot.stop();

    const debug = lines.filter((line) => line.level === 'debug').map((line) => line.text);
    expect(debug.some((text) => text.includes('shardId') && text.includes('resuming session'))).toBe(true); // gateway
    expect(debug.some((text) => text.startsWith('access token refreshed'))).toBe(true); // auth
    expect(debug.some((text) => text.startsWith('request') && text.includes('"status":200'))).toBe(true); // REST
    expect(tokens.size).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line.text).not.toContain(sim.clientSecret);
      for (const token of tokens) expect(line.text).not.toContain(token);
    }
  });
});
