// The one redaction rule, checked where a secret could leave the SDK: every printed line (a user
// logger at debug, and the console when only logLevel is set) and every error in every printed
// form, across failures whose server answers echo the AppSecret or a live token.
import { format, inspect } from 'node:util';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TokenManager } from '../../src/auth/TokenManager.js';
import { QQApiError, QQError, resolveLogger, type Logger } from '../../src/index.js';
import { redactSecrets } from '../../src/entries/errors.js';
import { RestClient } from '../../src/entries/rest.js';
import { GatewayShard, MemorySessionStore } from '../../src/gateway/index.js';
import { WebhookReceiver } from '../../src/webhook/index.js';
import { ScriptedGateway, send } from '../gateway/ScriptedGateway.js';

const APP_ID = '102000000';
const SECRET = 'app-secret-7f3a9c1e5b';
const TOKEN = 'live-token-4a7c2e9f1b3d5a7c9e';
const ROTATED_TOKEN = 'rotated-token-8b6d4f2a0c1e3';
const API = 'https://api.bot.qq.com';
const TOKEN_URL = 'https://api.bot.qq.com/app/getAppAccessToken';
const SECRETS = [SECRET, TOKEN, ROTATED_TOKEN];
// Failures stay on the mocked hosts: nothing may go out to a real one.
const NO_FALLBACK = { apiFallbackUrls: [], tokenFallbackUrls: [] } as const;

/** Every line a logger or the console was given, as it would be printed. */
const printed: string[] = [];

function capture(): Logger {
  const line = (level: string) => (message: string, context?: Record<string, unknown>) =>
    void printed.push(`${level} ${message} ${context === undefined ? '' : `${JSON.stringify(context)} ${inspect(context, { depth: 10 })}`}`);
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/** Every way an error gets printed or serialized. */
function renderings(error: unknown): string[] {
  const out = [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), format('%o', error), format('%s', error)];
  if (error instanceof Error) {
    out.push(error.message, error.stack ?? '');
    if (error.cause !== undefined) out.push(inspect(error.cause, { depth: 10 }), JSON.stringify(error.cause) ?? '');
  }
  if (error instanceof QQApiError) out.push(JSON.stringify(error.body) ?? '', error.traceId ?? '', error.platformMessage ?? '', error.route);
  return out;
}

