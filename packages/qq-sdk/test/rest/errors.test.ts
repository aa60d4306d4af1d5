import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  QQApiError,
  QQAuthError,
  QQContentRejectedError,
  QQInvalidRequestError,
  QQNotFoundError,
  QQPermissionError,
  QQRateLimitError,
  QQReplyQuotaError,
  QQServerError,
} from '../../src/errors/QQApiError.js';
import type { QQApiErrorKind, RetryClass } from '../../src/errors/QQApiErrorKind.js';
import { QQError } from '../../src/errors/QQError.js';
import { describePlatformCode, knownPlatformCodes } from '../../src/errors/describePlatformCode.js';
import { API as SdkAPI } from '../../src/rest/API.js';
import { API, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Ctor = new (...args: never[]) => QQApiError;

const cases: [string, number, Record<string, unknown>, Ctor, QQApiErrorKind, RetryClass][] = [
  ['expired token (after one refresh)', 401, { code: 11244, message: 'token expired', trace_id: 'T' }, QQAuthError, 'auth', 'permanent'],
  ['rate limited', 429, { code: 20028, message: 'ChannelHitWriteRateLimit', trace_id: 'T' }, QQRateLimitError, 'rate_limit', 'retryable'],
  ['IP not allow-listed', 403, { message: 'ip not in whitelist', code: 11298, trace_id: 'T' }, QQPermissionError, 'permission', 'operator'],
  ['unknown channel', 404, { code: 10003, message: 'UnknownChannel', trace_id: 'T' }, QQNotFoundError, 'not_found', 'permanent'],
  ['URL not registered', 400, { code: 40054010, message: '不允许发送URL', trace_id: 'T' }, QQContentRejectedError, 'content_rejected', 'operator'],
  [
    'markdown not permitted',
    400,
    { err_code: 40034012, message: '不允许发送原生 markdown', trace_id: 'T' },
    QQContentRejectedError,
    'content_rejected',
    'operator',
  ],
  ['reply quota exhausted', 400, { code: 22009, message: 'msg limit exceed', trace_id: 'T' }, QQReplyQuotaError, 'reply_quota', 'permanent'],
  ['reply window expired', 400, { err_code: 40034005, message: '回复消息msg_id已过期', trace_id: 'T' }, QQReplyQuotaError, 'reply_quota', 'permanent'],
  ['duplicate msg_seq', 400, { code: 40054005, message: '消息被去重', trace_id: 'T' }, QQReplyQuotaError, 'reply_quota', 'permanent'],
  ['active messages refused', 400, { code: 40034102, message: '主动消息失败, 无权限', trace_id: 'T' }, QQReplyQuotaError, 'reply_quota', 'operator'],
  ['type/content mismatch', 400, { code: 22006, message: '消息类型与内容不匹配', trace_id: 'T' }, QQInvalidRequestError, 'invalid_request', 'permanent'],
  ['media download failed', 400, { code: 850026, message: 'MediaFileDownloadFailed', trace_id: 'T' }, QQInvalidRequestError, 'invalid_request', 'operator'],
  ['server failure', 500, { code: 50055001, message: '消息发送异常', trace_id: 'T' }, QQServerError, 'server', 'retryable'],
];

describe('error kinds from realistic platform bodies', () => {
  it.each(cases)('%s', async (_name, status, body, Ctor, kind, retry) => {
    useTokenEndpoint(server);
    server.use(http.post(`${API}/v2/groups/G/messages`, () => HttpResponse.json(body, { status, headers: { 'X-Tps-trace-ID': 'hdr-trace' } })));
    const api = new SdkAPI(makeClient({ maxRetries: 0 }));
    const error = (await api.messages.sendGroup('G', { msg_type: 0, content: 'x' }).catch((e: unknown) => e)) as QQApiError;
    expect(error).toBeInstanceOf(Ctor);
    expect(error).toBeInstanceOf(QQApiError);
    expect(error).toBeInstanceOf(QQError);
    expect(error.kind).toBe(kind);
    expect(error.retry).toBe(retry);
    expect(error.status).toBe(status);
    expect(error.code).toBe(body['code'] ?? body['err_code']);
    expect(error.platformMessage).toBe(body['message']);
    expect(error.traceId).toBe('hdr-trace');
    expect(error.method).toBe('POST');
    expect(error.route).toBe('/v2/groups/G/messages');
    expect(error.name).toBe(Ctor.name);
    expect(error.message).toContain(String(error.code));
    expect(error.message).toContain(error.explanation);
  });

  it('uses the body trace_id when the header is missing, and explains unknown codes', async () => {
    useTokenEndpoint(server);
    server.use(http.get(`${API}/users/@me`, () => HttpResponse.json({ code: 987654, message: 'brand new', trace_id: 'body-trace' }, { status: 418 })));
    const error = (await makeClient()
      .request({ method: 'GET', path: '/users/@me' })
      .catch((e: unknown) => e)) as QQApiError;
    expect(error.kind).toBe('unknown');
    expect(error.traceId).toBe('body-trace');
    expect(error.message).toContain('987654');
    expect(error.message).toContain('brand new');
    expect(error.message).toContain('error.html');
  });

  it('handles a non-JSON error body', async () => {
    useTokenEndpoint(server);
    server.use(http.get(`${API}/users/@me`, () => new HttpResponse('<html>bad gateway</html>', { status: 502 })));
    const error = (await makeClient({ maxRetries: 0 })
      .request({ method: 'GET', path: '/users/@me' })
      .catch((e: unknown) => e)) as QQApiError;
    expect(error).toBeInstanceOf(QQServerError);
    expect(error.code).toBeUndefined();
  });

  it('treats 202 audit responses as success', async () => {
    useTokenEndpoint(server);
    const body = { code: 304023, message: 'push message is waiting for audit now', data: { message_audit: { audit_id: 'A1' } } };
    server.use(http.post(`${API}/channels/C/messages`, () => HttpResponse.json(body, { status: 202 })));
    const res = await new SdkAPI(makeClient()).messages.sendChannel('C', { content: 'x' });
    expect(res.data?.message_audit?.audit_id).toBe('A1');
  });
});

describe('describePlatformCode', () => {
  it.each<[number, QQApiErrorKind, RetryClass]>([
    [11298, 'permission', 'operator'],
    [40034012, 'content_rejected', 'operator'],
    [40054010, 'content_rejected', 'operator'],
    [304003, 'content_rejected', 'operator'],
    [40034024, 'reply_quota', 'permanent'],
    [40034102, 'reply_quota', 'operator'],
    [40034128, 'reply_quota', 'permanent'],
    [22009, 'reply_quota', 'permanent'],
    [11244, 'auth', 'permanent'],
    [11255, 'auth', 'permanent'],
    [850019, 'invalid_request', 'permanent'],
    [850026, 'invalid_request', 'operator'],
    [304082, 'server', 'retryable'],
    [306011, 'invalid_request', 'permanent'],
    [306005, 'server', 'retryable'],
    [304046, 'reply_quota', 'permanent'],
    [1100308, 'rate_limit', 'retryable'],
  ])('%i → %s / %s', (code, kind, retry) => {
    const info = describePlatformCode(code);
    expect(info).toMatchObject({ code, kind, retry, known: true });
    expect(info.explanation.length).toBeGreaterThan(10);
  });

  it('falls back to the HTTP status for unknown codes', () => {
    expect(describePlatformCode(1, 503)).toMatchObject({ kind: 'server', retry: 'retryable', known: false });
    expect(describePlatformCode(1, 404)).toMatchObject({ kind: 'not_found', known: false });
    expect(describePlatformCode(1)).toMatchObject({ kind: 'unknown', known: false });
  });

  it('every known code has an explanation ending with a full stop', () => {
    for (const code of knownPlatformCodes()) expect(describePlatformCode(code).explanation).toMatch(/\.$/);
    expect(knownPlatformCodes().length).toBeGreaterThan(80);
  });
});
