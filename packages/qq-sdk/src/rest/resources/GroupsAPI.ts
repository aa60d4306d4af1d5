import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import {
  GenerateUrlLinkBodySchema,
  GroupMembersPageSchema,
  JoinRequestDecisionBodySchema,
  LooseRecordSchema,
  type GenerateUrlLinkBody,
  type GroupMembersPage,
  type JoinRequestDecisionBody,
  type LooseRecord,
} from '../schemas/groups.js';
import { pathId, validateBody } from '../validateBody.js';

const CursorSchema = z.lazy(() => z.strictObject({ cursor: z.string().min(1).optional() }));

/**
 * Group (群) management: info, bot state, members, blacklist, mute settings and join requests.
 * UNCONFIRMED and invite-only: without permission the platform answers 11253
 * ({@link QQPermissionError}). Bodies whose fields are not documented are not offered yet.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/
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
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/info`;
    return this.rest.request({ ...options, method: 'GET', path, route: 'GET /v2/groups/{group_openid}/info' }, LooseRecordSchema);
  }

  /**
   * Gets the bot's state in a group.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async getBotState(groupOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/bot_state`;
    return this.rest.request({ ...options, method: 'GET', path, route: 'GET /v2/groups/{group_openid}/bot_state' }, LooseRecordSchema);
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
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/members`;
    const query = validateBody(CursorSchema, { cursor }, 'group members query');
    return this.rest.request({ ...options, method: 'GET', path, query, route: 'GET /v2/groups/{group_openid}/members' }, GroupMembersPageSchema);
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
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/members/${pathId('member_openid', memberOpenid)}`;
    return this.rest.request({ ...options, method: 'GET', path, route: 'GET /v2/groups/{group_openid}/members/{member_openid}' }, LooseRecordSchema);
  }

  /**
   * Gets the group's member blacklist.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async getMemberBlacklist(groupOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/member_blacklist`;
    return this.rest.request({ ...options, method: 'GET', path, route: 'GET /v2/groups/{group_openid}/member_blacklist' }, LooseRecordSchema);
  }

  /**
   * Gets the group's chat restriction (mute) setting.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async getRestrictChatSetting(groupOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/restrict_chat_setting`;
    return this.rest.request({ ...options, method: 'GET', path, route: 'GET /v2/groups/{group_openid}/restrict_chat_setting' }, LooseRecordSchema);
  }

  /**
   * Lists pending join requests.
   *
   * @param groupOpenid - The group's openid.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/
   */
  async listJoinRequests(groupOpenid: string, options: RequestOptions = {}): Promise<LooseRecord> {
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/join_request_list`;
    return this.rest.request({ ...options, method: 'GET', path, route: 'GET /v2/groups/{group_openid}/join_request_list' }, LooseRecordSchema);
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
    const path = `/v2/groups/${pathId('group_openid', groupOpenid)}/approval_join_request/${pathId('member_openid', memberOpenid)}`;
    const data = validateBody(JoinRequestDecisionBodySchema, body, 'join request decision');
    return this.rest.request({ ...options, method: 'POST', path, body: data, route: 'POST /v2/groups/{group_openid}/approval_join_request/{member_openid}' });
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
    return this.rest.request({ ...options, method: 'POST', path: '/v2/generate_url_link', body: data, route: 'POST /v2/generate_url_link' }, LooseRecordSchema);
  }
}