function expectNoSecret(texts: readonly string[]): void {
  for (const text of texts) {
    for (const secret of SECRETS) expect(text, `leaked ${secret}`).not.toContain(secret);
  }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

const server = setupServer();
let consoleLines: ReturnType<typeof vi.spyOn>[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => {
  server.resetHandlers();
  const lines = [...printed.splice(0), ...consoleLines.flatMap((spy) => spy.mock.calls.map((args: unknown[]) => format(...args)))];
  vi.restoreAllMocks();
  consoleLines = [];
  expectNoSecret(lines);
});
afterAll(() => server.close());

function tokenOk(): void {
  server.use(http.post(TOKEN_URL, () => HttpResponse.json({ access_token: TOKEN, expires_in: 7200 })));
}

function restClient(options: { console?: boolean; timeoutMs?: number } = {}): RestClient {
  return new RestClient(
    { appId: APP_ID, clientSecret: SECRET },
    { ...(options.console ? {} : { logger: capture() }), logLevel: 'debug', maxRetries: 0, timeoutMs: options.timeoutMs ?? 5000, ...NO_FALLBACK },
  );
}

describe('errors and logs never carry the AppSecret or a token the SDK has seen', () => {
  const tokenAnswers: Array<[string, () => Response]> = [
    ['expires_in "soon"', () => HttpResponse.json({ access_token: TOKEN, expires_in: 'soon' })],
    ['expires_in 0', () => HttpResponse.json({ access_token: TOKEN, expires_in: 0 })],
    ['no expires_in', () => HttpResponse.json({ access_token: TOKEN })],
    ['401 echoing the secret', () => HttpResponse.json({ code: 100016, message: `invalid clientSecret ${SECRET}` }, { status: 401 })],
    [
      '500 with a trace id echoing the token',
      () => HttpResponse.json({ message: `internal: QQBot ${TOKEN}` }, { status: 500, headers: { 'x-tps-trace-id': `trace-${TOKEN}` } }),
    ],
  ];
  for (const [name, answer] of tokenAnswers) {
    it(`token endpoint: ${name}`, async () => {
      // The live token is seen first by a good answer, then echoed by a bad one.
      server.use(http.post(TOKEN_URL, () => HttpResponse.json({ access_token: TOKEN, expires_in: 7200 }), { once: true }));
      const tokens = new TokenManager({
        appId: APP_ID,
        clientSecret: SECRET,
        logger: resolveLogger(capture(), 'debug'),
        refreshWindowMs: 7_200_000,
        tokenFallbackUrls: [],
      });
      await tokens.getAccessToken();
      server.use(http.post(TOKEN_URL, answer));
      tokens.invalidate();
      const error = await failure(tokens.getAccessToken());
      expect(error).toBeInstanceOf(QQApiError);
      expectNoSecret(renderings(error));
    });
  }

  const apiAnswers: Array<[string, () => Response | Promise<Response>]> = [
    ['401 echoing the Authorization header', () => HttpResponse.json({ code: 11244, message: `token QQBot ${TOKEN} expired` }, { status: 401 })],
    [
      '500 echoing the token in body and trace id',
      () => HttpResponse.json({ code: 500000, token: TOKEN }, { status: 500, headers: { 'x-tps-trace-id': TOKEN } }),
    ],
    ['400 with an access_token field', () => HttpResponse.json({ code: 40034024, message: 'bad', access_token: 'never-seen-before-9f8e7d' }, { status: 400 })],
  ];
  for (const [name, answer] of apiAnswers) {
    it(`REST: ${name}`, async () => {
      tokenOk();
      server.use(http.get(`${API}/users/@me`, answer));
      const error = await failure(restClient().request({ method: 'GET', path: '/users/@me' }));
      expect(error).toBeInstanceOf(QQApiError);
      expectNoSecret(renderings(error));
      // The body's access_token field is a secret by its name, even a token the SDK never saw.
      expect(renderings(error).join('\n')).not.toContain('never-seen-before-9f8e7d');
    });
  }

  it('REST: a timeout, with debug lines on the console', async () => {
    consoleLines = (['debug', 'info', 'warn', 'error', 'log'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
    tokenOk();
    server.use(http.get(`${API}/users/@me`, async () => delay(500)));
    const error = await failure(restClient({ console: true, timeoutMs: 50 }).request({ method: 'GET', path: '/users/@me' }));
    expect(error).toBeInstanceOf(QQError);
    expectNoSecret(renderings(error));
    expect(consoleLines.some((spy) => spy.mock.calls.length > 0)).toBe(true);
  });

  it('REST: a network error whose text echoes the token keeps its cause, redacted', async () => {
    tokenOk();
    const rest = new RestClient(
      { appId: APP_ID, clientSecret: SECRET },
      {
        logger: capture(),
        logLevel: 'debug',
        maxRetries: 0,
        ...NO_FALLBACK,
        fetch: async (input, init) => {
          if (String(input).startsWith(TOKEN_URL)) return fetch(input, init);
          throw new TypeError(`fetch failed: proxy refused Authorization: QQBot ${TOKEN}`, { cause: new Error(`socket hang up (${ROTATED_TOKEN})`) });
        },
      },
    );
    await rememberRotatedToken();
    const error = await failure(rest.request({ method: 'GET', path: '/users/@me' }));
    expect(error).toBeInstanceOf(QQError);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(inspect(error, { depth: 10 })).toContain('fetch failed: proxy refused');
    expectNoSecret(renderings(error));
  });

  it('a token from a provider of your own is hidden once the SDK has used it', async () => {
    server.use(http.get(`${API}/users/@me`, () => HttpResponse.json({ message: `bad ${ROTATED_TOKEN}` }, { status: 500 })));
    const rest = new RestClient(
      { token: TokenManager.fromSource(() => Promise.resolve(ROTATED_TOKEN)) },
      { logger: capture(), logLevel: 'debug', maxRetries: 0, ...NO_FALLBACK },
    );
    expectNoSecret(renderings(await failure(rest.request({ method: 'GET', path: '/users/@me' }))));
  });

  it('a gateway close reason echoing the token, fatal or not, in events, errors and logs', async () => {
    const gateway = await ScriptedGateway.start();
    gateway.onConnection((socket) => send(socket, { op: 10, d: { heartbeat_interval: 60_000 } }));
    gateway.onFrame((frame, socket) => {
      if (frame.op === 2) socket.close(4914, `bot offline, token QQBot ${TOKEN} secret ${SECRET}`);
    });
    rememberAppSecret();
    const shard = new GatewayShard({
      shardId: 0,
      shardCount: 1,
      url: gateway.url,
      intents: 1 << 25,
      getAccessToken: () => Promise.resolve(TOKEN),
      dispatcher: { dispatch: () => undefined },
      sessionStore: new MemorySessionStore(),
      logger: resolveLogger(capture(), 'debug'),
    });
    const events: unknown[] = [];
    shard.on('close', (event) => void events.push(event));
    shard.on('debug', (line) => void events.push(line));
    const errors: unknown[] = [];
    shard.on('error', (error) => void errors.push(error));
    try {
      await shard.connect().catch((error: unknown) => void errors.push(error));
      await until(() => errors.length > 0);
    } finally {
      await shard.destroy();
      await gateway.close();
    }
    expect(events.length).toBeGreaterThan(0);
    expectNoSecret(events.map((event) => inspect(event, { depth: 10 })));
    expectNoSecret(errors.flatMap(renderings));
  });

  it('webhook failures log no secret, whatever the request carries', async () => {
    const receiver = new WebhookReceiver({ appId: APP_ID, secret: SECRET, dispatcher: { dispatch: () => undefined }, logger: capture(), logLevel: 'debug' });
    const bodies = [`{"op":0,"t":"X","d":{"token":"${SECRET}"}`, JSON.stringify({ op: 13, d: { plain_token: SECRET, event_ts: '1' } })];
    for (const body of bodies) {
      const response = await receiver.handle({
        method: 'POST',
        headers: { 'x-signature-ed25519': 'ab'.repeat(64), 'x-signature-timestamp': '1', 'x-bot-appid': APP_ID, authorization: `QQBot ${TOKEN}` },
        body,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('keeps what the user needs: code, trace id and what to do', async () => {
    tokenOk();
    server.use(
      http.get(`${API}/users/@me`, () =>
        HttpResponse.json({ code: 11244, message: 'token expired' }, { status: 401, headers: { 'x-tps-trace-id': 'trace-abc-123' } }),
      ),
    );
    const error = (await failure(restClient().request({ method: 'GET', path: '/users/@me' }))) as QQApiError;
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'QQAuthError', code: 11244, traceId: 'trace-abc-123', status: 401 });
    expect(json['message']).toContain('trace-abc-123');
    expect(json['explanation']).toEqual(expect.any(String));
  });

  it('redactSecrets applies the same rule to text of yours, and leaves prose alone', () => {
    expect(redactSecrets(`proxy said: QQBot ${TOKEN}; Bot ${APP_ID}.abcdef123456; QQBot instance started`)).toBe(
      'proxy said: QQBot [REDACTED]; Bot [REDACTED]; QQBot instance started',
    );
    expect(redactSecrets('a custom value 0123', ['custom'])).toBe('a [REDACTED] value 0123');
  });
});

/** The SDK has seen the rotated token (as the previous token of a long-running bot). */
async function rememberRotatedToken(): Promise<void> {
  await TokenManager.fromSource(() => Promise.resolve(ROTATED_TOKEN)).getAccessToken();
}

function rememberAppSecret(): void {
  new TokenManager({ appId: APP_ID, clientSecret: SECRET });
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
