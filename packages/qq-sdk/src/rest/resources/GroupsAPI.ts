import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import {
  BatchRemoveMembersBodySchema,
  BatchRemoveMembersResultSchema,
  UpdateMemberBlacklistBodySchema,
  UpdateMemberBlacklistResultSchema,
  type BatchRemoveMembersBody,
  type BatchRemoveMembersResult,
  type UpdateMemberBlacklistBody,
  type UpdateMemberBlacklistResult,
  CreateJoinApprovalStrategyBodySchema,
  GenerateUrlLinkBodySchema,
  GROUP_MUTE_MAX_SECONDS,
  GroupMembersPageSchema,
  JoinApprovalStrategyCreatedSchema,
  JoinApprovalStrategyListSchema,
  JoinApprovalStrategyStateSchema,
  JoinRequestDecisionBodySchema,
  JoinRequestListSchema,
  ListJoinApprovalStrategiesQuerySchema,
  LooseRecordSchema,
  RestrictChatSettingSchema,
  SetRestrictChatSettingBodySchema,
  StrategyWhitelistBodySchema,
  StrategyWhitelistResultSchema,
  UpdateJoinApprovalStrategyBodySchema,
  type CreateJoinApprovalStrategyBody,
  type GenerateUrlLinkBody,
  type GroupMembersPage,
  type JoinApprovalStrategyCreated,
  type JoinApprovalStrategyList,
  type JoinApprovalStrategyState,
  type JoinRequestDecisionBody,
  type JoinRequestList,
  type ListJoinApprovalStrategiesQuery,
  type LooseRecord,
  type RestrictChatSetting,
  type SetRestrictChatSettingBody,
  type StrategyWhitelistBody,
  type StrategyWhitelistResult,
  type UpdateJoinApprovalStrategyBody,
} from '../schemas/groups.js';
import { validateBody } from '../validateBody.js';
import type { QQPermissionError } from '../../errors/QQApiError.js';
import type { QQValidationError } from '../../errors/QQValidationError.js';

const CursorSchema = z.lazy(() => z.strictObject({ cursor: z.string().min(1).optional() }));
const MuteSchema = z.lazy(() =>
  z.strictObject({
    memberOpenids: z.array(z.string().min(1)).min(1).max(20, 'at most 20 members per call'),
    seconds: z.number().int().min(1).max(GROUP_MUTE_MAX_SECONDS, `must be at most ${GROUP_MUTE_MAX_SECONDS} (30 days)`),
  }),
);
const UnmuteSchema = z.lazy(() => z.strictObject({ memberOpenids: z.array(z.string().min(1)).min(1).max(20, 'at most 20 members per call') }));

