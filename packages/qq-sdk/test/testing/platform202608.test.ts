// The simulator serves the platform's 2026-08 additions end to end: the SDK's REST client talks to
// QQSimulator over real sockets on 127.0.0.1, state is kept (menu, panels, mutes, strategies) and
// bad input the SDK would refuse locally is answered with the platform's codes when sent raw.
import { afterEach, describe, expect, it } from 'vitest';
import { QQApiError } from '../../src/errors/QQApiError.js';
import { API } from '../../src/rest/API.js';
import { RestClient } from '../../src/rest/RestClient.js';
import { RetryPolicies } from '../../src/rest/RetryPolicy.js';
import { ManualClock, QQSimulator, type SimulatorOptions } from '../../src/testing/index.js';

let sim: QQSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: SimulatorOptions = {}): Promise<{ s: QQSimulator; api: API; rest: RestClient }> {
  const s = await QQSimulator.start(options);
  sim = s;
  const rest = new RestClient(
    { appId: s.appId, clientSecret: s.clientSecret },
    { apiBaseUrl: s.url, tokenUrl: s.tokenUrl, retryPolicy: RetryPolicies.immediate, maxRetries: 0, logLevel: 'silent' },
  );
  return { s, api: new API(rest), rest };
}

/** The platform error a call rejects with. */
async function apiError(promise: Promise<unknown>): Promise<QQApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QQApiError);
  return error as QQApiError;
}

