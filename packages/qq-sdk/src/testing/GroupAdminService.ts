import { randomBytes } from 'node:crypto';
import type { Clock } from '../internal/Clock.js';
import { isPlainObject } from './deepMerge.js';
import { rfc3339Beijing } from './EventFactory.js';
import type { SimulatorRoute } from './SimulatorRoute.js';

/** A platform error reply of a simulator service: the code, and the HTTP status and message if not the catalogue's. Internal. */
export interface AdminServiceError {
  error: number;
  status?: number;
  message?: string;
}

/** A simulator service's answer: status and JSON body, or a platform error. Internal. */
export type AdminServiceResult = { status: number; body: unknown } | AdminServiceError;

/** The platform mutes for 30 days at most. */
const MAX_MUTE_MS = 30 * 86_400_000;
/** Leeway for the caller's clock running ahead of the simulator's. */
const CLOCK_SLACK_MS = 5 * 60_000;
const MAX_MUTE_CHANGES = 20;
const MAX_STRATEGIES = 20;
const MAX_STRATEGY_GROUPS = 100;
const MAX_WHITELIST_PER_CALL = 10_000;
const MAX_WHITELIST = 100_000;
const YEAR_MS = 365 * 86_400_000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

/**
 * The platform's codes for these endpoints are not documented (UNCONFIRMED); the simulator answers
 * a bad body with 50035 (as its other endpoints do) and an unknown strategy with HTTP 404.
 */
const invalid = (detail: string): AdminServiceError => ({ error: 50035, status: 400, message: `invalid form body: ${detail}` });
const unknownStrategy = (id: string): AdminServiceError => ({ error: 404, status: 404, message: `join approval strategy not found: ${id}` });

interface Strategy {
  strategy_id: string;
  /** How the groups are named: by openid or by QQ group number; fixed at creation. */
  kind: 'group_openids' | 'group_ids';
  groups: Set<string>;
  whitelist: Set<string>;
  is_enable: 'on' | 'off';
  expire_at: string;
  remark: string;
  created_at: string;
  updated_at: string;
  createdSeq: number;
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Group ids as strings (`group_ids` may be sent as numbers). */
function idList(value: unknown, digits: boolean): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: string[] = [];
  for (const v of value) {
    const text = typeof v === 'number' && digits && Number.isInteger(v) && v > 0 ? String(v) : v;
    if (typeof text !== 'string' || text === '' || (digits && !/^\d+$/u.test(text))) return undefined;
    out.push(text);
  }
  return out;
}

/**
 * Group mutes (`GET`/`POST /v2/groups/{group_openid}/restrict_chat_setting`) and join-approval
 * strategies (`/v2/groups/join_approval_strategy…`): mutes are kept per group until they expire on
 * the simulator's clock (at most 30 days ahead, 20 changes a call); strategies (at most 20, each
 * with up to 100 groups and 100000 whitelisted QQ numbers) are created, listed newest first,
 * changed, run and deleted. The simulator does not know group membership, so every group is
 * taken as one where the bot is an admin. State lives as long as the simulator (one app).
 * Internal; driven by {@link QQSimulator}.
 */
export class GroupAdminService {
  private readonly mutes = new Map<string, Map<string, number>>();
  private readonly strategies = new Map<string, Strategy>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** Handles a mute or strategy route; `undefined` if the route is not one of them. */
  handle(route: SimulatorRoute, params: Readonly<Record<string, string>>, body: unknown, query: URLSearchParams): AdminServiceResult | undefined {
    const strategyId = params['strategy_id'] ?? '';
    switch (route) {
      case 'GET /v2/groups/{group_openid}/restrict_chat_setting':
        return this.muteSetting(params['group_openid'] ?? '');
      case 'POST /v2/groups/{group_openid}/restrict_chat_setting':
        return this.setMutes(params['group_openid'] ?? '', body);
      case 'GET /v2/groups/join_approval_strategy':
        return this.listStrategies(query);
      case 'POST /v2/groups/join_approval_strategy':
        return this.createStrategy(body);
      case 'PATCH /v2/groups/join_approval_strategy/{strategy_id}':
        return this.updateStrategy(strategyId, body);
      case 'DELETE /v2/groups/join_approval_strategy/{strategy_id}':
        return this.strategies.delete(strategyId) ? { status: 200, body: {} } : unknownStrategy(strategyId);
      case 'POST /v2/groups/join_approval_strategy/{strategy_id}/execute': {
        // The platform runs it asynchronously (about 10 minutes); the simulator has no join requests to run it on.
        return this.strategies.has(strategyId) ? { status: 200, body: {} } : unknownStrategy(strategyId);
      }
      case 'POST /v2/groups/join_approval_strategy/{strategy_id}/whitelist_users':
        return this.whitelist(strategyId, body);
      default:
        return undefined;
    }
  }

