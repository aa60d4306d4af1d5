import { randomBytes } from 'node:crypto';
import type { Clock } from '../internal/Clock.js';
import { isPlainObject } from './deepMerge.js';
import { rfc3339Beijing } from './EventFactory.js';
import type { AdminServiceError, AdminServiceResult } from './GroupAdminService.js';
import type { SimulatorRoute } from './SimulatorRoute.js';

/**
 * The platform's codes for menu and panel errors, as the official docs list them (transcribed by
 * community SDKs; the reference's sources predate these APIs). 40030014 (menu item type) is named
 * only in a community SDK's notes.
 */
const PANEL_ERRORS = {
  40030001: '参数错误',
  40030006: '指令面板不存在',
  40030008: 'URL 格式错误',
  40030011: '生效场景不合法',
  40030012: '生效范围不合法',
  40030013: '超出数量限制',
  40030014: '菜单按钮类型不合法',
  40030015: '面板元素类型不合法',
  40030016: '必填字段缺失',
  40030017: '操作类型不合法',
  40030018: '当前场景不支持此操作',
  40030021: '全局面板不支持指定关联对象',
} as const;

type PanelErrorCode = keyof typeof PANEL_ERRORS;

/** A platform error reply, with the field at fault in the message. */
function fail(code: PanelErrorCode, detail?: string): AdminServiceError {
  return { error: code, status: 400, message: detail === undefined ? PANEL_ERRORS[code] : `${PANEL_ERRORS[code]}: ${detail}` };
}

const SCOPES = new Set(['c2c', 'group', 'channel', 'dm']);
const HTTPS = /^https:\/\/\S+$/u;
const MAX_PANELS = 20;
const MAX_PANEL_ITEMS = 20;
const MAX_MENU_ITEMS = 10;
const MAX_SUB_ITEMS = 5;
const MAX_TARGETS_PER_CALL = 20;

/** Display width as the platform counts it: a non-ASCII (CJK) character counts 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x7f ? 2 : 1;
  return width;
}

interface StoredPanel {
  panel_id: string;
  scope: string;
  target_type: 'all' | 'specific';
  panel: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  version: number;
  createdSeq: number;
  targets: Set<string>;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The custom C2C menu (`GET`/`PUT /v2/menu`) and command panels (`/v2/panels…`), with the limits
 * and error codes the platform documents: at most 10 menu buttons (5 sub-buttons, no nesting,
 * `https://` links, names of 10 / 14 width), at most 20 panels of 20 items, `specific` targets for
 * C2C and group panels only, 20 targets per call. State lives as long as the simulator (one app).
 * Internal; driven by {@link QQSimulator}.
 */
export class PanelService {
  private menu: { version: number; menu: Record<string, unknown> | null } = { version: 0, menu: null };
  private readonly panels = new Map<string, StoredPanel>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** Handles a menu or panel route; `undefined` if the route is not one of them. */
  handle(route: SimulatorRoute, params: Readonly<Record<string, string>>, body: unknown, query: URLSearchParams): AdminServiceResult | undefined {
    const panelId = params['panel_id'] ?? '';
    switch (route) {
      case 'GET /v2/menu':
        return { status: 200, body: { menu: this.menu.menu === null ? null : structuredClone(this.menu.menu), version: this.menu.version } };
      case 'PUT /v2/menu':
        return this.setMenu(body);
      case 'GET /v2/panels':
        return this.list(query);
      case 'POST /v2/panels':
        return this.create(body);
      case 'GET /v2/panels/{panel_id}': {
        const stored = this.panels.get(panelId);
        return stored ? { status: 200, body: this.view(stored, true) } : fail(40030006, panelId);
      }
      case 'PUT /v2/panels/{panel_id}':
        return this.update(panelId, body);
      case 'DELETE /v2/panels/{panel_id}':
        return this.panels.delete(panelId) ? { status: 200, body: {} } : fail(40030006, panelId);
      case 'PUT /v2/panels/{panel_id}/target':
        return this.target(panelId, body);
      default:
        return undefined;
    }
  }

  private setMenu(body: unknown): AdminServiceResult {
    const menu = isPlainObject(body) ? body['menu'] : undefined;
    if (!isPlainObject(menu)) return fail(40030016, 'menu');
    const items = menu['items'];
    if (!Array.isArray(items)) return fail(40030016, 'menu.items');
    if (items.length > MAX_MENU_ITEMS) return fail(40030013, `menu.items (at most ${MAX_MENU_ITEMS})`);
    for (const [i, item] of items.entries()) {
      const problem = checkMenuItem(item, `menu.items[${i}]`, 10, true);
      if (problem) return problem;
    }
    this.menu = { version: this.menu.version + 1, menu: structuredClone(menu) };
    return { status: 200, body: { version: this.menu.version } };
  }

