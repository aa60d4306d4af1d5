import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QQRateLimitError } from '../../src/errors/QQApiError.js';
import { QQValidationError } from '../../src/errors/QQValidationError.js';
import { API as SdkAPI } from '../../src/rest/API.js';
import type { RateLimitInfo } from '../../src/rest/RateLimitInfo.js';
import { resolveRoute } from '../../src/rest/resolveRoute.js';
import { route, type RouteTemplate } from '../../src/rest/route.js';
import { API, capture, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'rest', 'resources');
const sources = readdirSync(resourcesDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(resourcesDir, file), 'utf8') }));

/** Every template a resource method passes to the builder (`route('…'` or the reactions' `#route('…'`). */
const templates = [
  ...new Set(sources.flatMap(({ text }) => [...text.matchAll(/route\(\s*'((?:GET|POST|PUT|PATCH|DELETE) \/[^']*)'/g)].map((m) => m[1]!))),
].sort() as RouteTemplate[];

/** Concrete values per parameter; they need encoding, and none is a path word resolveRoute knows. */
const sample = (name: string): string => `${name.toUpperCase()}-1/é ?#`;

/** Builds a template with untyped parameters, as JavaScript callers can. */
const build = (template: string, params?: Record<string, unknown>): ReturnType<typeof route> =>
  (route as (t: string, p?: Record<string, unknown>) => ReturnType<typeof route>)(template, params);

const names = (template: string): string[] => [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
const shape = (template: string): string => template.replace(/\{[^{}]*\}/g, '{}');

function validationError(fn: () => unknown): QQValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QQValidationError);
    return error as QQValidationError;
  }
  throw new Error('expected a QQValidationError');
}

describe('route()', () => {
  it('builds method, encoded path, template and the unencoded major id', () => {
    expect(route('PUT /channels/{channel_id}/pins/{message_id}', { channel_id: 'C/1', message_id: 'M 1' })).toEqual({
      method: 'PUT',
      path: '/channels/C%2F1/pins/M%201',
      route: 'PUT /channels/{channel_id}/pins/{message_id}',
      majorId: 'C/1',
    });
    expect(route('GET /gateway/bot')).toEqual({ method: 'GET', path: '/gateway/bot', route: 'GET /gateway/bot', majorId: '' });
    expect(route('GET /users/@me/guilds', {})).toEqual({ method: 'GET', path: '/users/@me/guilds', route: 'GET /users/@me/guilds', majorId: '' });
  });

  it('takes the first parameter after users, groups, channels, guilds or dms as the major id', () => {
    expect(route('POST /v2/users/{openid}/messages', { openid: 'U1' }).majorId).toBe('U1');
    expect(route('DELETE /dms/{guild_id}/messages/{message_id}', { guild_id: 'D1', message_id: 'M1' }).majorId).toBe('D1');
    expect(route('PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}', { guild_id: 'G1', user_id: 'U1', role_id: 'R1' }).majorId).toBe('G1');
    expect(route('PUT /interactions/{interaction_id}', { interaction_id: 'I1' }).majorId).toBe('');
    expect(route('PATCH /v2/groups/join_approval_strategy/{strategy_id}', { strategy_id: 'S1' }).majorId).toBe('');
    expect(route('GET /v2/panels/{panel_id}', { panel_id: 'P1' }).majorId).toBe('');
  });

  it('fills parameters inside a segment too', () => {
    expect(build('GET /files/{name}.json', { name: 'a b' }).path).toBe('/files/a%20b.json');
  });

  it.each([
    ['missing', {}],
    ['empty', { channel_id: '' }],
    ['whitespace', { channel_id: '  ' }],
    ['not a string', { channel_id: 42 }],
    ['null', { channel_id: null }],
  ])('rejects a %s parameter, naming it', (_name, params) => {
    const error = validationError(() => build('GET /channels/{channel_id}', params));
    expect(error.field).toBe('channel_id');
    expect(error.message).toContain('channel_id');
    expect(error.message).toContain('nothing was sent');
  });

  it('names the first bad parameter in path order', () => {
    expect(validationError(() => build('GET /channels/{channel_id}/pins/{message_id}', { channel_id: 'C', message_id: '' })).field).toBe('message_id');
    expect(validationError(() => build('GET /channels/{channel_id}/pins/{message_id}', {})).field).toBe('channel_id');
  });

  it('rejects keys that are not parameters of the template (a misspelling from JavaScript)', () => {
    const error = validationError(() => build('GET /channels/{channel_id}', { channel_id: 'C', chanel_id: 'C' }));
    expect(error.field).toBe('chanel_id');
    expect(error.message).toContain('GET /channels/{channel_id}');
    expect(validationError(() => build('GET /gateway', { id: 'x' })).field).toBe('id');
  });

  it('does not read parameters from the prototype', () => {
    expect(validationError(() => build('GET /things/{toString}', {})).field).toBe('toString');
  });

  it.each(['GET/gateway', 'FETCH /gateway', 'get /gateway', 'GET gateway', ''])('rejects the malformed template %j', (template) => {
    expect(validationError(() => build(template)).message).toContain('METHOD /path');
  });
});

describe('route() and resolveRoute agree on every resource route', () => {
  it('finds the resource templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(90);
    expect(templates).toContain('PUT /channels/{channel_id}/pins/{message_id}');
    expect(templates).toContain('POST /v2/groups/{group_openid}/upload_part_finish');
    expect(templates).toContain('GET /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}');
  });

  it.each(templates)('%s', (template) => {
    const built = build(template, Object.fromEntries(names(template).map((name) => [name, sample(name)])));
    const method = template.slice(0, template.indexOf(' '));
    expect(built.method).toBe(method);
    expect(built.route).toBe(template);
    // The path: the template with each value encoded as pathId did (encodeURIComponent).
    expect(built.path).toBe(template.slice(method.length + 1).replace(/\{([^{}]*)\}/g, (_m, name: string) => encodeURIComponent(sample(name))));
    // What a raw request to the same path gets: the same major id, the same route shape, and with
    // the template, the same bucket.
    const derived = resolveRoute(method, built.path);
    expect(derived.majorId).toBe(built.majorId);
    expect(shape(derived.route)).toBe(shape(template));
    expect(resolveRoute(method, built.path, template).bucket).toBe(resolveRoute(method, built.path, built.route, built.majorId).bucket);
    expect(resolveRoute(method, built.path, template).bucket).toBe(built.majorId ? `${template}|${built.majorId}` : template);
  });

  it('resource methods write each route once, as a template', () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/\broute: '/);
      expect(text, file).not.toMatch(/\bmethod: '/);
      expect(text, file).not.toMatch(/\bpath: [`']\//);
      expect(text, file).not.toMatch(/`\/(v2|channels|guilds|users|dms|interactions)\b/);
    }
  });
});