/** Beijing RFC 3339 of `epochMs`. */
function beijing(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

describe('simulator: custom C2C menu', () => {
  it('has no menu at first, stores a PUT, returns it on GET and bumps the version on every PUT', async () => {
    const { s, api } = await start();
    expect(await api.menu.get()).toEqual({ menu: null, version: 0 });
    const menu = {
      items: [
        { type: 'send_message' as const, name: '帮助', send_message: '/help' },
        { type: 'menu' as const, name: '更多', sub_menu_items: [{ type: 'link' as const, name: '官网', link: 'https://example.com' }] },
        { type: 'switch' as const, name: '搜索', switch: { switch_id: 'search', default: true } },
      ],
    };
    expect(await api.menu.set({ menu })).toEqual({ version: 1 });
    expect(await api.menu.get()).toEqual({ menu, version: 1 });
    const replaced = { items: [{ type: 'link' as const, name: 'docs', link: 'https://example.com/docs' }] };
    expect(await api.menu.set({ menu: replaced })).toEqual({ version: 2 });
    expect(await api.menu.get()).toEqual({ menu: replaced, version: 2 });
    expect(s.requestsTo('PUT /v2/menu').map((r) => r.body)).toEqual([{ menu }, { menu: replaced }]);
  });

  it.each<[string, unknown, number]>([
    ['11 items', { menu: { items: Array.from({ length: 11 }, () => ({ type: 'send_message', name: 'a', send_message: 'b' })) } }, 40030013],
    ['an unknown button type', { menu: { items: [{ type: 'call', name: 'a' }] } }, 40030014],
    ['an http link', { menu: { items: [{ type: 'link', name: 'a', link: 'http://example.com' }] } }, 40030008],
    ['a name wider than 10 (a CJK character counts 2)', { menu: { items: [{ type: 'send_message', name: '一二三四五六', send_message: 'x' }] } }, 40030001],
    ['no menu', {}, 40030016],
    ['a nested menu', { menu: { items: [{ type: 'menu', name: 'a', sub_menu_items: [{ type: 'menu', name: 'b' }] }] } }, 40030014],
  ])('refuses %s with the platform code and keeps the old menu', async (_name, body, code) => {
    const { rest, api } = await start();
    const error = await apiError(rest.request({ method: 'PUT', path: '/v2/menu', body }));
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(await api.menu.get()).toEqual({ menu: null, version: 0 });
  });
});

describe('simulator: command panels', () => {
  const panel = { items: [{ type: 'command' as const, name: '签到', desc: '每日签到' }], remark: 'tools' };

  it('creates, gets, lists per scope newest first with paging, updates, re-targets and deletes panels', async () => {
    const { api } = await start();
    const a = await api.panels.create({ scope: 'group', target_type: 'specific', group_openids: ['G1'], panel });
    const b = await api.panels.create({ scope: 'group', panel: { items: [{ type: 'link', name: 'web', link: 'https://example.com' }] } });
    const c = await api.panels.create({ scope: 'c2c', target_type: 'all', panel });
    expect(new Set([a.panel_id, b.panel_id, c.panel_id]).size).toBe(3);

    const detail = await api.panels.get(a.panel_id);
    expect(detail).toMatchObject({
      panel_id: a.panel_id,
      scope: 'group',
      target_type: 'specific',
      version: 1,
      group_openids: ['G1'],
      panel: { items: panel.items, remark: 'tools' },
    });
    expect(detail.created_at).toMatch(/\+08:00$/);
    expect((await api.panels.get(b.panel_id)).target_type).toBe('all');

    const first = await api.panels.list({ scope: 'group', limit: 1 });
    expect(first.records?.map((r) => r.panel_id)).toEqual([b.panel_id]);
    expect(first.is_end).toBe(false);
    const second = await api.panels.list({ scope: 'group', limit: 1, cursor: first.next_cursor! });
    expect(second).toMatchObject({ is_end: true, next_cursor: '' });
    expect(second.records?.map((r) => r.panel_id)).toEqual([a.panel_id]);
    expect((await api.panels.list({ scope: 'c2c' })).records?.map((r) => r.panel_id)).toEqual([c.panel_id]);
    expect((await api.panels.list({ scope: 'dm' })).records).toEqual([]);

    expect(await api.panels.update(a.panel_id, { panel: { items: [{ type: 'command', name: '打卡' }] } })).toEqual({ version: 2 });
    await api.panels.updateTargets(a.panel_id, { op: 'add', group_openids: ['G2', 'G3'] });
    await api.panels.updateTargets(a.panel_id, { op: 'del', group_openids: ['G1'] });
    const updated = await api.panels.get(a.panel_id);
    expect(updated).toMatchObject({ version: 2, group_openids: ['G2', 'G3'], panel: { items: [{ type: 'command', name: '打卡' }] } });

    await api.panels.delete(a.panel_id);
    expect((await apiError(api.panels.get(a.panel_id))).code).toBe(40030006);
    expect((await apiError(api.panels.delete(a.panel_id))).code).toBe(40030006);
  });

  it('refuses targets on panels for all chats (40030021) and on channel panels (40030018)', async () => {
    const { api } = await start();
    const all = await api.panels.create({ scope: 'c2c', target_type: 'all', panel });
    expect((await apiError(api.panels.updateTargets(all.panel_id, { op: 'add', user_openids: ['U1'] }))).code).toBe(40030021);
    const channel = await api.panels.create({ scope: 'channel', panel });
    expect((await apiError(api.panels.updateTargets(channel.panel_id, { op: 'add', user_openids: ['U1'] }))).code).toBe(40030018);
    expect((await apiError(api.panels.updateTargets('p_missing', { op: 'add', user_openids: ['U1'] }))).code).toBe(40030006);
  });

  it('allows 20 panels per bot, then 40030013', async () => {
    const { api } = await start();
    for (let i = 0; i < 20; i += 1) await api.panels.create({ scope: 'dm', panel });
    expect((await apiError(api.panels.create({ scope: 'dm', panel }))).code).toBe(40030013);
  });

  it.each<[string, string, Record<string, string> | undefined, unknown, number]>([
    ['an unknown scope', 'POST', undefined, { scope: 'guild', panel }, 40030011],
    ['specific on a dm panel', 'POST', undefined, { scope: 'dm', target_type: 'specific', panel }, 40030012],
    ['an unknown item type', 'POST', undefined, { scope: 'c2c', panel: { items: [{ type: 'button', name: 'x' }] } }, 40030015],
    ['21 items', 'POST', undefined, { scope: 'c2c', panel: { items: Array.from({ length: 21 }, () => ({ type: 'command', name: 'x' })) } }, 40030013],
    ['no panel', 'POST', undefined, { scope: 'c2c' }, 40030016],
    ['a list without scope', 'GET', {}, undefined, 40030011],
    ['a list limit of 51', 'GET', { scope: 'c2c', limit: '51' }, undefined, 40030013],
  ])('refuses %s', async (_name, method, query, body, code) => {
    const { rest } = await start();
    const error = await apiError(rest.request({ method: method as 'GET' | 'POST', path: '/v2/panels', query, body }));
    expect(error.code).toBe(code);
  });
});

describe('simulator: group mute', () => {
  it('stores mutes per group, returns them on GET until they expire, and lifts them with del', async () => {
    const clock = new ManualClock();
    const { api } = await start({ clock });
    expect((await api.groups.getRestrictChatSetting('G1')).members).toEqual([]);
    await api.groups.muteMembers('G1', ['M1', 'M2'], 600);
    await api.groups.setRestrictChatSetting('G1', { members: [{ op: 'add', member_openid: 'M3', mute_expire_at: beijing(clock.now() + 7_200_000) }] });
    const setting = await api.groups.getRestrictChatSetting('G1');
    expect(setting.members?.map((m) => m.member_openid)).toEqual(['M1', 'M2', 'M3']);
    expect(setting.members?.[2]?.mute_expire_at).toBe(beijing(clock.now() + 7_200_000));
    expect((await api.groups.getRestrictChatSetting('G2')).members).toEqual([]);

    await api.groups.unmuteMembers('G1', ['M2']);
    expect((await api.groups.getRestrictChatSetting('G1')).members?.map((m) => m.member_openid)).toEqual(['M1', 'M3']);

    clock.advance(601_000);
    expect((await api.groups.getRestrictChatSetting('G1')).members?.map((m) => m.member_openid)).toEqual(['M3']);
  });

  it('refuses a mute more than 30 days ahead sent raw (the SDK refuses it before sending)', async () => {
    const { s, rest, api } = await start();
    const tooLate = beijing(s.clock.now() + 31 * 86_400_000);
    const error = await apiError(
      rest.request({
        method: 'POST',
        path: '/v2/groups/G1/restrict_chat_setting',
        body: { members: [{ op: 'add', member_openid: 'M1', mute_expire_at: tooLate }] },
      }),
    );
    expect(error.code).toBe(50035);
    expect(error.message).toMatch(/30 days/);
    expect((await api.groups.getRestrictChatSetting('G1')).members).toEqual([]);
    const before = s.requests.length;
    await expect(api.groups.muteMembers('G1', ['M1'], 31 * 86_400)).rejects.toThrow(/seconds/);
    expect(s.requests.length).toBe(before);
  });

  it('refuses more than 20 changes and a missing mute_expire_at', async () => {
    const { rest } = await start();
    const many = Array.from({ length: 21 }, (_, i) => ({ op: 'del', member_openid: `M${i}` }));
    expect((await apiError(rest.request({ method: 'POST', path: '/v2/groups/G1/restrict_chat_setting', body: { members: many } }))).code).toBe(50035);
    expect(
      (await apiError(rest.request({ method: 'POST', path: '/v2/groups/G1/restrict_chat_setting', body: { members: [{ op: 'add', member_openid: 'M' }] } })))
        .code,
    ).toBe(50035);
  });
});

describe('simulator: join-approval strategies', () => {
  it('creates, lists newest first with paging, updates, whitelists, executes and deletes strategies', async () => {
    const { s, api } = await start();
    const first = await api.groups.createJoinApprovalStrategy({ group_openids: ['G1'], remark: 'one' });
    expect(first).toMatchObject({ strategy_id: expect.any(String), is_enable: 'on' });
    const oneYear = Date.parse(first.expire_at!) - s.clock.now();
    expect(oneYear).toBeGreaterThan(364 * 86_400_000);
    const second = await api.groups.createJoinApprovalStrategy({ group_ids: ['123456'], is_enable: 'off', expire_at: '2027-01-01T00:00:00+08:00' });
    expect(second).toMatchObject({ is_enable: 'off', expire_at: '2027-01-01T00:00:00+08:00' });

    const page1 = await api.groups.listJoinApprovalStrategies({ limit: 1 });
    expect(page1.strategies?.map((x) => x.strategy_id)).toEqual([second.strategy_id]);
    expect(page1.strategies?.[0]).toMatchObject({ group_ids: ['123456'], whitelist_user_count: 0 });
    const page2 = await api.groups.listJoinApprovalStrategies({ limit: 1, cursor: page1.next_cursor! });
    expect(page2.strategies?.map((x) => x.strategy_id)).toEqual([first.strategy_id]);
    expect(page2.next_cursor).toBe('');

    expect(
      await api.groups.updateJoinApprovalStrategy(first.strategy_id, { is_enable: 'off', group_action: { op: 'add', group_openids: ['G2'] } }),
    ).toMatchObject({ is_enable: 'off' });
    const wl = await api.groups.updateJoinApprovalStrategyWhitelist(first.strategy_id, { op: 'add', whitelist_users: ['10001', '10002', '10001'] });
    expect(wl).toMatchObject({ strategy_id: first.strategy_id, whitelist_user_count: 2 });
    expect((await api.groups.updateJoinApprovalStrategyWhitelist(first.strategy_id, { op: 'del', whitelist_users: ['10002'] })).whitelist_user_count).toBe(1);
    const listed = (await api.groups.listJoinApprovalStrategies()).strategies?.find((x) => x.strategy_id === first.strategy_id);
    expect(listed).toMatchObject({ group_openids: ['G1', 'G2'], is_enable: 'off', whitelist_user_count: 1, remark: 'one' });

    await api.groups.executeJoinApprovalStrategy(first.strategy_id);
    await api.groups.deleteJoinApprovalStrategy(first.strategy_id);
    expect((await api.groups.listJoinApprovalStrategies()).strategies?.map((x) => x.strategy_id)).toEqual([second.strategy_id]);
    for (const call of [
      () => api.groups.executeJoinApprovalStrategy(first.strategy_id),
      () => api.groups.deleteJoinApprovalStrategy(first.strategy_id),
      () => api.groups.updateJoinApprovalStrategy(first.strategy_id, { remark: 'x' }),
    ]) {
      expect((await apiError(call())).status).toBe(404);
    }
  });

  it('keeps a strategy to the group naming it was created with, and allows 20 strategies', async () => {
    const { api, rest } = await start();
    const { strategy_id } = await api.groups.createJoinApprovalStrategy({ group_ids: ['1001'] });
    const mixed = await apiError(api.groups.updateJoinApprovalStrategy(strategy_id, { group_action: { op: 'add', group_openids: ['G9'] } }));
    expect(mixed.code).toBe(50035);
    const both = await apiError(rest.request({ method: 'POST', path: '/v2/groups/join_approval_strategy', body: { group_openids: ['G'], group_ids: ['1'] } }));
    expect(both.code).toBe(50035);
    for (let i = 1; i < 20; i += 1) await api.groups.createJoinApprovalStrategy({ group_openids: [`G${i}`] });
    expect((await apiError(api.groups.createJoinApprovalStrategy({ group_openids: ['G20'] }))).code).toBe(50035);
  });
});

describe('simulator: routes and records', () => {
  it('records the new routes by template and lets failNext target them', async () => {
    const { s, api } = await start();
    s.failNext('PUT /v2/panels/{panel_id}/target', 40030009);
    expect((await apiError(api.panels.updateTargets('p1', { op: 'add', user_openids: ['U'] }))).code).toBe(40030009);
    await api.menu.get();
    expect(s.requestsTo('GET /v2/menu')).toHaveLength(1);
    expect(s.requestsTo('PUT /v2/panels/{panel_id}/target')[0]?.params).toEqual({ panel_id: 'p1' });
  });

  it('serves a markdown body with force_verify_image_resource like any markdown message', async () => {
    const { s, api } = await start();
    const event = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'G1' });
    await api.messages.sendGroup('G1', { msg_type: 2, markdown: { content: '**hi**', force_verify_image_resource: true }, msg_id: event.data.id, msg_seq: 1 });
    expect(s.requestsTo('POST /v2/groups/{group_openid}/messages')[0]?.body).toMatchObject({ markdown: { force_verify_image_resource: true } });
    expect(s.messagesTo('G1')).toHaveLength(1);
  });
});
