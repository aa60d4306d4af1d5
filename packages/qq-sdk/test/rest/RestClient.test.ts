import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenManager } from '../../src/auth/TokenManager.js';
import { QQAbortError } from '../../src/errors/QQAbortError.js';
import { type QQApiError, QQRateLimitError, QQServerError, QQInvalidRequestError } from '../../src/errors/QQApiError.js';
import { QQConnectionError } from '../../src/errors/QQConnectionError.js';
import { QQTimeoutError } from '../../src/errors/QQTimeoutError.js';
import type { RateLimitInfo } from '../../src/rest/RateLimitInfo.js';
import { getTraceId, RestClient, SANDBOX_API_BASE_URL } from '../../src/rest/RestClient.js';
import { DEFAULT_USER_AGENT } from '../../src/userAgent.js';
import { API, capture, makeClient, SECRET, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('RestClient requests', () => {
  it('sends auth, appid, accept, user-agent and JSON; captures the trace id', async () => {
    useTokenEndpoint(server);
    server.use(
      http.post(`${API}/v2/groups/G1/messages`, async ({ request }) => {
        expect(request.headers.get('authorization')).toBe('QQBot tok-1');
        expect(request.headers.get('x-union-appid')).toBe('102000000');
        expect(request.headers.get('accept')).toBe('application/json');
        expect(request.headers.get('user-agent')).toBe(DEFAULT_USER_AGENT);
        expect(request.headers.get('content-type')).toBe('application/json');
        expect(await request.json()).toEqual({ msg_type: 0, content: 'hi' });
        return HttpResponse.json({ id: 'M1', timestamp: 1 }, { headers: { 'X-Tps-trace-ID': 'trace-ok' } });
      }),
    );
    const rest = makeClient();
    const res = await rest.request<{ id: string }>({ method: 'POST', path: '/v2/groups/G1/messages', body: { msg_type: 0, content: 'hi' } });
    expect(res.id).toBe('M1');
    expect(getTraceId(res)).toBe('trace-ok');
    expect(JSON.stringify(res)).toBe('{"id":"M1","timestamp":1}');
  });

  it('adds the query string and uses the sandbox base URL', async () => {
    useTokenEndpoint(server);
    const seen: string[] = [];
    server.use(
      http.get(`${SANDBOX_API_BASE_URL}/users/@me/guilds`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json([]);
      }),
    );
    const rest = makeClient({ sandbox: true });
    expect(await rest.request({ method: 'GET', path: '/users/@me/guilds', query: { limit: 10, after: undefined } })).toEqual([]);
    expect(seen).toEqual(['?limit=10']);
  });

  it('keeps a query string written into the path, merged with query (query wins per key)', async () => {
    useTokenEndpoint(server);
    const seen: string[] = [];
    server.use(
      http.get(`${API}/users/@me/guilds`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json([]);
      }),
    );
    const rest = makeClient();
    await rest.request({ method: 'GET', path: '/users/@me/guilds?limit=5' });
    await rest.request({ method: 'GET', path: '/users/@me/guilds?limit=5&before=G9', query: { limit: 20 } });
    expect(seen).toEqual(['?limit=5', '?limit=20&before=G9']);
  });

  it('returns undefined for 204', async () => {
    useTokenEndpoint(server);
    capture(server, 'delete', '/v2/groups/G/messages/M', undefined, 204);
    expect(await makeClient().request({ method: 'DELETE', path: '/v2/groups/G/messages/M' })).toBeUndefined();
  });

  it('1,000 concurrent requests cause exactly one token request', async () => {
    const tokens = useTokenEndpoint(server);
    server.use(http.get(`${API}/channels/:id`, ({ params }) => HttpResponse.json({ id: params['id'] })));
    const rest = makeClient();
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => rest.request<{ id: string }>({ method: 'GET', path: `/channels/C${i}` })));
    expect(results[999]?.id).toBe('C999');
    expect(tokens.count).toBe(1);
  });

  it('accepts a TokenManager-like provider', async () => {
    capture(server, 'get', '/users/@me', { id: 'bot' });
    const rest = new RestClient({ token: TokenManager.fromSource(async () => 'static', { appId: '7' }) });
    const seen = capture(server, 'get', '/users/@me', { id: 'bot' });
    await rest.request({ method: 'GET', path: '/users/@me' });
    expect(seen[0]?.headers.get('authorization')).toBe('QQBot static');
    expect(seen[0]?.headers.get('x-union-appid')).toBe('7');
  });
});