  private list(query: URLSearchParams): AdminServiceResult {
    const scope = query.get('scope');
    if (scope === null || !SCOPES.has(scope)) return fail(40030011, 'scope');
    const limitText = query.get('limit');
    const limit = limitText === null || limitText === '' ? 20 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) return fail(40030001, 'limit');
    if (limit > 50) return fail(40030013, 'limit (at most 50)');
    const cursor = query.get('cursor') ?? '';
    const start = cursor === '' ? 0 : Number(cursor);
    if (!Number.isInteger(start) || start < 0) return fail(40030001, 'cursor');
    const all = [...this.panels.values()].filter((p) => p.scope === scope).sort((a, b) => b.createdSeq - a.createdSeq);
    const page = all.slice(start, start + limit);
    const end = start + page.length >= all.length;
    return {
      status: 200,
      body: { records: page.map((p) => this.view(p, false)), next_cursor: end ? '' : String(start + page.length), is_end: end },
    };
  }

  private create(body: unknown): AdminServiceResult {
    if (!isPlainObject(body)) return fail(40030016, 'scope');
    const scope = body['scope'];
    if (typeof scope !== 'string' || !SCOPES.has(scope)) return fail(40030011, 'scope');
    const targetType = body['target_type'] ?? 'all';
    if (targetType !== 'all' && targetType !== 'specific') return fail(40030012, 'target_type');
    if (targetType === 'specific' && scope !== 'c2c' && scope !== 'group') return fail(40030012, `target_type specific with scope ${scope}`);
    const users = body['user_openids'];
    const groups = body['group_openids'];
    if (users !== undefined && scope !== 'c2c') return fail(40030018, 'user_openids');
    if (groups !== undefined && scope !== 'group') return fail(40030018, 'group_openids');
    if ((users !== undefined || groups !== undefined) && targetType !== 'specific') return fail(40030021, 'target_type all');
    const ids = users ?? groups ?? [];
    if (!isStringList(ids)) return fail(40030001, scope === 'c2c' ? 'user_openids' : 'group_openids');
    if (ids.length > MAX_TARGETS_PER_CALL) return fail(40030013, `openids (at most ${MAX_TARGETS_PER_CALL})`);
    const panel = checkPanel(body['panel']);
    if ('error' in panel) return panel;
    if (this.panels.size >= MAX_PANELS) return fail(40030013, `panels (at most ${MAX_PANELS} per bot)`);
    const now = rfc3339Beijing(this.clock.now());
    const stored: StoredPanel = {
      panel_id: `p_${randomBytes(6).toString('hex')}`,
      scope,
      target_type: targetType,
      panel: panel.value,
      created_at: now,
      updated_at: now,
      version: 1,
      createdSeq: ++this.seq,
      targets: new Set(ids),
    };
    this.panels.set(stored.panel_id, stored);
    return { status: 200, body: { panel_id: stored.panel_id } };
  }

  private update(panelId: string, body: unknown): AdminServiceResult {
    const stored = this.panels.get(panelId);
    if (!stored) return fail(40030006, panelId);
    const panel = checkPanel(isPlainObject(body) ? body['panel'] : undefined);
    if ('error' in panel) return panel;
    stored.panel = panel.value;
    stored.version += 1;
    stored.updated_at = rfc3339Beijing(this.clock.now());
    return { status: 200, body: { version: stored.version } };
  }

  private target(panelId: string, body: unknown): AdminServiceResult {
    const stored = this.panels.get(panelId);
    if (!stored) return fail(40030006, panelId);
    const fields = isPlainObject(body) ? body : {};
    const op = fields['op'];
    if (op !== 'add' && op !== 'del') return fail(40030017, 'op');
    if (stored.scope !== 'c2c' && stored.scope !== 'group') return fail(40030018, `scope ${stored.scope}`);
    if (stored.target_type === 'all') return fail(40030021);
    const field = stored.scope === 'c2c' ? 'user_openids' : 'group_openids';
    const other = stored.scope === 'c2c' ? 'group_openids' : 'user_openids';
    if (fields[other] !== undefined) return fail(40030018, other);
    const ids = fields[field];
    if (ids === undefined) return fail(40030016, field);
    if (!isStringList(ids) || ids.length === 0) return fail(40030001, field);
    if (ids.length > MAX_TARGETS_PER_CALL) return fail(40030013, `${field} (at most ${MAX_TARGETS_PER_CALL})`);
    for (const id of ids) {
      if (op === 'add') stored.targets.add(id);
      else stored.targets.delete(id);
    }
    return { status: 200, body: {} };
  }

  private view(stored: StoredPanel, detail: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {
      panel_id: stored.panel_id,
      scope: stored.scope,
      target_type: stored.target_type,
      panel: { ...structuredClone(stored.panel), version: stored.version },
      created_at: stored.created_at,
      updated_at: stored.updated_at,
      version: stored.version,
    };
    if (detail && stored.target_type === 'specific') {
      out[stored.scope === 'c2c' ? 'user_openids' : 'group_openids'] = [...stored.targets].slice(0, 1000);
    }
    return out;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '');
}