describe('route() with rest.request', () => {
  it('sends to the encoded path and queues on the template and major id', async () => {
    useTokenEndpoint(server);
    const seen = capture(server, 'put', '/channels/C%2F1/pins/M%201', { guild_id: 'G', channel_id: 'C/1', message_ids: ['M 1'] });
    const rest = makeClient();
    await rest.request({ ...route('PUT /channels/{channel_id}/pins/{message_id}', { channel_id: 'C/1', message_id: 'M 1' }) });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /channels/C%2F1/pins/M%201']);
  });

  it('the rate-limit event carries the builder bucket', async () => {
    useTokenEndpoint(server);
    server.use(http.post(`${API}/v2/groups/G%201/messages`, () => HttpResponse.json({ message: 'limited' }, { status: 429, headers: { 'Retry-After': '5' } })));
    const rest = makeClient({ rejectOnRateLimit: true });
    const events: RateLimitInfo[] = [];
    rest.on('rateLimited', (info) => events.push(info));
    await expect(rest.request({ ...route('POST /v2/groups/{group_openid}/messages', { group_openid: 'G 1' }), body: {} })).rejects.toBeInstanceOf(
      QQRateLimitError,
    );
    expect(events[0]).toMatchObject({
      route: 'POST /v2/groups/{group_openid}/messages',
      majorId: 'G 1',
      bucket: 'POST /v2/groups/{group_openid}/messages|G 1',
    });
  });

  it('a given majorId names the queue', async () => {
    useTokenEndpoint(server);
    server.use(http.get(`${API}/custom/X`, () => HttpResponse.json({ message: 'limited' }, { status: 429, headers: { 'Retry-After': '5' } })));
    const rest = makeClient({ rejectOnRateLimit: true });
    const events: RateLimitInfo[] = [];
    rest.on('rateLimited', (info) => events.push(info));
    await expect(rest.request({ method: 'GET', path: '/custom/X', route: 'GET /custom/{id}', majorId: 'X' })).rejects.toBeInstanceOf(QQRateLimitError);
    expect(events[0]?.bucket).toBe('GET /custom/{id}|X');
  });

  it('resource methods send nothing when an id is bad', async () => {
    let requests = 0;
    server.use(
      http.all('*', () => {
        requests += 1;
        return HttpResponse.json({});
      }),
    );
    const api = new SdkAPI(makeClient());
    const calls: [string, () => Promise<unknown>][] = [
      ['message_id', () => api.pins.add('C', '')],
      ['channel_id', () => api.reactions.add(' ', 'M', { type: 1, id: '4' })],
      ['id', () => api.reactions.add('C', 'M', { type: 1, id: ' ' })],
      ['strategy_id', () => api.groups.deleteJoinApprovalStrategy('')],
      ['group_openid', () => api.media.uploadLargeGroup('', { file_type: 'file', buffer: new Uint8Array([1]) })],
      ['message_id', () => api.announces.createChannel('C', '')],
    ];
    for (const [field, call] of calls) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, field).toBeInstanceOf(QQValidationError);
      expect((error as QQValidationError).field).toBe(field);
    }
    expect(requests).toBe(0);
  });
});
