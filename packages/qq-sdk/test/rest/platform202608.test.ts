// The platform's 2026-08 additions: custom C2C menu, command panels, group mutes, join-approval
// strategies and the markdown flag force_verify_image_resource. Each method is checked for the
// request it sends (method, path, query, body), for the response it parses, and for bad input
// that fails locally with a QQValidationError naming the field and sends nothing.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QQValidationError } from '../../src/errors/QQValidationError.js';
import { API } from '../../src/rest/API.js';
import { RestClient } from '../../src/rest/RestClient.js';
import { RetryPolicies } from '../../src/rest/RetryPolicy.js';
import { GROUP_MUTE_MAX_SECONDS } from '../../src/rest/schemas/groups.js';

const BASE = 'https://api.test.invalid';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  auth: string | null;
}

let seen: Seen[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeEach(() => {
  seen = [];
  reply = { status: 200, body: {} };
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      seen.push({
        method: request.method,
        path: url.pathname,
        search: url.searchParams,
        body: text ? (JSON.parse(text) as unknown) : undefined,
        auth: request.headers.get('authorization'),
      });
      return reply.status === 204 ? new HttpResponse(null, { status: 204 }) : HttpResponse.json(reply.body as object, { status: reply.status });
    }),
  );
});

function makeApi(): API {
  const token = { appId: '102000000', getAccessToken: () => Promise.resolve('tok'), invalidate: () => {} };
  return new API(new RestClient({ token }, { apiBaseUrl: BASE, retryPolicy: RetryPolicies.immediate }));
}

const api = makeApi();

function only(): Seen {
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

async function expectField(promise: Promise<unknown>, field: string): Promise<QQValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QQValidationError);
  expect((error as QQValidationError).field).toBe(field);
  expect((error as QQValidationError).message).toContain(field);
  expect(seen).toHaveLength(0);
  return error as QQValidationError;
}

