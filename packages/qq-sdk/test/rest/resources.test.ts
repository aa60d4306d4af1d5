import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API as SdkAPI } from '../../src/rest/API.js';
import { API, makeClient, useTokenEndpoint } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Case {
  readonly name: string;
  readonly call: (api: SdkAPI) => Promise<unknown>;
  readonly method: string;
  readonly path: string;
  readonly search?: string;
  readonly body?: unknown;
  readonly reply?: unknown;
  readonly expected?: unknown;
}

const sent = { id: 'ROBOT1.0_x', timestamp: '2026-07-21T10:00:00+08:00' };
const channel = { id: 'C1', name: 'general', type: 0 };
const member = { user: { id: 'U1' }, nick: 'n', roles: ['1'], joined_at: '2026-01-01T00:00:00+08:00' };
const pins = { guild_id: 'G1', channel_id: 'C1', message_ids: ['M1'] };
const schedule = { id: 'S1', name: 'raid', start_timestamp: '1700000000000', end_timestamp: '1700003600000' };
const scheduleBody = { name: 'raid', start_timestamp: '1700000000000', end_timestamp: '1700003600000', remind_type: '1' } as const;

const cases: Case[] = [
  // messages
  {
    name: 'messages.sendC2C',
    call: (a) => a.messages.sendC2C('OPENID', { msg_type: 0, content: 'hi', msg_id: 'M0', msg_seq: 2 }),
    method: 'POST',
    path: '/v2/users/OPENID/messages',
    body: { msg_type: 0, content: 'hi', msg_id: 'M0', msg_seq: 2 },
    reply: sent,
    expected: sent,
  },
  {
    name: 'messages.sendGroup (markdown template + keyboard)',
    call: (a) =>
      a.messages.sendGroup('GROUP', {
        msg_type: 2,
        markdown: { custom_template_id: 'T', params: [{ key: 'k', values: ['v'] }] },
        keyboard: { id: 'KB' },
        event_id: 'E1',
      }),
    method: 'POST',
    path: '/v2/groups/GROUP/messages',
    body: { msg_type: 2, markdown: { custom_template_id: 'T', params: [{ key: 'k', values: ['v'] }] }, keyboard: { id: 'KB' }, event_id: 'E1' },
    reply: sent,
    expected: sent,
  },
  {
    name: 'messages.sendGroup (media)',
    call: (a) => a.messages.sendGroup('GROUP', { msg_type: 7, content: ' ', media: { file_info: 'FI' }, msg_id: 'M0', msg_seq: 1 }),
    method: 'POST',
    path: '/v2/groups/GROUP/messages',
    body: { msg_type: 7, content: ' ', media: { file_info: 'FI' }, msg_id: 'M0', msg_seq: 1 },
    reply: { id: 'X', timestamp: 1 },
  },
  {
    name: 'messages.sendC2C (ark)',
    call: (a) => a.messages.sendC2C('OPENID', { msg_type: 3, ark: { template_id: 23, kv: [{ key: '#DESC#', value: 'd' }] } }),
    method: 'POST',
    path: '/v2/users/OPENID/messages',
    body: { msg_type: 3, ark: { template_id: 23, kv: [{ key: '#DESC#', value: 'd' }] } },
    reply: sent,
  },
  {
    name: 'messages.sendChannel',
    call: (a) => a.messages.sendChannel('C1', { content: 'hello', message_reference: { message_id: 'M0' }, msg_id: 'M0' }),
    method: 'POST',
    path: '/channels/C1/messages',
    body: { content: 'hello', message_reference: { message_id: 'M0' }, msg_id: 'M0' },
    reply: { id: 'M2', channel_id: 'C1' },
  },
  {
    name: 'messages.sendChannel (embed)',
    call: (a) => a.messages.sendChannel('C1', { embed: { title: 't', fields: [{ name: 'f' }] } }),
    method: 'POST',
    path: '/channels/C1/messages',
    body: { embed: { title: 't', fields: [{ name: 'f' }] } },
    reply: { id: 'M3' },
  },
  {
    name: 'messages.sendDirect',
    call: (a) => a.messages.sendDirect('DMG', { content: 'dm' }),
    method: 'POST',
    path: '/dms/DMG/messages',
    body: { content: 'dm' },
    reply: { id: 'M4' },
  },
  {
    name: 'messages.sendC2CStreamChunk',
    call: (a) =>
      a.messages.sendC2CStreamChunk('OPENID', {
        input_mode: 'replace',
        input_state: 1,
        index: 0,
        content_type: 'markdown',
        content_raw: 'Thinking',
        msg_id: 'M0',
        msg_seq: 1,
      }),
    method: 'POST',
    path: '/v2/users/OPENID/stream_messages',
    body: { input_mode: 'replace', input_state: 1, index: 0, content_type: 'markdown', content_raw: 'Thinking', msg_id: 'M0', msg_seq: 1 },
    reply: { id: 'S1' },
    expected: { id: 'S1' },
  },
  { name: 'messages.recallC2C', call: (a) => a.messages.recallC2C('OPENID', 'M1'), method: 'DELETE', path: '/v2/users/OPENID/messages/M1' },
  { name: 'messages.recallGroup', call: (a) => a.messages.recallGroup('GROUP', 'M1'), method: 'DELETE', path: '/v2/groups/GROUP/messages/M1' },
  {
    name: 'messages.recallChannel',
    call: (a) => a.messages.recallChannel('C1', 'M1', { hidetip: true }),
    method: 'DELETE',
    path: '/channels/C1/messages/M1',
    search: '?hidetip=true',
  },
  {
    name: 'messages.recallDirect',
    call: (a) => a.messages.recallDirect('DMG', 'M1'),
    method: 'DELETE',
    path: '/dms/DMG/messages/M1',
    search: '?hidetip=false',
  },
  // media
  {
    name: 'media.uploadC2C',
    call: (a) => a.media.uploadC2C('OPENID', { file_type: 'image', url: 'https://example.com/a.png' }),
    method: 'POST',
    path: '/v2/users/OPENID/files',
    body: { file_type: 1, url: 'https://example.com/a.png', srv_send_msg: false },
    reply: { file_uuid: 'U', file_info: 'FI', ttl: 3600 },
    expected: { file_uuid: 'U', file_info: 'FI', ttl: 3600 },
  },
  {
    name: 'media.uploadGroup',
    call: (a) => a.media.uploadGroup('GROUP', { file_type: 'voice', buffer: new Uint8Array([1, 2, 3]), srv_send_msg: true }),
    method: 'POST',
    path: '/v2/groups/GROUP/files',
    body: { file_type: 3, file_data: 'AQID', srv_send_msg: true },
    reply: { file_info: 'FI', ttl: 0, id: 'SENT' },
  },
  // users, gateway, dms, interactions
  {
    name: 'users.getMe',
    call: (a) => a.users.getMe(),
    method: 'GET',
    path: '/users/@me',
    reply: { id: 'B', username: 'bot', union_openid: 'x' },
    expected: { id: 'B', username: 'bot', union_openid: 'x' },
  },
  {
    name: 'users.listGuilds',
    call: (a) => a.users.listGuilds({ after: 'G0', limit: 50 }),
    method: 'GET',
    path: '/users/@me/guilds',
    search: '?after=G0&limit=50',
    reply: [{ id: 'G1', name: 'g' }],
  },
  {
    name: 'gateway.get',
    call: (a) => a.gateway.get(),
    method: 'GET',
    path: '/gateway',
    reply: { url: 'wss://api.sgroup.qq.com/websocket/' },
    expected: { url: 'wss://api.sgroup.qq.com/websocket/' },
  },
  {
    name: 'gateway.getBot',
    call: (a) => a.gateway.getBot(),
    method: 'GET',
    path: '/gateway/bot',
    reply: { url: 'wss://x', shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86400000, max_concurrency: 1 } },
    expected: { url: 'wss://x', shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86400000, max_concurrency: 1 } },
  },
  {
    name: 'dms.create',
    call: (a) => a.dms.create({ recipient_id: 'U1', source_guild_id: 'G1' }),
    method: 'POST',
    path: '/users/@me/dms',
    body: { recipient_id: 'U1', source_guild_id: 'G1' },
    reply: { guild_id: 'DMG', channel_id: 'DMC', create_time: '1' },
  },
  { name: 'interactions.acknowledge', call: (a) => a.interactions.acknowledge('I1', 0), method: 'PUT', path: '/interactions/I1', body: { code: 0 } },
  // guilds
  { name: 'guilds.get', call: (a) => a.guilds.get('G1'), method: 'GET', path: '/guilds/G1', reply: { id: 'G1', name: 'g', member_count: 3 } },
  {
    name: 'guilds.getMessageSetting',
    call: (a) => a.guilds.getMessageSetting('G1'),
    method: 'GET',
    path: '/guilds/G1/message/setting',
    reply: { disable_create_dm: false, channel_ids: ['C1'] },
  },
  { name: 'guilds.mute', call: (a) => a.guilds.mute('G1', { mute_seconds: '60' }), method: 'PATCH', path: '/guilds/G1/mute', body: { mute_seconds: '60' } },
  {
    name: 'guilds.muteMember',
    call: (a) => a.guilds.muteMember('G1', 'U1', { mute_seconds: '0' }),
    method: 'PATCH',
    path: '/guilds/G1/members/U1/mute',
    body: { mute_seconds: '0' },
  },
  // channels
  { name: 'channels.list', call: (a) => a.channels.list('G1'), method: 'GET', path: '/guilds/G1/channels', reply: [channel] },
  { name: 'channels.get', call: (a) => a.channels.get('C1'), method: 'GET', path: '/channels/C1', reply: channel },
  {
    name: 'channels.create',
    call: (a) => a.channels.create('G1', { name: 'new', type: 0 }),
    method: 'POST',
    path: '/guilds/G1/channels',
    body: { name: 'new', type: 0 },
    reply: channel,
  },
  {
    name: 'channels.edit',
    call: (a) => a.channels.edit('C1', { name: 'renamed' }),
    method: 'PATCH',
    path: '/channels/C1',
    body: { name: 'renamed' },
    reply: channel,
  },
  { name: 'channels.delete', call: (a) => a.channels.delete('C1'), method: 'DELETE', path: '/channels/C1' },
  { name: 'channels.getOnlineNums', call: (a) => a.channels.getOnlineNums('C1'), method: 'GET', path: '/channels/C1/online_nums', reply: { online_nums: 4 } },
  {
    name: 'channels.getMemberPermissions',
    call: (a) => a.channels.getMemberPermissions('C1', 'U1'),
    method: 'GET',
    path: '/channels/C1/members/U1/permissions',
    reply: { channel_id: 'C1', user_id: 'U1', permissions: '7' },
  },
  {
    name: 'channels.editMemberPermissions',
    call: (a) => a.channels.editMemberPermissions('C1', 'U1', { add: '1' }),
    method: 'PUT',
    path: '/channels/C1/members/U1/permissions',
    body: { add: '1' },
  },
  {
    name: 'channels.getRolePermissions',
    call: (a) => a.channels.getRolePermissions('C1', 'R1'),
    method: 'GET',
    path: '/channels/C1/roles/R1/permissions',
    reply: { channel_id: 'C1', role_id: 'R1', permissions: '1' },
  },
  {
    name: 'channels.editRolePermissions',
    call: (a) => a.channels.editRolePermissions('C1', 'R1', { remove: '2' }),
    method: 'PUT',
    path: '/channels/C1/roles/R1/permissions',
    body: { remove: '2' },
  },
  // members
  {
    name: 'members.list',
    call: (a) => a.members.list('G1', { after: '0', limit: 400 }),
    method: 'GET',
    path: '/guilds/G1/members',
    search: '?after=0&limit=400',
    reply: [member],
  },
  { name: 'members.get', call: (a) => a.members.get('G1', 'U1'), method: 'GET', path: '/guilds/G1/members/U1', reply: member },
  {
    name: 'members.delete',
    call: (a) => a.members.delete('G1', 'U1', { add_blacklist: true, delete_history_msg_days: 3 }),
    method: 'DELETE',
    path: '/guilds/G1/members/U1',
    body: { add_blacklist: true, delete_history_msg_days: 3 },
  },
  {
    name: 'members.listByRole',
    call: (a) => a.members.listByRole('G1', 'R1', { start_index: '0', limit: 10 }),
    method: 'GET',
    path: '/guilds/G1/roles/R1/members',
    search: '?start_index=0&limit=10',
    reply: { data: [member], next: '10' },
  },
  // roles
  {
    name: 'roles.list',
    call: (a) => a.roles.list('G1'),
    method: 'GET',
    path: '/guilds/G1/roles',
    reply: { guild_id: 'G1', roles: [{ id: '1', name: 'everyone' }], role_num_limit: '30' },
  },
  {
    name: 'roles.create',
    call: (a) => a.roles.create('G1', { name: 'mods', color: 4278245297, hoist: 1 }),
    method: 'POST',
    path: '/guilds/G1/roles',
    body: { name: 'mods', color: 4278245297, hoist: 1 },
    reply: { role_id: 'R9', role: { id: 'R9' } },
  },
  {
    name: 'roles.edit',
    call: (a) => a.roles.edit('G1', 'R9', { name: 'admins' }),
    method: 'PATCH',
    path: '/guilds/G1/roles/R9',
    body: { name: 'admins' },
    reply: { guild_id: 'G1', role_id: 'R9' },
  },
  { name: 'roles.delete', call: (a) => a.roles.delete('G1', 'R9'), method: 'DELETE', path: '/guilds/G1/roles/R9' },
  {
    name: 'roles.addMember',
    call: (a) => a.roles.addMember('G1', 'U1', '5', 'C1'),
    method: 'PUT',
    path: '/guilds/G1/members/U1/roles/5',
    body: { channel: { id: 'C1' } },
  },
  { name: 'roles.removeMember', call: (a) => a.roles.removeMember('G1', 'U1', 'R9'), method: 'DELETE', path: '/guilds/G1/members/U1/roles/R9' },
  // pins
  { name: 'pins.list', call: (a) => a.pins.list('C1'), method: 'GET', path: '/channels/C1/pins', reply: pins },
  { name: 'pins.add', call: (a) => a.pins.add('C1', 'M1'), method: 'PUT', path: '/channels/C1/pins/M1', reply: pins },
  { name: 'pins.delete', call: (a) => a.pins.delete('C1', 'M1'), method: 'DELETE', path: '/channels/C1/pins/M1' },
  // reactions
  { name: 'reactions.add', call: (a) => a.reactions.add('C1', 'M1', { type: 1, id: '4' }), method: 'PUT', path: '/channels/C1/messages/M1/reactions/1/4' },
  {
    name: 'reactions.delete',
    call: (a) => a.reactions.delete('C1', 'M1', { type: 2, id: '128512' }),
    method: 'DELETE',
    path: '/channels/C1/messages/M1/reactions/2/128512',
  },
  {
    name: 'reactions.listUsers',
    call: (a) => a.reactions.listUsers('C1', 'M1', { type: 1, id: '4' }, { limit: 20 }),
    method: 'GET',
    path: '/channels/C1/messages/M1/reactions/1/4',
    search: '?limit=20',
    reply: { users: [{ id: 'U1' }], cookie: 'c', is_end: true },
  },
  // announces
  {
    name: 'announces.createGuild',
    call: (a) => a.announces.createGuild('G1', { message_id: 'M1', channel_id: 'C1' }),
    method: 'POST',
    path: '/guilds/G1/announces',
    body: { message_id: 'M1', channel_id: 'C1' },
    reply: { guild_id: 'G1', message_id: 'M1' },
  },
  { name: 'announces.deleteGuild', call: (a) => a.announces.deleteGuild('G1', 'all'), method: 'DELETE', path: '/guilds/G1/announces/all' },
  {
    name: 'announces.createChannel',
    call: (a) => a.announces.createChannel('C1', 'M1'),
    method: 'POST',
    path: '/channels/C1/announces',
    body: { message_id: 'M1' },
    reply: { channel_id: 'C1', message_id: 'M1' },
  },
  { name: 'announces.deleteChannel', call: (a) => a.announces.deleteChannel('C1', 'M1'), method: 'DELETE', path: '/channels/C1/announces/M1' },
  // schedules
  {
    name: 'schedules.list',
    call: (a) => a.schedules.list('C1', '1700000000000'),
    method: 'GET',
    path: '/channels/C1/schedules',
    search: '?since=1700000000000',
    reply: [schedule],
    expected: [schedule],
  },
  { name: 'schedules.get', call: (a) => a.schedules.get('C1', 'S1'), method: 'GET', path: '/channels/C1/schedules/S1', reply: schedule },
  {
    name: 'schedules.create',
    call: (a) => a.schedules.create('C1', scheduleBody),
    method: 'POST',
    path: '/channels/C1/schedules',
    body: { schedule: scheduleBody },
    reply: schedule,
  },
  {
    name: 'schedules.edit',
    call: (a) => a.schedules.edit('C1', 'S1', scheduleBody),
    method: 'PATCH',
    path: '/channels/C1/schedules/S1',
    body: { schedule: scheduleBody },
    reply: schedule,
  },
  { name: 'schedules.delete', call: (a) => a.schedules.delete('C1', 'S1'), method: 'DELETE', path: '/channels/C1/schedules/S1' },
  // forum
  {
    name: 'forum.listThreads',
    call: (a) => a.forum.listThreads('F1'),
    method: 'GET',
    path: '/channels/F1/threads',
    reply: { threads: [{ thread_info: { thread_id: 'T1', title: 't' } }], is_finish: 1 },
  },
  {
    name: 'forum.getThread',
    call: (a) => a.forum.getThread('F1', 'T1'),
    method: 'GET',
    path: '/channels/F1/threads/T1',
    reply: { thread: { thread_info: { thread_id: 'T1' } } },
  },
  {
    name: 'forum.publishThread',
    call: (a) => a.forum.publishThread('F1', { title: 't', content: 'c', format: 3 }),
    method: 'PUT',
    path: '/channels/F1/threads',
    body: { title: 't', content: 'c', format: 3 },
    reply: { task_id: 'k', create_time: '1' },
  },
  { name: 'forum.deleteThread', call: (a) => a.forum.deleteThread('F1', 'T1'), method: 'DELETE', path: '/channels/F1/threads/T1' },
  // api permissions, audio
  {
    name: 'apiPermissions.list',
    call: (a) => a.apiPermissions.list('G1'),
    method: 'GET',
    path: '/guilds/G1/api_permission',
    reply: { apis: [{ path: '/guilds/{guild_id}/members/{user_id}', method: 'DELETE', auth_status: 0 }] },
  },
  {
    name: 'apiPermissions.demand',
    call: (a) =>
      a.apiPermissions.demand('G1', {
        channel_id: 'C1',
        api_identify: { path: '/guilds/{guild_id}/members/{user_id}', method: 'DELETE' },
        desc: 'kick spammers',
      }),
    method: 'POST',
    path: '/guilds/G1/api_permission/demand',
    body: { channel_id: 'C1', api_identify: { path: '/guilds/{guild_id}/members/{user_id}', method: 'DELETE' }, desc: 'kick spammers' },
    reply: { guild_id: 'G1' },
  },
  {
    name: 'audio.control',
    call: (a) => a.audio.control('A1', { status: 0, audio_url: 'https://example.com/a.mp3', text: 'song' }),
    method: 'POST',
    path: '/channels/A1/audio',
    body: { status: 0, audio_url: 'https://example.com/a.mp3', text: 'song' },
  },
  { name: 'audio.micOn', call: (a) => a.audio.micOn('A1'), method: 'PUT', path: '/channels/A1/mic' },
  { name: 'audio.micOff', call: (a) => a.audio.micOff('A1'), method: 'DELETE', path: '/channels/A1/mic' },
  // groups (UNCONFIRMED)
  { name: 'groups.getInfo', call: (a) => a.groups.getInfo('GR'), method: 'GET', path: '/v2/groups/GR/info', reply: { name: 'g' }, expected: { name: 'g' } },
  { name: 'groups.getBotState', call: (a) => a.groups.getBotState('GR'), method: 'GET', path: '/v2/groups/GR/bot_state', reply: { state: 1 } },
  {
    name: 'groups.listMembers',
    call: (a) => a.groups.listMembers('GR', 'CUR'),
    method: 'GET',
    path: '/v2/groups/GR/members',
    search: '?cursor=CUR',
    reply: { members: [{ member_openid: 'M' }], next_cursor: 'N' },
  },
  { name: 'groups.getMember', call: (a) => a.groups.getMember('GR', 'MO'), method: 'GET', path: '/v2/groups/GR/members/MO', reply: { member_openid: 'MO' } },
  { name: 'groups.getMemberBlacklist', call: (a) => a.groups.getMemberBlacklist('GR'), method: 'GET', path: '/v2/groups/GR/member_blacklist', reply: {} },
  {
    name: 'groups.getRestrictChatSetting',
    call: (a) => a.groups.getRestrictChatSetting('GR'),
    method: 'GET',
    path: '/v2/groups/GR/restrict_chat_setting',
    reply: {},
  },
  { name: 'groups.listJoinRequests', call: (a) => a.groups.listJoinRequests('GR'), method: 'GET', path: '/v2/groups/GR/join_request_list', reply: {} },
  {
    name: 'groups.decideJoinRequest',
    call: (a) => a.groups.decideJoinRequest('GR', 'MO', { op: 'decline', join_request_id: 'J', reject_reason: 'no' }),
    method: 'POST',
    path: '/v2/groups/GR/approval_join_request/MO',
    body: { op: 'decline', join_request_id: 'J', reject_reason: 'no' },
    reply: {},
  },
  {
    name: 'groups.generateUrlLink',
    call: (a) => a.groups.generateUrlLink({ callback_data: 'x' }),
    method: 'POST',
    path: '/v2/generate_url_link',
    body: { callback_data: 'x' },
    reply: { url: 'https://q.qq.com/x' },
  },
];