/** Checks a menu button; `top` allows `switch` and `menu` (sub-buttons cannot nest). */
function checkMenuItem(item: unknown, at: string, maxWidth: number, top: boolean): AdminServiceError | undefined {
  if (!isPlainObject(item)) return fail(40030016, at);
  const name = str(item['name']);
  if (name === undefined || name === '') return fail(40030016, `${at}.name`);
  if (displayWidth(name) > maxWidth) return fail(40030001, `${at}.name (at most ${maxWidth} wide, a CJK character counts 2)`);
  const type = item['type'];
  const types = top ? ['switch', 'send_message', 'link', 'menu'] : ['send_message', 'link'];
  if (typeof type !== 'string' || !types.includes(type)) return fail(40030014, `${at}.type`);
  switch (type) {
    case 'send_message':
      if (!str(item['send_message'])) return fail(40030016, `${at}.send_message`);
      return undefined;
    case 'link': {
      const link = str(item['link']);
      if (link === undefined) return fail(40030016, `${at}.link`);
      return HTTPS.test(link) ? undefined : fail(40030008, `${at}.link`);
    }
    case 'switch': {
      const sw = item['switch'];
      return isPlainObject(sw) && str(sw['switch_id']) ? undefined : fail(40030016, `${at}.switch.switch_id`);
    }
    default: {
      const subs = item['sub_menu_items'];
      if (!Array.isArray(subs) || subs.length === 0) return fail(40030016, `${at}.sub_menu_items`);
      if (subs.length > MAX_SUB_ITEMS) return fail(40030013, `${at}.sub_menu_items (at most ${MAX_SUB_ITEMS})`);
      for (const [i, sub] of subs.entries()) {
        const problem = checkMenuItem(sub, `${at}.sub_menu_items[${i}]`, 14, false);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

/** Checks a panel's content; returns a copy without a client-sent `version`. */
function checkPanel(panel: unknown): { value: Record<string, unknown> } | AdminServiceError {
  if (!isPlainObject(panel)) return fail(40030016, 'panel');
  const items = panel['items'] ?? [];
  if (!Array.isArray(items)) return fail(40030001, 'panel.items');
  if (items.length > MAX_PANEL_ITEMS) return fail(40030013, `panel.items (at most ${MAX_PANEL_ITEMS})`);
  for (const [i, item] of items.entries()) {
    const problem = checkPanelItem(item, `panel.items[${i}]`);
    if (problem) return problem;
  }
  const remark = panel['remark'];
  if (remark !== undefined && (typeof remark !== 'string' || [...remark].length > 255)) {
    return fail(40030001, 'panel.remark (at most 255 characters)');
  }
  const copy = structuredClone(panel);
  delete copy['version'];
  copy['items'] = structuredClone(items);
  return { value: copy };
}

function checkPanelItem(item: unknown, at: string): AdminServiceError | undefined {
  if (!isPlainObject(item)) return fail(40030016, at);
  const name = str(item['name']);
  if (name === undefined || name === '') return fail(40030016, `${at}.name`);
  if (displayWidth(name) > 14) return fail(40030001, `${at}.name (at most 14 wide, a CJK character counts 2)`);
  const desc = item['desc'];
  if (desc !== undefined && (typeof desc !== 'string' || displayWidth(desc) > 30)) return fail(40030001, `${at}.desc (at most 30 wide)`);
  const type = item['type'];
  if (type !== 'command' && type !== 'link') return fail(40030015, `${at}.type`);
  if (type === 'link') {
    const link = str(item['link']);
    if (link === undefined) return fail(40030016, `${at}.link`);
    if (!HTTPS.test(link)) return fail(40030008, `${at}.link`);
  }
  return undefined;
}
