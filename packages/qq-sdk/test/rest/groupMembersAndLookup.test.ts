// The last reference endpoints: batch member removal, blacklist updates and the legacy channel
// message lookup. Each sends exactly the documented request, parses the answer, and refuses bad
// input locally, naming the field.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QQValidationError } from '../../src/errors/QQValidationError.js';
import { API } from '../../src/rest/API.js';
import { API as BASE, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const seen: { method: string; path: string; body: unknown }[] = [];
function answer(body: unknown): void {
  seen.length = 0;
  useTokenEndpoint(server);
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === '/app/getAppAccessToken') return undefined;
      const text = await request.text();
      seen.push({ method: request.method, path: url.pathname, body: text ? JSON.parse(text) : undefined });
      return HttpResponse.json(body as object);
    }),
  );
}

async function refused(call: () => Promise<unknown>, field: string): Promise<void> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QQValidationError);
  expect((error as QQValidationError).field).toBe(field);
  expect(seen).toHaveLength(0);
}

describe('group member management', () => {
  it('removeMembers posts the members and the blacklist flag, and reads the result', async () => {
    answer({ remove_members_result: 'success', add_to_member_blacklist_fail_openids: [] });
    const api = new API(makeClient());
    const result = await api.groups.removeMembers('G1', { member_openids: ['M1', 'M2'], add_to_member_blacklist: true });
    expect(seen).toEqual([
      { method: 'POST', path: '/v2/groups/G1/batch_remove_members', body: { member_openids: ['M1', 'M2'], add_to_member_blacklist: true } },
    ]);
    expect(result).toEqual({ remove_members_result: 'success', add_to_member_blacklist_fail_openids: [] });
  });

  it('refuses no members or more than 20, before sending', async () => {
    answer({});
    const api = new API(makeClient());
    await refused(() => api.groups.removeMembers('G1', { member_openids: [] }), 'member_openids');
    await refused(() => api.groups.removeMembers('G1', { member_openids: Array.from({ length: 21 }, (_, i) => `M${i}`) }), 'member_openids');
    await refused(() => api.groups.updateMemberBlacklist('G1', { op: 'ban' as 'add', member_openids: ['M1'] }), 'op');
  });

  it('updateMemberBlacklist posts op and members and reads the failures', async () => {
    answer({ fail_openids: ['M2'] });
    const api = new API(makeClient());
    expect(await api.groups.updateMemberBlacklist('G1', { op: 'del', member_openids: ['M1', 'M2'] })).toEqual({ fail_openids: ['M2'] });
    expect(seen).toEqual([{ method: 'POST', path: '/v2/groups/G1/member_blacklist', body: { op: 'del', member_openids: ['M1', 'M2'] } }]);
  });
});

describe('legacy channel message lookup', () => {
  it('gets one message by id, with every field passed through', async () => {
    answer({ message: { id: 'msg-1', channel_id: 'C1', content: 'hi', author: { id: 'U1' }, seq_in_channel: '7' } });
    const api = new API(makeClient());
    const { message } = await api.messages.getChannelMessage('C1', 'msg-1');
    expect(message).toEqual({ id: 'msg-1', channel_id: 'C1', content: 'hi', author: { id: 'U1' }, seq_in_channel: '7' });
    expect(seen).toEqual([{ method: 'GET', path: '/channels/C1/messages/msg-1', body: undefined }]);
  });
});