/** Beijing RFC 3339, `ms` from now. */
function inBeijing(ms: number): string {
  return `${new Date(Date.now() + ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

describe('custom C2C menu', () => {
  const menu = {
    items: [
      { type: 'send_message' as const, name: '帮助', send_message: '/help' },
      { type: 'link' as const, name: '官网', link: 'https://example.com' },
      { type: 'menu' as const, name: '更多', sub_menu_items: [{ type: 'send_message' as const, name: '设置', send_message: '/settings' }] },
      { type: 'switch' as const, name: '搜索', switch: { switch_id: 'search', default: false } },
    ],
  };

  it('menu.set sends PUT /v2/menu with the whole menu and returns the version', async () => {
    reply = { status: 200, body: { version: 3 } };
    await expect(api.menu.set({ menu })).resolves.toEqual({ version: 3 });
    const req = only();
    expect(req.method).toBe('PUT');
    expect(req.path).toBe('/v2/menu');
    expect(req.body).toEqual({ menu });
    expect(req.auth).toBe('QQBot tok');
  });

  it('menu.get parses the menu, keeping unknown fields, and accepts menu: null', async () => {
    reply = { status: 200, body: { version: 1, menu: { items: [{ type: 'send_message', name: '帮助', send_message: '/help', future: 1 }] } } };
    const got = await api.menu.get();
    expect(only()).toMatchObject({ method: 'GET', path: '/v2/menu', body: undefined });
    expect(got.version).toBe(1);
    expect(got.menu?.items?.[0]).toEqual({ type: 'send_message', name: '帮助', send_message: '/help', future: 1 });
    seen = [];
    reply = { status: 200, body: { version: 0, menu: null } };
    expect((await api.menu.get()).menu).toBeNull();
  });

  it.each<[string, unknown, string]>([
    [
      'more than 10 items',
      { menu: { items: Array.from({ length: 11 }, (_, i) => ({ type: 'send_message', name: `b${i}`, send_message: 'x' })) } },
      'menu.items',
    ],
    ['an unknown type', { menu: { items: [{ type: 'call', name: 'x' }] } }, 'menu.items[0].type'],
    ['a link that is not https', { menu: { items: [{ type: 'link', name: 'x', link: 'http://example.com' }] } }, 'menu.items[0].link'],
    ['send_message without text', { menu: { items: [{ type: 'send_message', name: 'x' }] } }, 'menu.items[0].send_message'],
    ['a menu without sub-items', { menu: { items: [{ type: 'menu', name: 'x' }] } }, 'menu.items[0].sub_menu_items'],
    [
      'six sub-items',
      { menu: { items: [{ type: 'menu', name: 'x', sub_menu_items: Array.from({ length: 6 }, () => ({ type: 'link', name: 'y', link: 'https://a.b' })) }] } },
      'menu.items[0].sub_menu_items',
    ],
    [
      'a nested menu',
      { menu: { items: [{ type: 'menu', name: 'x', sub_menu_items: [{ type: 'menu', name: 'y' }] }] } },
      'menu.items[0].sub_menu_items[0].type',
    ],
    ['a switch without its config', { menu: { items: [{ type: 'switch', name: 'x' }] } }, 'menu.items[0].switch'],
    ['no menu', {}, 'menu'],
  ])('menu.set refuses %s locally', async (_name, body, field) => {
    await expectField(api.menu.set(body as Parameters<typeof api.menu.set>[0]), field);
  });
});

describe('command panels', () => {
  const panel = {
    items: [
      { type: 'command' as const, name: '群签到', desc: '每日签到' },
      { type: 'link' as const, name: '更多', link: 'https://example.com', only_admin: true },
    ],
    remark: '群工具',
  };

  it('panels.create sends POST /v2/panels and returns the id', async () => {
    reply = { status: 200, body: { panel_id: 'p_1' } };
    const body = { scope: 'group' as const, target_type: 'specific' as const, group_openids: ['G1'], panel };
    await expect(api.panels.create(body)).resolves.toEqual({ panel_id: 'p_1' });
    expect(only()).toMatchObject({ method: 'POST', path: '/v2/panels', body });
  });

  it('panels.list sends the scope and paging as a query and parses records', async () => {
    const record = { panel_id: 'p_1', scope: 'c2c', target_type: 'all', panel: { items: [{ type: 'command', name: '天气' }] }, version: 1 };
    reply = { status: 200, body: { records: [record], next_cursor: '', is_end: true } };
    const page = await api.panels.list({ scope: 'c2c', cursor: 'c1', limit: 50 });
    const req = only();
    expect(req).toMatchObject({ method: 'GET', path: '/v2/panels', body: undefined });
    expect(Object.fromEntries(req.search)).toEqual({ scope: 'c2c', cursor: 'c1', limit: '50' });
    expect(page).toEqual({ records: [record], next_cursor: '', is_end: true });
  });

  it('panels.get, update, delete and updateTargets use the panel id path', async () => {
    reply = { status: 200, body: { panel_id: 'p/1', scope: 'group', target_type: 'specific', group_openids: ['G1'], version: 2 } };
    expect((await api.panels.get('p/1')).group_openids).toEqual(['G1']);
    expect(only()).toMatchObject({ method: 'GET', path: '/v2/panels/p%2F1' });

    seen = [];
    reply = { status: 200, body: { version: 3 } };
    await expect(api.panels.update('p1', { panel })).resolves.toEqual({ version: 3 });
    expect(only()).toMatchObject({ method: 'PUT', path: '/v2/panels/p1', body: { panel } });

    seen = [];
    reply = { status: 200, body: {} };
    await expect(api.panels.updateTargets('p1', { op: 'add', group_openids: ['G2'] })).resolves.toBeUndefined();
    expect(only()).toMatchObject({ method: 'PUT', path: '/v2/panels/p1/target', body: { op: 'add', group_openids: ['G2'] } });

    seen = [];
    reply = { status: 204, body: null };
    await expect(api.panels.delete('p1')).resolves.toBeUndefined();
    expect(only()).toMatchObject({ method: 'DELETE', path: '/v2/panels/p1', body: undefined });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['an unknown scope', () => api.panels.create({ scope: 'guild' as 'c2c', panel }), 'scope'],
    ["'specific' for a channel panel", () => api.panels.create({ scope: 'channel', target_type: 'specific', panel }), 'target_type'],
    ['group_openids on a c2c panel', () => api.panels.create({ scope: 'c2c', target_type: 'specific', group_openids: ['G'], panel }), 'group_openids'],
    [
      '21 users',
      () => api.panels.create({ scope: 'c2c', target_type: 'specific', user_openids: Array.from({ length: 21 }, (_, i) => `U${i}`), panel }),
      'user_openids',
    ],
    [
      '21 items',
      () => api.panels.create({ scope: 'c2c', panel: { items: Array.from({ length: 21 }, () => ({ type: 'command' as const, name: 'x' })) } }),
      'panel.items',
    ],
    ['an unknown item type', () => api.panels.create({ scope: 'c2c', panel: { items: [{ type: 'button' as 'command', name: 'x' }] } }), 'panel.items[0].type'],
    ['a link item without https', () => api.panels.update('p1', { panel: { items: [{ type: 'link', name: 'x', link: 'ftp://x' }] } }), 'panel.items[0].link'],
    ['a target change without openids', () => api.panels.updateTargets('p1', { op: 'add' }), 'user_openids'],
    ['a bad target op', () => api.panels.updateTargets('p1', { op: 'set' as 'add', user_openids: ['U'] }), 'op'],
    ['a list without scope', () => api.panels.list({} as { scope: 'c2c' }), 'scope'],
    ['a list limit over 50', () => api.panels.list({ scope: 'dm', limit: 51 }), 'limit'],
    ['an empty panel id', () => api.panels.delete(''), 'panel_id'],
  ])('refuses %s locally', async (_name, call, field) => {
    await expectField(call(), field);
  });
});

describe('group mute', () => {
  it('setRestrictChatSetting sends the member changes', async () => {
    const body = {
      members: [
        { op: 'add' as const, member_openid: 'M1', mute_expire_at: inBeijing(3_600_000) },
        { op: 'del' as const, member_openid: 'M2' },
      ],
    };
    await expect(api.groups.setRestrictChatSetting('G1', body)).resolves.toBeUndefined();
    expect(only()).toMatchObject({ method: 'POST', path: '/v2/groups/G1/restrict_chat_setting', body });
  });

  it('accepts exactly 30 days ahead', async () => {
    await api.groups.setRestrictChatSetting('G1', {
      members: [{ op: 'update', member_openid: 'M1', mute_expire_at: inBeijing(GROUP_MUTE_MAX_SECONDS * 1000) }],
    });
    expect(only().method).toBe('POST');
  });

  it('refuses more than 30 days, naming members[i].mute_expire_at, and sends nothing', async () => {
    const error = await expectField(
      api.groups.setRestrictChatSetting('G1', {
        members: [
          { op: 'add', member_openid: 'M1', mute_expire_at: inBeijing(60_000) },
          { op: 'add', member_openid: 'M2', mute_expire_at: inBeijing(GROUP_MUTE_MAX_SECONDS * 1000 + 120_000) },
        ],
      }),
      'members[1].mute_expire_at',
    );
    expect(error.message).toMatch(/30 days/);
  });

  it.each<[string, unknown, string]>([
    ['add without mute_expire_at', { members: [{ op: 'add', member_openid: 'M' }] }, 'members[0].mute_expire_at'],
    ['a timestamp that is not RFC 3339', { members: [{ op: 'add', member_openid: 'M', mute_expire_at: '1735689600' }] }, 'members[0].mute_expire_at'],
    ['an unknown op', { members: [{ op: 'ban', member_openid: 'M', mute_expire_at: inBeijing(1000) }] }, 'members[0].op'],
    ['21 members', { members: Array.from({ length: 21 }, (_, i) => ({ op: 'del', member_openid: `M${i}` })) }, 'members'],
    ['no members', { members: [] }, 'members'],
  ])('refuses %s locally', async (_name, body, field) => {
    await expectField(api.groups.setRestrictChatSetting('G1', body as Parameters<typeof api.groups.setRestrictChatSetting>[1]), field);
  });

  it('muteMembers turns seconds into a Beijing mute_expire_at; unmuteMembers sends op del', async () => {
    const before = Date.now();
    await api.groups.muteMembers('G1', ['M1', 'M2'], 600);
    const body = only().body as { members: { op: string; member_openid: string; mute_expire_at: string }[] };
    expect(body.members.map((m) => [m.op, m.member_openid])).toEqual([
      ['add', 'M1'],
      ['add', 'M2'],
    ]);
    const at = body.members[0]!.mute_expire_at;
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(Date.parse(at) - before).toBeGreaterThan(598_000);
    expect(Date.parse(at) - before).toBeLessThanOrEqual(601_000);

    seen = [];
    await api.groups.unmuteMembers('G1', ['M1']);
    expect(only()).toMatchObject({ method: 'POST', path: '/v2/groups/G1/restrict_chat_setting', body: { members: [{ op: 'del', member_openid: 'M1' }] } });
  });

  it('muteMembers refuses more than 30 days (naming seconds) and empty member lists', async () => {
    await expectField(api.groups.muteMembers('G1', ['M1'], GROUP_MUTE_MAX_SECONDS + 1), 'seconds');
    await expectField(api.groups.muteMembers('G1', ['M1'], 0), 'seconds');
    await expectField(api.groups.muteMembers('G1', [], 60), 'memberOpenids');
  });

  it('getRestrictChatSetting parses the group rule and muted members', async () => {
    const body = {
      global_rule: { mode: 'schedule', recurring_rules: [{ task_id: 't', weekdays: [1], start_time: '08:00', end_time: '09:00', enabled: true }] },
      members: [{ member_openid: 'M1', mute_expire_at: '2026-09-01T20:00:00+08:00', username: 'u' }],
    };
    reply = { status: 200, body };
    await expect(api.groups.getRestrictChatSetting('G1')).resolves.toEqual(body);
    expect(only()).toMatchObject({ method: 'GET', path: '/v2/groups/G1/restrict_chat_setting' });
  });
});

describe('join requests', () => {
  it('listJoinRequests parses list and next_cursor; decideJoinRequest posts the decision', async () => {
    reply = { status: 200, body: { list: [{ join_request_id: 'J1', member_openid: 'M1', username: 'u', verify_info: { method: 'qa' } }], next_cursor: '' } };
    const page = await api.groups.listJoinRequests('G1');
    expect(only()).toMatchObject({ method: 'GET', path: '/v2/groups/G1/join_request_list' });
    expect(page.list?.[0]?.join_request_id).toBe('J1');
    expect(page.list?.[0]?.['verify_info']).toEqual({ method: 'qa' });

    seen = [];
    reply = { status: 200, body: {} };
    await api.groups.decideJoinRequest('G1', 'M1', { op: 'approve', join_request_id: 'J1' });
    expect(only()).toMatchObject({ method: 'POST', path: '/v2/groups/G1/approval_join_request/M1', body: { op: 'approve', join_request_id: 'J1' } });
  });
});

describe('join-approval strategies', () => {
  const strategy = { strategy_id: 'S1', group_openids: ['G1'], whitelist_user_count: 2, is_enable: 'on', expire_at: '2027-08-10T00:00:00+08:00', remark: 'r' };

  it('list sends cursor and limit; create, update, delete, execute and whitelist use their paths', async () => {
    reply = { status: 200, body: { strategies: [strategy], next_cursor: 'n' } };
    await expect(api.groups.listJoinApprovalStrategies({ cursor: 'c', limit: 100 })).resolves.toEqual({ strategies: [strategy], next_cursor: 'n' });
    const list = only();
    expect(list).toMatchObject({ method: 'GET', path: '/v2/groups/join_approval_strategy' });
    expect(Object.fromEntries(list.search)).toEqual({ cursor: 'c', limit: '100' });

    seen = [];
    reply = { status: 200, body: { strategy_id: 'S1', is_enable: 'on', expire_at: strategy.expire_at } };
    const created = await api.groups.createJoinApprovalStrategy({ group_ids: ['123456', 654321], remark: 'staff' });
    expect(created.strategy_id).toBe('S1');
    expect(only()).toMatchObject({ method: 'POST', path: '/v2/groups/join_approval_strategy', body: { group_ids: ['123456', 654321], remark: 'staff' } });

    seen = [];
    reply = { status: 200, body: { is_enable: 'off' } };
    await expect(api.groups.updateJoinApprovalStrategy('S1', { is_enable: 'off', group_action: { op: 'add', group_ids: ['7'] } })).resolves.toEqual({
      is_enable: 'off',
    });
    expect(only()).toMatchObject({
      method: 'PATCH',
      path: '/v2/groups/join_approval_strategy/S1',
      body: { is_enable: 'off', group_action: { op: 'add', group_ids: ['7'] } },
    });

    seen = [];
    reply = { status: 200, body: { strategy_id: 'S1', whitelist_user_count: 3, updated_at: 'u' } };
    await expect(api.groups.updateJoinApprovalStrategyWhitelist('S1', { op: 'add', whitelist_users: ['10001'] })).resolves.toMatchObject({
      whitelist_user_count: 3,
    });
    expect(only()).toMatchObject({
      method: 'POST',
      path: '/v2/groups/join_approval_strategy/S1/whitelist_users',
      body: { op: 'add', whitelist_users: ['10001'] },
    });

    seen = [];
    reply = { status: 200, body: {} };
    await expect(api.groups.executeJoinApprovalStrategy('S1')).resolves.toBeUndefined();
    expect(only()).toMatchObject({ method: 'POST', path: '/v2/groups/join_approval_strategy/S1/execute', body: {} });

    seen = [];
    await expect(api.groups.deleteJoinApprovalStrategy('S1')).resolves.toBeUndefined();
    expect(only()).toMatchObject({ method: 'DELETE', path: '/v2/groups/join_approval_strategy/S1', body: undefined });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['both group_openids and group_ids', () => api.groups.createJoinApprovalStrategy({ group_openids: ['G'], group_ids: ['1'] }), 'group_openids'],
    ['neither group list', () => api.groups.createJoinApprovalStrategy({ remark: 'x' }), 'group_openids'],
    ['101 groups', () => api.groups.createJoinApprovalStrategy({ group_openids: Array.from({ length: 101 }, (_, i) => `G${i}`) }), 'group_openids'],
    ['a group number that is not digits', () => api.groups.createJoinApprovalStrategy({ group_ids: ['12a'] }), 'group_ids[0]'],
    ['is_enable true', () => api.groups.createJoinApprovalStrategy({ group_openids: ['G'], is_enable: true as unknown as 'on' }), 'is_enable'],
    ['expire_at as a unix time', () => api.groups.createJoinApprovalStrategy({ group_openids: ['G'], expire_at: '1798732800' }), 'expire_at'],
    ['an empty update', () => api.groups.updateJoinApprovalStrategy('S1', {}), ''],
    ['a group_action without groups', () => api.groups.updateJoinApprovalStrategy('S1', { group_action: { op: 'add' } }), 'group_action.group_openids'],
    [
      'QQ numbers as numbers',
      () => api.groups.updateJoinApprovalStrategyWhitelist('S1', { op: 'add', whitelist_users: [10001 as unknown as string] }),
      'whitelist_users[0]',
    ],
    [
      '10001 QQ numbers',
      () => api.groups.updateJoinApprovalStrategyWhitelist('S1', { op: 'del', whitelist_users: Array.from({ length: 10_001 }, (_, i) => String(10_000 + i)) }),
      'whitelist_users',
    ],
    ['a list limit over 100', () => api.groups.listJoinApprovalStrategies({ limit: 101 }), 'limit'],
    ['an empty strategy id', () => api.groups.executeJoinApprovalStrategy(''), 'strategy_id'],
  ])('refuses %s locally', async (_name, call, field) => {
    await expectField(call(), field);
  });
});

describe('markdown force_verify_image_resource', () => {
  it('is sent with native and template markdown, in C2C and groups', async () => {
    reply = { status: 200, body: { id: 'M', timestamp: 1 } };
    await api.messages.sendGroup('G1', { msg_type: 2, markdown: { content: '![a #10px #10px](https://a.b/c.png)', force_verify_image_resource: true } });
    expect(only().body).toEqual({ msg_type: 2, markdown: { content: '![a #10px #10px](https://a.b/c.png)', force_verify_image_resource: true } });
    seen = [];
    await api.messages.sendC2C('U1', {
      msg_type: 2,
      markdown: { custom_template_id: 'T', params: [{ key: 'k', values: ['v'] }], force_verify_image_resource: false },
    });
    expect(only().body).toEqual({
      msg_type: 2,
      markdown: { custom_template_id: 'T', params: [{ key: 'k', values: ['v'] }], force_verify_image_resource: false },
    });
  });

  it('must be a boolean (the error names markdown, as for any bad markdown body)', async () => {
    await expectField(
      api.messages.sendGroup('G1', { msg_type: 2, markdown: { content: 'x', force_verify_image_resource: 'yes' as unknown as boolean } }),
      'markdown',
    );
  });
});
