import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenManager } from '../../src/auth/TokenManager.js';
import { QQAbortError } from '../../src/errors/QQAbortError.js';
import { type QQApiError, QQAuthError } from '../../src/errors/QQApiError.js';
import type { Logger } from '../../src/logging/Logger.js';

const TOKEN_URL = 'https://api.bot.qq.com/app/getAppAccessToken';
const SECRET = 'super-secret-client-value';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

class FakeClock {
  current = 1_000_000;
  now(): number {
    return this.current;
  }
}

/** Serves tokens "t1", "t2", … and records each request body. */
function tokenEndpoint(expiresIn: string | number = '7200'): { calls: unknown[] } {
  const state = { calls: [] as unknown[] };
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      state.calls.push(await request.json());
      return HttpResponse.json({ access_token: `t${state.calls.length}`, expires_in: expiresIn });
    }),
  );
  return state;
}

describe('TokenManager', () => {
  it('fetches with appId + clientSecret and caches the token', async () => {
    const endpoint = tokenEndpoint();
    const tokens = new TokenManager({ appId: '102000000', clientSecret: SECRET });
    expect(await tokens.getAccessToken()).toBe('t1');
    expect(await tokens.getAccessToken()).toBe('t1');
    expect(endpoint.calls).toEqual([{ appId: '102000000', clientSecret: SECRET }]);
  });

  it.each([['7200'], [7200]])('parses expires_in %j and refreshes inside the window', async (expiresIn) => {
    const endpoint = tokenEndpoint(expiresIn);
    const clock = new FakeClock();
    const tokens = new TokenManager({ appId: '1', clientSecret: SECRET, clock, refreshWindowMs: 60_000 });
    expect(await tokens.getAccessToken()).toBe('t1');
    clock.current += (7200 - 61) * 1000; // just outside the window
    expect(await tokens.getAccessToken()).toBe('t1');
    clock.current += 2000; // now inside the last 60 s
    expect(await tokens.getAccessToken()).toBe('t2');
    expect(endpoint.calls).toHaveLength(2);
  });

  it('shares one in-flight refresh among 1,000 concurrent callers', async () => {
    const endpoint = tokenEndpoint();
    const tokens = new TokenManager({ appId: '1', clientSecret: SECRET });
    const results = await Promise.all(Array.from({ length: 1000 }, () => tokens.getAccessToken()));
    expect(new Set(results)).toEqual(new Set(['t1']));
    expect(endpoint.calls).toHaveLength(1);
  });

  it('fetches a new token after invalidate()', async () => {
    const endpoint = tokenEndpoint();
    const tokens = new TokenManager({ appId: '1', clientSecret: SECRET });
    expect(await tokens.getAccessToken()).toBe('t1');
    tokens.invalidate();
    expect(await tokens.getAccessToken()).toBe('t2');
    expect(endpoint.calls).toHaveLength(2);
  });

  it('keeps several apps apart', async () => {
    server.use(
      http.post(TOKEN_URL, async ({ request }) => {
        const { appId } = (await request.json()) as { appId: string };
        return HttpResponse.json({ access_token: `token-of-${appId}`, expires_in: 7200 });
      }),
    );
    const a = new TokenManager({ appId: 'A', clientSecret: SECRET });
    const b = new TokenManager({ appId: 'B', clientSecret: SECRET });
    expect(await Promise.all([a.getAccessToken(), b.getAccessToken()])).toEqual(['token-of-A', 'token-of-B']);
  });

  it('accepts a plain token source and single-flights it', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tokens = TokenManager.fromSource(
      async () => {
        calls += 1;
        await gate;
        return 'from-source';
      },
      { appId: '42' },
    );
    const pending = Promise.all([tokens.getAccessToken(), tokens.getAccessToken()]);
    release();
    expect(await pending).toEqual(['from-source', 'from-source']);
    expect(calls).toBe(1);
    expect(tokens.appId).toBe('42');
  });

  it('throws a typed auth error without the secret, and logs nothing secret', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ code: 100016, message: `invalid secret ${SECRET}` }, { headers: { 'X-Tps-trace-ID': 'tr-1' } })));
    const lines: string[] = [];
    const record = (message: string, context?: Record<string, unknown>): void => {
      lines.push(message + JSON.stringify(context ?? {}));
    };
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    const tokens = new TokenManager({ appId: '1', clientSecret: SECRET, logger });
    const error = await tokens.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QQAuthError);
    const apiError = error as QQApiError;
    expect(apiError.code).toBe(100016);
    expect(apiError.traceId).toBe('tr-1');
    expect(apiError.kind).toBe('auth');
    expect(apiError.retry).toBe('operator');
    const everything = `${apiError.message} ${JSON.stringify(apiError.body)} ${String(apiError.stack)} ${lines.join('\n')}`;
    expect(everything).not.toContain(SECRET);
    expect(apiError.message).toContain('[REDACTED]');
  });

  it('keeps serving the still-valid token when a refresh fails', async () => {
    tokenEndpoint();
    const clock = new FakeClock();
    const tokens = new TokenManager({ appId: '1', clientSecret: SECRET, clock, logger: { warn: () => {} } });
    expect(await tokens.getAccessToken()).toBe('t1');
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ code: 500 }, { status: 500 })));
    clock.current += (7200 - 30) * 1000;
    expect(await tokens.getAccessToken()).toBe('t1');
  });

  it('rejects a waiting caller on abort without cancelling the shared refresh', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.post(TOKEN_URL, async () => {
        await gate;
        return HttpResponse.json({ access_token: 'slow', expires_in: 7200 });
      }),
    );
    const tokens = new TokenManager({ appId: '1', clientSecret: SECRET });
    const controller = new AbortController();
    const aborted = tokens.getAccessToken(controller.signal);
    const other = tokens.getAccessToken();
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(QQAbortError);
    release();
    expect(await other).toBe('slow');
  });

  it('rejects malformed expires_in', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ access_token: 'x', expires_in: 'soon' })));
    const tokens = new TokenManager({ appId: '1', clientSecret: SECRET });
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(QQAuthError);
  });
});