  private muteSetting(group: string): AdminServiceResult {
    const now = this.clock.now();
    const members: Record<string, unknown>[] = [];
    for (const [member, until] of this.mutes.get(group) ?? []) {
      if (until > now) members.push({ member_openid: member, mute_expire_at: rfc3339Beijing(until) });
    }
    return { status: 200, body: { global_rule: { mode: 'none', schedule_rules: [], recurring_rules: [] }, members } };
  }

  private setMutes(group: string, body: unknown): AdminServiceResult {
    const changes = isPlainObject(body) ? body['members'] : undefined;
    if (!Array.isArray(changes) || changes.length === 0) return invalid('members is required');
    if (changes.length > MAX_MUTE_CHANGES) return invalid(`members: at most ${MAX_MUTE_CHANGES} per call`);
    const now = this.clock.now();
    const planned: [string, number | null][] = [];
    for (const [i, change] of changes.entries()) {
      if (!isPlainObject(change)) return invalid(`members[${i}]`);
      const { op, member_openid: member, mute_expire_at: at } = change;
      if (typeof member !== 'string' || member === '') return invalid(`members[${i}].member_openid`);
      if (op === 'del') {
        planned.push([member, null]);
        continue;
      }
      if (op !== 'add' && op !== 'update') return invalid(`members[${i}].op`);
      const until = parseTime(at);
      if (until === undefined) return invalid(`members[${i}].mute_expire_at (RFC 3339)`);
      if (until - now > MAX_MUTE_MS + CLOCK_SLACK_MS) return invalid(`members[${i}].mute_expire_at: at most 30 days ahead`);
      planned.push([member, until > now ? until : null]);
    }
    let muted = this.mutes.get(group);
    if (!muted) this.mutes.set(group, (muted = new Map()));
    for (const [member, until] of planned) {
      if (until === null) muted.delete(member);
      else muted.set(member, until);
    }
    return { status: 200, body: {} };
  }

  private view(s: Strategy): Record<string, unknown> {
    return {
      strategy_id: s.strategy_id,
      [s.kind]: [...s.groups],
      whitelist_user_count: s.whitelist.size,
      is_enable: s.is_enable,
      expire_at: s.expire_at,
      created_at: s.created_at,
      updated_at: s.updated_at,
      remark: s.remark,
    };
  }

  private listStrategies(query: URLSearchParams): AdminServiceResult {
    const limitText = query.get('limit');
    const limit = limitText === null || limitText === '' ? 20 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid('limit: 1 to 100');
    const cursor = query.get('cursor') ?? '';
    const start = cursor === '' ? 0 : Number(cursor);
    if (!Number.isInteger(start) || start < 0) return invalid('cursor');
    const all = [...this.strategies.values()].sort((a, b) => b.createdSeq - a.createdSeq);
    const page = all.slice(start, start + limit);
    const next = start + page.length >= all.length ? '' : String(start + page.length);
    return { status: 200, body: { strategies: page.map((s) => this.view(s)), next_cursor: next } };
  }

  /** `is_enable`, `expire_at` and `remark` as sent, or an error naming the bad one. */
  private commonFields(body: Record<string, unknown>): AdminServiceError | undefined {
    const enable = body['is_enable'];
    if (enable !== undefined && enable !== 'on' && enable !== 'off') return invalid("is_enable: 'on' or 'off'");
    if (body['expire_at'] !== undefined && parseTime(body['expire_at']) === undefined) return invalid('expire_at (RFC 3339)');
    const remark = body['remark'];
    if (remark !== undefined && (typeof remark !== 'string' || [...remark].length > 255)) return invalid('remark: at most 255 characters');
    return undefined;
  }