/** `epochMs` as RFC 3339 in Beijing time (`2026-08-31T20:00:00+08:00`), the platform's own form. */
function beijingRfc3339(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * Group (群) management: info, bot state, members, blacklist, mutes, join requests and
 * join-approval strategies. UNCONFIRMED and invite-only: without permission the platform answers
 * 11253 ({@link QQPermissionError}). Bodies whose fields are not documented are not offered yet;
 * the 2026-08 additions (mutes, strategies) follow the official changelog quoted in
 * nonebot/adapter-qq#231 and community SDKs, with loose schemas.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/
 * @example
 * ```ts
 * await api.groups.muteMembers(groupOpenid, [memberOpenid], 600); // 10 minutes
 * const { members } = await api.groups.getRestrictChatSetting(groupOpenid);
 * ```
 */
export class GroupsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Gets a group's info.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async getInfo(groupOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    return this.rest.request({ ...options, ...route('GET /v2/groups/{group_openid}/info', { group_openid: groupOpenid }) }, LooseRecordSchema);
  }

  /**
   * Gets the bot's state in a group.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async getBotState(groupOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    return this.rest.request({ ...options, ...route('GET /v2/groups/{group_openid}/bot_state', { group_openid: groupOpenid }) }, LooseRecordSchema);
  }

  /**
   * Lists group members, 30 per page.
   *
   * @param groupOpenid - The group's openid.
   * @param cursor - The previous page's `next_cursor`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async listMembers(groupOpenid: string, cursor?: string, options: RequestOptions = {}): Promise<GroupMembersPage> {
    const target = route('GET /v2/groups/{group_openid}/members', { group_openid: groupOpenid });
    const query = validateBody(CursorSchema, { cursor }, 'group members query');
    return this.rest.request({ ...options, ...target, query }, GroupMembersPageSchema);
  }

  /**
   * Gets one group member.
   *
   * @param groupOpenid - The group's openid.
   * @param memberOpenid - The member's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async getMember(groupOpenid: string, memberOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    return this.rest.request(
      { ...options, ...route('GET /v2/groups/{group_openid}/members/{member_openid}', { group_openid: groupOpenid, member_openid: memberOpenid }) },
      LooseRecordSchema,
    );
  }

  /**
   * Gets the group's member blacklist.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async getMemberBlacklist(groupOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    return this.rest.request({ ...options, ...route('GET /v2/groups/{group_openid}/member_blacklist', { group_openid: groupOpenid }) }, LooseRecordSchema);
  }

  /**
   * Adds members to the group's blacklist (`op: 'add'`) or takes them off it (`op: 'del'`), at most
   * 20 per call. The bot must be a group admin. UNCONFIRMED field names (see
   * {@link UpdateMemberBlacklistBodySchema}).
   *
   * @param groupOpenid - The group's openid.
   * @param body - `{ op, member_openids }`.
   * @param options - Signal, timeout, retries.
   * @example
   * ```ts
   * const { fail_openids } = await api.groups.updateMemberBlacklist(groupOpenid, { op: 'add', member_openids: [memberOpenid] });
   * ```
   */
  async updateMemberBlacklist(groupOpenid: string, body: UpdateMemberBlacklistBody, options: RequestOptions = {}): Promise<UpdateMemberBlacklistResult> {
    const target = route('POST /v2/groups/{group_openid}/member_blacklist', { group_openid: groupOpenid });
    const data = validateBody(UpdateMemberBlacklistBodySchema, body, 'member blacklist update');
    return this.rest.request({ ...options, ...target, body: data }, UpdateMemberBlacklistResultSchema);
  }

  /**
   * Removes up to 20 members from the group, optionally blacklisting them. The bot must be a group
   * admin. UNCONFIRMED field names (see {@link BatchRemoveMembersBodySchema}).
   *
   * @param groupOpenid - The group's openid.
   * @param body - `{ member_openids, add_to_member_blacklist? }`.
   * @param options - Signal, timeout, retries.
   * @example
   * ```ts
   * const result = await api.groups.removeMembers(groupOpenid, { member_openids: [memberOpenid], add_to_member_blacklist: true });
   * if (result.remove_members_result !== 'success') console.warn(result);
   * ```
   */
  async removeMembers(groupOpenid: string, body: BatchRemoveMembersBody, options: RequestOptions = {}): Promise<BatchRemoveMembersResult> {
    const target = route('POST /v2/groups/{group_openid}/batch_remove_members', { group_openid: groupOpenid });
    const data = validateBody(BatchRemoveMembersBodySchema, body, 'batch member removal');
    return this.rest.request({ ...options, ...target, body: data }, BatchRemoveMembersResultSchema);
  }

  /**
   * Gets the group's chat restriction (mute) setting: the group-wide rule and the members muted
   * now, each with `mute_expire_at`.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_group_openid_restrict_chat_setting.get.html
   * @example
   * ```ts
   * const { members = [] } = await api.groups.getRestrictChatSetting(groupOpenid);
   * for (const m of members) console.log(m.member_openid, m.mute_expire_at);
   * ```
   */
  async getRestrictChatSetting(groupOpenid: string, options: RequestOptions = {}): Promise<RestrictChatSetting> {
    return this.rest.request(
      { ...options, ...route('GET /v2/groups/{group_openid}/restrict_chat_setting', { group_openid: groupOpenid }) },
      RestrictChatSettingSchema,
    );
  }

  /**
   * Mutes, re-times or unmutes up to 20 members (platform 2026-08-10). `add` / `update` need
   * `mute_expire_at` at most 30 days ahead: a later time throws {@link QQValidationError} naming
   * `members[i].mute_expire_at` and sends nothing. Only ordinary members can be muted (not the
   * owner, admins or bots); the bot must be a group admin. UNCONFIRMED body (community SDKs).
   *
   * @param groupOpenid - The group's openid.
   * @param body - `{ members: [{ op, member_openid, mute_expire_at }] }`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_group_openid_restrict_chat_setting.post.html
   * @example
   * ```ts
   * await api.groups.setRestrictChatSetting(groupOpenid, {
   *   members: [{ op: 'add', member_openid: memberOpenid, mute_expire_at: '2026-09-01T20:00:00+08:00' }],
   * });
   * ```
   */
  async setRestrictChatSetting(groupOpenid: string, body: SetRestrictChatSettingBody, options: RequestOptions = {}): Promise<void> {
    const target = route('POST /v2/groups/{group_openid}/restrict_chat_setting', { group_openid: groupOpenid });
    const data = validateBody(SetRestrictChatSettingBodySchema, body, 'group mute body');
    await this.rest.request({ ...options, ...target, body: data });
  }

  /**
   * Mutes members for `seconds` (1 to 30 days): {@link GroupsAPI.setRestrictChatSetting} with
   * `op: 'add'` and the end time in Beijing time.
   *
   * @param groupOpenid - The group's openid.
   * @param memberOpenids - Up to 20 members.
   * @param seconds - How long, at most {@link GROUP_MUTE_MAX_SECONDS} (30 days).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_group_openid_restrict_chat_setting.post.html
   * @example
   * ```ts
   * await api.groups.muteMembers(groupOpenid, [memberOpenid], 3600);
   * ```
   */
  async muteMembers(groupOpenid: string, memberOpenids: readonly string[], seconds: number, options: RequestOptions = {}): Promise<void> {
    const checked = validateBody(MuteSchema, { memberOpenids, seconds }, 'group mute');
    const mute_expire_at = beijingRfc3339(Date.now() + checked.seconds * 1000);
    const members = checked.memberOpenids.map((member_openid) => ({ op: 'add' as const, member_openid, mute_expire_at }));
    await this.setRestrictChatSetting(groupOpenid, { members }, options);
  }

  /**
   * Lifts members' mutes: {@link GroupsAPI.setRestrictChatSetting} with `op: 'del'`.
   *
   * @param groupOpenid - The group's openid.
   * @param memberOpenids - Up to 20 members.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_group_openid_restrict_chat_setting.post.html
   * @example
   * ```ts
   * await api.groups.unmuteMembers(groupOpenid, [memberOpenid]);
   * ```
   */
  async unmuteMembers(groupOpenid: string, memberOpenids: readonly string[], options: RequestOptions = {}): Promise<void> {
    const checked = validateBody(UnmuteSchema, { memberOpenids }, 'group unmute');
    const members = checked.memberOpenids.map((member_openid) => ({ op: 'del' as const, member_openid }));
    await this.setRestrictChatSetting(groupOpenid, { members }, options);
  }

  /**
   * Lists pending join requests.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async listJoinRequests(groupOpenid: string, options: RequestOptions = {}): Promise<JoinRequestList> {
    return this.rest.request({ ...options, ...route('GET /v2/groups/{group_openid}/join_request_list', { group_openid: groupOpenid }) }, JoinRequestListSchema);
  }

  /**
   * Approves or declines a join request.
   *
   * @param groupOpenid - The group's openid.
   * @param memberOpenid - The requesting user's openid.
   * @param body - `op`, `join_request_id`, optional reason and blacklisting.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async decideJoinRequest(groupOpenid: string, memberOpenid: string, body: JoinRequestDecisionBody, options: RequestOptions = {}): Promise<unknown> {
    const target = route('POST /v2/groups/{group_openid}/approval_join_request/{member_openid}', { group_openid: groupOpenid, member_openid: memberOpenid });
    const data = validateBody(JoinRequestDecisionBodySchema, body, 'join request decision');
    return this.rest.request({ ...options, ...target, body: data });
  }

  /**
   * Generates a URL link that opens the bot with `callback_data`.
   *
   * @param body - The callback data.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async generateUrlLink(body: GenerateUrlLinkBody, options: RequestOptions = {}): Promise<LooseRecord> {
    const data = validateBody(GenerateUrlLinkBodySchema, body, 'URL link body');
    return this.rest.request({ ...options, ...route('POST /v2/generate_url_link'), body: data }, LooseRecordSchema);
  }

  /**
   * Lists the bot's join-approval strategies, newest first (platform 2026-08-10).
   *
   * @param query - `cursor` (the previous page's `next_cursor`) and `limit` (1–100, default 20).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy.get.html
   * @example
   * ```ts
   * const { strategies = [] } = await api.groups.listJoinApprovalStrategies({ limit: 50 });
   * ```
   */
  async listJoinApprovalStrategies(query: ListJoinApprovalStrategiesQuery = {}, options: RequestOptions = {}): Promise<JoinApprovalStrategyList> {
    const checked = validateBody(ListJoinApprovalStrategiesQuerySchema, query, 'join-approval strategy query');
    return this.rest.request({ ...options, ...route('GET /v2/groups/join_approval_strategy'), query: checked }, JoinApprovalStrategyListSchema);
  }

  /**
   * Creates a join-approval strategy: join requests from its whitelisted QQ numbers to its groups
   * are approved automatically (while the bot is a group admin). At most 20 per bot.
   *
   * @param body - Exactly one of `group_openids` / `group_ids`, plus `is_enable`, `expire_at`, `remark`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy.post.html
   * @example
   * ```ts
   * const { strategy_id } = await api.groups.createJoinApprovalStrategy({ group_openids: [groupOpenid], remark: 'staff' });
   * ```
   */
  async createJoinApprovalStrategy(body: CreateJoinApprovalStrategyBody, options: RequestOptions = {}): Promise<JoinApprovalStrategyCreated> {
    const data = validateBody(CreateJoinApprovalStrategyBodySchema, body, 'join-approval strategy');
    return this.rest.request({ ...options, ...route('POST /v2/groups/join_approval_strategy'), body: data }, JoinApprovalStrategyCreatedSchema);
  }

  /**
   * Changes a strategy: `is_enable`, `expire_at`, `remark`, or `group_action` to add / remove
   * groups (named the same way as at creation).
   *
   * @param strategyId - The strategy's id.
   * @param body - The fields to change.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy_strategy_id.patch.html
   * @example
   * ```ts
   * await api.groups.updateJoinApprovalStrategy(strategyId, { is_enable: 'off' });
   * ```
   */
  async updateJoinApprovalStrategy(strategyId: string, body: UpdateJoinApprovalStrategyBody, options: RequestOptions = {}): Promise<JoinApprovalStrategyState> {
    const target = route('PATCH /v2/groups/join_approval_strategy/{strategy_id}', { strategy_id: strategyId });
    const data = validateBody(UpdateJoinApprovalStrategyBodySchema, body, 'join-approval strategy update');
    return this.rest.request({ ...options, ...target, body: data }, JoinApprovalStrategyStateSchema);
  }

  /**
   * Deletes a strategy.
   *
   * @param strategyId - The strategy's id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy_strategy_id.delete.html
   * @example
   * ```ts
   * await api.groups.deleteJoinApprovalStrategy(strategyId);
   * ```
   */
  async deleteJoinApprovalStrategy(strategyId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /v2/groups/join_approval_strategy/{strategy_id}', { strategy_id: strategyId }) });
  }

  /**
   * Runs a strategy now over its groups' pending join requests (asynchronous on the platform,
   * about 10 minutes).
   *
   * @param strategyId - The strategy's id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy_strategy_id_execute.post.html
   * @example
   * ```ts
   * await api.groups.executeJoinApprovalStrategy(strategyId);
   * ```
   */
  async executeJoinApprovalStrategy(strategyId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('POST /v2/groups/join_approval_strategy/{strategy_id}/execute', { strategy_id: strategyId }), body: {} });
  }

  /**
   * Adds or removes whitelisted QQ numbers of a strategy (strings, up to 10000 per call).
   *
   * @param strategyId - The strategy's id.
   * @param body - `{ op: 'add' | 'del', whitelist_users }`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_groups_join_approval_strategy_strategy_id_whitelist_users.post.html
   * @example
   * ```ts
   * const { whitelist_user_count } = await api.groups.updateJoinApprovalStrategyWhitelist(strategyId, { op: 'add', whitelist_users: ['10001'] });
   * ```
   */
  async updateJoinApprovalStrategyWhitelist(strategyId: string, body: StrategyWhitelistBody, options: RequestOptions = {}): Promise<StrategyWhitelistResult> {
    const target = route('POST /v2/groups/join_approval_strategy/{strategy_id}/whitelist_users', { strategy_id: strategyId });
    const data = validateBody(StrategyWhitelistBodySchema, body, 'strategy whitelist change');
    return this.rest.request({ ...options, ...target, body: data }, StrategyWhitelistResultSchema);
  }
}
