import { describe, expect, it } from 'vitest';
import { computeRetryDelay, parseRetryAfter, RetryPolicies } from '../../src/rest/RetryPolicy.js';
import { resolveRoute } from '../../src/rest/resolveRoute.js';

describe('resolveRoute', () => {
  it.each([
    ['POST', '/v2/groups/ABC/messages', 'POST /v2/groups/{group_openid}/messages', 'ABC'],
    ['POST', '/v2/users/U1/files', 'POST /v2/users/{openid}/files', 'U1'],
    ['DELETE', '/channels/C1/messages/M1', 'DELETE /channels/{channel_id}/messages/{message_id}', 'C1'],
    ['GET', '/users/@me/guilds', 'GET /users/@me/guilds', ''],
    ['PUT', '/channels/C1/messages/M1/reactions/1/4', 'PUT /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}', 'C1'],
    ['GET', '/guilds/G1/roles/R1/members', 'GET /guilds/{guild_id}/roles/{role_id}/members', 'G1'],
  ])('%s %s', (method, path, route, major) => {
    const info = resolveRoute(method, path);
    expect(info.route).toBe(route);
    expect(info.majorId).toBe(major);
    expect(info.bucket).toBe(major ? `${route}|${major}` : route);
  });

  it('keeps a given route template but still finds the major id', () => {
    expect(resolveRoute('POST', '/dms/D1/messages', 'POST /dms/{guild_id}/messages').bucket).toBe('POST /dms/{guild_id}/messages|D1');
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, capped', () => {
    const p = RetryPolicies.default;
    expect(computeRetryDelay(p, 0, undefined, () => 0)).toBe(500);
    expect(computeRetryDelay(p, 1, undefined, () => 0)).toBe(1000);
    expect(computeRetryDelay(p, 10, undefined, () => 0)).toBe(8000);
    expect(computeRetryDelay(p, 0, undefined, () => 0.999)).toBeGreaterThanOrEqual(375);
  });

  it('honours Retry-After up to the cap and ignores larger values', () => {
    const p = RetryPolicies.default;
    expect(computeRetryDelay(p, 0, 2000)).toBe(2000);
    expect(computeRetryDelay(p, 0, 3_600_000, () => 0)).toBe(500);
    expect(computeRetryDelay(RetryPolicies.immediate, 3, 1000)).toBe(0);
  });

  it('parses retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250' }), 0)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }), 0)).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers(), 0)).toBeUndefined();
  });
});
