import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QQValidationError } from '../../src/errors/QQValidationError.js';
import { API as SdkAPI } from '../../src/rest/API.js';
import type { C2CMessageBody, GroupMessageBody } from '../../src/rest/schemas/messages.js';
import type { MediaUploadInput } from '../../src/rest/resources/MediaAPI.js';
import { API, makeClient } from './helpers.js';

const server = setupServer();
let requests = 0;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Counts anything that reaches the network (token endpoint included). */
function countAll(): void {
  requests = 0;
  server.use(
    http.all('*', () => {
      requests += 1;
      return HttpResponse.json({});
    }),
  );
}

async function expectField(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QQValidationError);
  expect((error as QQValidationError).field).toBe(field);
  expect((error as QQValidationError).message).toContain(field);
  expect(requests).toBe(0);
}

describe('outbound validation: bad input fails locally, naming the field', () => {
  const api = new SdkAPI(makeClient());

  it.each<[string, GroupMessageBody, string]>([
    ['empty content', { msg_type: 0, content: '' }, 'content'],
    ['whitespace content', { msg_type: 0, content: '   ' }, 'content'],
    ['negative msg_seq', { msg_type: 0, content: 'x', msg_id: 'M', msg_seq: -1 }, 'msg_seq'],
    ['fractional msg_seq', { msg_type: 0, content: 'x', msg_id: 'M', msg_seq: 1.5 }, 'msg_seq'],
    ['msg_seq without msg_id', { msg_type: 0, content: 'x', msg_seq: 2 }, 'msg_seq'],
    ['markdown type without markdown', { msg_type: 2 }, 'markdown'],
    ['media type without media', { msg_type: 7, content: ' ' }, 'media'],
    ['unknown msg_type', { msg_type: 5 as 0, content: 'x' }, 'msg_type'],
    ['markdown with content', { msg_type: 2, content: 'x', markdown: { content: '# hi' } }, 'content'],
    [
      'too many keyboard rows',
      {
        msg_type: 2,
        markdown: { content: 'm' },
        keyboard: {
          content: {
            rows: Array.from({ length: 6 }, () => ({
              buttons: [{ render_data: { label: 'a', visited_label: 'b', style: 0 }, action: { type: 1, permission: { type: 2 }, data: 'd' } }],
            })),
          },
        },
      },
      'keyboard',
    ],
  ])('group: %s', async (_name, body, field) => {
    countAll();
    await expectField(api.messages.sendGroup('G', body), field);
  });

  it('c2c: is_wakeup with msg_id', async () => {
    countAll();
    const body: C2CMessageBody = { msg_type: 0, content: 'x', is_wakeup: true, msg_id: 'M' };
    await expectField(api.messages.sendC2C('U', body), 'is_wakeup');
  });

  it.each([
    ['openid', (a: SdkAPI) => a.messages.sendC2C('', { msg_type: 0, content: 'x' })],
    ['group_openid', (a: SdkAPI) => a.messages.sendGroup(undefined as unknown as string, { msg_type: 0, content: 'x' })],
    ['channel_id', (a: SdkAPI) => a.messages.sendChannel(' ', { content: 'x' })],
    ['message_id', (a: SdkAPI) => a.messages.recallGroup('G', '')],
    ['guild_id', (a: SdkAPI) => a.guilds.get('')],
  ])('missing target id %s', async (field, call) => {
    countAll();
    await expectField(call(api), field);
  });

  it('channel: empty message', async () => {
    countAll();
    await expectField(api.messages.sendChannel('C', { content: '' }), 'content');
  });

  it.each<[string, MediaUploadInput, string]>([
    ['unknown file_type', { file_type: 'gif' as 'image', url: 'https://example.com/a.gif' }, 'file_type'],
    ['numeric file_type out of range', { file_type: 9 as 1, url: 'https://example.com/a' }, 'file_type'],
    ['no source', { file_type: 'image' }, 'url'],
    ['two sources', { file_type: 'image', url: 'https://example.com/a', file_data: 'AAAA' }, 'url'],
    ['bad url', { file_type: 'image', url: 'not a url' }, 'url'],
    ['unreadable path', { file_type: 'file', path: '/definitely/not/here.bin' }, 'path'],
  ])('media: %s', async (_name, input, field) => {
    countAll();
    await expectField(api.media.uploadGroup('G', input), field);
  });

  it('list queries are range-checked', async () => {
    countAll();
    await expectField(api.members.list('G', { limit: 401 }), 'limit');
    await expectField(api.users.listGuilds({ limit: 0 }), 'limit');
  });

  it('interaction code must be 0-5', async () => {
    countAll();
    await expectField(api.interactions.acknowledge('I', 9 as 0), 'code');
  });

  it('reports every issue and a readable message', async () => {
    countAll();
    const error = (await api.messages.sendGroup('G', { msg_type: 0, content: '', msg_id: 'M', msg_seq: 0 }).catch((e: unknown) => e)) as QQValidationError;
    expect(error.issues.map((i) => i.path).sort()).toEqual(['content', 'msg_seq']);
    expect(error.message).toMatch(/^Invalid group message body: /);
    expect(error.name).toBe('QQValidationError');
  });
});

describe('response validation', () => {
  it('rejects a malformed gateway/bot response with a typed error', async () => {
    server.use(
      http.post('https://api.bot.qq.com/app/getAppAccessToken', () => HttpResponse.json({ access_token: 't', expires_in: 7200 })),
      http.get(`${API}/gateway/bot`, () => HttpResponse.json({ url: 'wss://x', shards: 'one' })),
    );
    const error = (await new SdkAPI(makeClient()).gateway.getBot().catch((e: unknown) => e)) as QQValidationError;
    expect(error).toBeInstanceOf(QQValidationError);
    expect(error.field).toBe('shards');
  });

  it('keeps unknown fields', async () => {
    server.use(
      http.post('https://api.bot.qq.com/app/getAppAccessToken', () => HttpResponse.json({ access_token: 't', expires_in: 7200 })),
      http.get(`${API}/users/@me`, () => HttpResponse.json({ id: 'B', new_field: 1 })),
    );
    expect(await new SdkAPI(makeClient()).users.getMe()).toEqual({ id: 'B', new_field: 1 });
  });
});