  private createStrategy(raw: unknown): AdminServiceResult {
    const body = isPlainObject(raw) ? raw : {};
    const hasOpenids = body['group_openids'] !== undefined;
    if (hasOpenids === (body['group_ids'] !== undefined)) return invalid('give exactly one of group_openids and group_ids');
    const kind = hasOpenids ? 'group_openids' : 'group_ids';
    const groups = idList(body[kind], kind === 'group_ids');
    if (!groups) return invalid(kind);
    if (groups.length > MAX_STRATEGY_GROUPS) return invalid(`${kind}: at most ${MAX_STRATEGY_GROUPS}`);
    const problem = this.commonFields(body);
    if (problem) return problem;
    if (this.strategies.size >= MAX_STRATEGIES) return invalid(`at most ${MAX_STRATEGIES} strategies per bot`);
    const now = this.clock.now();
    const strategy: Strategy = {
      strategy_id: `st_${randomBytes(6).toString('hex')}`,
      kind,
      groups: new Set(groups),
      whitelist: new Set(),
      is_enable: body['is_enable'] === 'off' ? 'off' : 'on',
      expire_at: typeof body['expire_at'] === 'string' ? body['expire_at'] : rfc3339Beijing(now + YEAR_MS),
      remark: typeof body['remark'] === 'string' ? body['remark'] : '',
      created_at: rfc3339Beijing(now),
      updated_at: rfc3339Beijing(now),
      createdSeq: ++this.seq,
    };
    this.strategies.set(strategy.strategy_id, strategy);
    return { status: 200, body: { strategy_id: strategy.strategy_id, is_enable: strategy.is_enable, expire_at: strategy.expire_at } };
  }

  private updateStrategy(id: string, raw: unknown): AdminServiceResult {
    const strategy = this.strategies.get(id);
    if (!strategy) return unknownStrategy(id);
    const body = isPlainObject(raw) ? raw : {};
    const problem = this.commonFields(body);
    if (problem) return problem;
    const action = body['group_action'];
    let change: { op: 'add' | 'del'; ids: string[] } | undefined;
    if (action !== undefined) {
      if (!isPlainObject(action) || (action['op'] !== 'add' && action['op'] !== 'del')) return invalid("group_action.op: 'add' or 'del'");
      const other = strategy.kind === 'group_openids' ? 'group_ids' : 'group_openids';
      if (action[other] !== undefined) return invalid(`group_action.${other}: the strategy names its groups by ${strategy.kind}`);
      const ids = idList(action[strategy.kind], strategy.kind === 'group_ids');
      if (!ids) return invalid(`group_action.${strategy.kind}`);
      change = { op: action['op'], ids };
      const after = new Set(strategy.groups);
      for (const g of ids) {
        if (change.op === 'add') after.add(g);
        else after.delete(g);
      }
      if (after.size > MAX_STRATEGY_GROUPS) return invalid(`group_action: a strategy has at most ${MAX_STRATEGY_GROUPS} groups`);
      if (after.size === 0) return invalid('group_action: a strategy keeps at least one group');
      strategy.groups = after;
    }
    if (change === undefined && ['is_enable', 'expire_at', 'remark'].every((k) => body[k] === undefined)) {
      return invalid('nothing to change');
    }
    if (body['is_enable'] === 'on' || body['is_enable'] === 'off') strategy.is_enable = body['is_enable'];
    if (typeof body['expire_at'] === 'string') strategy.expire_at = body['expire_at'];
    if (typeof body['remark'] === 'string') strategy.remark = body['remark'];
    strategy.updated_at = rfc3339Beijing(this.clock.now());
    return { status: 200, body: { is_enable: strategy.is_enable, expire_at: strategy.expire_at } };
  }

  private whitelist(id: string, raw: unknown): AdminServiceResult {
    const strategy = this.strategies.get(id);
    if (!strategy) return unknownStrategy(id);
    const body = isPlainObject(raw) ? raw : {};
    const op = body['op'];
    if (op !== 'add' && op !== 'del') return invalid("op: 'add' or 'del'");
    const users = body['whitelist_users'];
    if (!Array.isArray(users) || users.length === 0 || !users.every((u) => typeof u === 'string' && /^\d+$/u.test(u))) {
      return invalid('whitelist_users: QQ numbers as strings');
    }
    if (users.length > MAX_WHITELIST_PER_CALL) return invalid(`whitelist_users: at most ${MAX_WHITELIST_PER_CALL} per call`);
    const after = new Set(strategy.whitelist);
    for (const u of users as string[]) {
      if (op === 'add') after.add(u);
      else after.delete(u);
    }
    if (after.size > MAX_WHITELIST) return invalid(`whitelist_users: a strategy holds at most ${MAX_WHITELIST}`);
    strategy.whitelist = after;
    strategy.updated_at = rfc3339Beijing(this.clock.now());
    return { status: 200, body: { strategy_id: id, whitelist_user_count: after.size, updated_at: strategy.updated_at } };
  }
}