describe('REST resources', () => {
  it.each(cases)('$name → $method $path', async (c) => {
    useTokenEndpoint(server);
    const seen: { method: string; path: string; search: string; headers: Headers; body: unknown }[] = [];
    server.use(
      http.all(`${API}/*`, async ({ request }) => {
        const url = new URL(request.url);
        // The token endpoint shares the host since 2026-08: leave it to its own handler.
        if (url.pathname === '/app/getAppAccessToken') return undefined;
        const text = await request.text();
        seen.push({ method: request.method, path: url.pathname, search: url.search, headers: request.headers, body: text ? JSON.parse(text) : undefined });
        return c.reply === undefined ? new HttpResponse(null, { status: 204 }) : HttpResponse.json(c.reply as object);
      }),
    );
    const api = new SdkAPI(makeClient());
    const result = await c.call(api);
    expect(seen).toHaveLength(1);
    const req = seen[0]!;
    expect(req.method).toBe(c.method);
    expect(req.path).toBe(c.path);
    expect(req.search).toBe(c.search ?? '');
    expect(req.headers.get('authorization')).toBe('QQBot tok-1');
    expect(req.headers.get('x-union-appid')).toBe('102000000');
    expect(req.body).toEqual(c.body);
    if (c.body !== undefined) expect(req.headers.get('content-type')).toBe('application/json');
    if (c.expected !== undefined) expect(result).toEqual(c.expected);
    if (c.reply === undefined) expect(result).toBeUndefined();
  });
});