describe('RestClient retries', () => {
  it('retries 429 after retry-after and emits rateLimited', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.get(`${API}/users/@me`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ code: 0, message: 'too many' }, { status: 429, headers: { 'Retry-After': '0.02' } })
          : HttpResponse.json({ id: 'bot' });
      }),
    );
    const rest = makeClient();
    const events: RateLimitInfo[] = [];
    rest.on('rateLimited', (info) => events.push(info));
    const started = Date.now();
    expect(await rest.request({ method: 'GET', path: '/users/@me' })).toEqual({ id: 'bot' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(calls).toBe(2);
    expect(events[0]).toMatchObject({ route: 'GET /users/@me', retryAfterMs: 20, rejected: false });
  });

  it('retries 5xx up to maxRetries, then throws a server error', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.get(`${API}/users/@me`, () => {
        calls += 1;
        return HttpResponse.json({ code: 12003, message: 'bad' }, { status: 502 });
      }),
    );
    const error = await makeClient({ maxRetries: 3 })
      .request({ method: 'GET', path: '/users/@me' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QQServerError);
    expect(calls).toBe(4);
  });

  it('per-call maxRetries overrides the client', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.get(`${API}/users/@me`, () => {
        calls += 1;
        return new HttpResponse('oops', { status: 500 });
      }),
    );
    await expect(makeClient({ maxRetries: 5 }).request({ method: 'GET', path: '/users/@me', maxRetries: 0 })).rejects.toBeInstanceOf(QQServerError);
    expect(calls).toBe(1);
  });

  it('retries network errors', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.get(`${API}/users/@me`, () => {
        calls += 1;
        return calls < 3 ? HttpResponse.error() : HttpResponse.json({ id: 'bot' });
      }),
    );
    expect(await makeClient().request({ method: 'GET', path: '/users/@me' })).toEqual({ id: 'bot' });
    expect(calls).toBe(3);
  });

  it('gives up on network errors with a connection error', async () => {
    useTokenEndpoint(server);
    server.use(http.get(`${API}/users/@me`, () => HttpResponse.error()));
    await expect(makeClient({ maxRetries: 1 }).request({ method: 'GET', path: '/users/@me' })).rejects.toBeInstanceOf(QQConnectionError);
  });

  it('does not retry 4xx', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.post(`${API}/v2/groups/G/messages`, () => {
        calls += 1;
        return HttpResponse.json({ code: 22006, message: '消息类型与内容不匹配', trace_id: 'T' }, { status: 400 });
      }),
    );
    const error = await makeClient()
      .request({ method: 'POST', path: '/v2/groups/G/messages', body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QQInvalidRequestError);
    expect(calls).toBe(1);
  });

  it('does not retry a 5xx whose code is permanent', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.post(`${API}/v2/groups/G/messages`, () => {
        calls += 1;
        return HttpResponse.json({ code: 40054005, message: '消息被去重' }, { status: 500 });
      }),
    );
    await expect(makeClient().request({ method: 'POST', path: '/v2/groups/G/messages', body: {} })).rejects.toMatchObject({ kind: 'reply_quota' });
    expect(calls).toBe(1);
  });

  it('refreshes the token once after 401 / 11244 and retries', async () => {
    const tokens = useTokenEndpoint(server);
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${API}/users/@me`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return seen.length === 1 ? HttpResponse.json({ code: 11244, message: 'token expired' }, { status: 401 }) : HttpResponse.json({ id: 'bot' });
      }),
    );
    expect(await makeClient({ maxRetries: 0 }).request({ method: 'GET', path: '/users/@me' })).toEqual({ id: 'bot' });
    expect(seen).toEqual(['QQBot tok-1', 'QQBot tok-2']);
    expect(tokens.count).toBe(2);
  });

  it('does not loop on a persistent auth error and never leaks the token or secret', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.get(`${API}/users/@me`, ({ request }) => {
        calls += 1;
        return HttpResponse.json({ code: 11243, message: `bad token ${request.headers.get('authorization')} ${SECRET}` }, { status: 401 });
      }),
    );
    const error = (await makeClient()
      .request({ method: 'GET', path: '/users/@me' })
      .catch((e: unknown) => e)) as QQApiError;
    expect(error.kind).toBe('auth');
    expect(calls).toBe(2);
    const text = `${error.message} ${JSON.stringify(error.body)}`;
    expect(text).not.toContain('tok-2');
    expect(text).not.toContain(SECRET);
  });

  it('times out a slow request with QQTimeoutError and does not retry a POST', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.post(`${API}/v2/users/U/messages`, async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
        return HttpResponse.json({});
      }),
    );
    await expect(makeClient({ timeoutMs: 30 }).request({ method: 'POST', path: '/v2/users/U/messages', body: {} })).rejects.toBeInstanceOf(QQTimeoutError);
    expect(calls).toBe(1);
  });

  it('aborts with QQAbortError', async () => {
    useTokenEndpoint(server);
    server.use(
      http.get(`${API}/users/@me`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = makeClient().request({ method: 'GET', path: '/users/@me', signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(QQAbortError);
  });
});

describe('RestClient route queues', () => {
  it('a rate-limited group does not stall another group', async () => {
    useTokenEndpoint(server);
    let busyCalls = 0;
    server.use(
      http.post(`${API}/v2/groups/BUSY/messages`, () => {
        busyCalls += 1;
        return busyCalls === 1
          ? HttpResponse.json({ message: 'limited' }, { status: 429, headers: { 'Retry-After': '0.3' } })
          : HttpResponse.json({ id: 'late' });
      }),
      http.post(`${API}/v2/groups/FREE/messages`, () => HttpResponse.json({ id: 'fast' })),
    );
    const rest = makeClient();
    const order: string[] = [];
    const busy = rest.request<{ id: string }>({ method: 'POST', path: '/v2/groups/BUSY/messages', body: {} }).then((r) => order.push(r.id));
    // Wait until BUSY is actually blocked, then send to FREE.
    await new Promise<void>((resolve) => rest.once('rateLimited', () => resolve()));
    const free = rest.request<{ id: string }>({ method: 'POST', path: '/v2/groups/FREE/messages', body: {} }).then((r) => order.push(r.id));
    await Promise.all([busy, free]);
    expect(order).toEqual(['fast', 'late']);
  });

  it('fails fast with rejectOnRateLimit and sends nothing while blocked', async () => {
    useTokenEndpoint(server);
    let calls = 0;
    server.use(
      http.post(`${API}/v2/groups/G/messages`, () => {
        calls += 1;
        return HttpResponse.json({ message: 'limited' }, { status: 429, headers: { 'Retry-After': '5' } });
      }),
    );
    const rest = makeClient({ rejectOnRateLimit: ['POST /v2/groups'] });
    const events: RateLimitInfo[] = [];
    rest.on('rateLimited', (info) => events.push(info));
    await expect(rest.request({ method: 'POST', path: '/v2/groups/G/messages', body: {} })).rejects.toBeInstanceOf(QQRateLimitError);
    const second = (await rest.request({ method: 'POST', path: '/v2/groups/G/messages', body: {} }).catch((e: unknown) => e)) as QQRateLimitError;
    expect(second).toBeInstanceOf(QQRateLimitError);
    expect(second.retryAfterMs).toBeGreaterThan(4000);
    expect(calls).toBe(1);
    expect(events.map((e) => e.rejected)).toEqual([true, true]);
    expect(events[0]?.bucket).toBe('POST /v2/groups/{group_openid}/messages|G');
  });

  it('runs requests of one bucket in order', async () => {
    useTokenEndpoint(server);
    const order: string[] = [];
    server.use(
      http.post(`${API}/channels/C/messages`, async ({ request }) => {
        const { content } = (await request.json()) as { content: string };
        // The first request is the slowest; order must still hold.
        await new Promise((resolve) => setTimeout(resolve, content === 'a' ? 40 : 1));
        order.push(content);
        return HttpResponse.json({ id: content });
      }),
    );
    const rest = makeClient();
    await Promise.all(['a', 'b', 'c'].map((content) => rest.request({ method: 'POST', path: '/channels/C/messages', body: { content } })));
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('RestClient token refresh under load', () => {
  it('many concurrent 401s cause a single token refresh', async () => {
    const tokens = useTokenEndpoint(server);
    server.use(
      http.get(`${API}/channels/:id`, async ({ request, params }) => {
        if (request.headers.get('authorization') !== 'QQBot tok-1') return HttpResponse.json({ id: params['id'] });
        // C0's 401 arrives first; the others arrive after the refresh has already completed.
        if (params['id'] !== 'C0') await new Promise((resolve) => setTimeout(resolve, 50));
        return HttpResponse.json({ code: 11244, message: 'token expired' }, { status: 401 });
      }),
    );
    const rest = makeClient();
    // All 50 start with tok-1, all get 401, and must share the one refresh to tok-2.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => rest.request<{ id: string }>({ method: 'GET', path: `/channels/C${i}` })));
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `C${i}`));
    expect(tokens.count).toBe(2);
  });
});
