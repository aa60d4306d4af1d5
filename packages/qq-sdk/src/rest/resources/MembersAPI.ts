import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { DeleteMemberBodySchema, MemberSchema, RoleMembersSchema, type DeleteMemberBody, type Member, type RoleMembers } from '../schemas/guilds.js';
import { validateBody } from '../validateBody.js';

/** Paging of {@link MembersAPI.list}: members after a user id, `limit` 1–400. */
export interface ListMembersQuery {
  /** Return members after this user id (`'0'` for the first page). @defaultValue '0' */
  readonly after?: string | undefined;
  /** Page size, 1–400. @defaultValue 1 */
  readonly limit?: number | undefined;
}

/** Paging of {@link MembersAPI.listByRole}. */
export interface ListRoleMembersQuery {
  /** The `next` value of the previous page (`'0'` for the first). @defaultValue '0' */
  readonly start_index?: string | undefined;
  /** Page size, 1–400. */
  readonly limit?: number | undefined;
}

const ListMembersQuerySchema = z.lazy(() => z.strictObject({ after: z.string().min(1).optional(), limit: z.number().int().min(1).max(400).optional() }));
const ListRoleMembersQuerySchema = z.lazy(() =>
  z.strictObject({ start_index: z.string().min(1).optional(), limit: z.number().int().min(1).max(400).optional() }),
);

/**
 * Guild members (private-domain bots for listing and removal).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/member/get_members.html
 *
 * @example
 * ```ts
 * const first = await bot.api.members.list(guildId, { limit: 400 });
 * await bot.api.members.delete(guildId, userId, { add_blacklist: false, delete_history_msg_days: 0 });
 * ```
 */
export class MembersAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists guild members, paged by user id.
   *
   * @param guildId - The guild id.
   * @param query - Paging.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/member/get_members.html
   */
  async list(guildId: string, query: ListMembersQuery = {}, options: RequestOptions = {}): Promise<Member[]> {
    const target = route('GET /guilds/{guild_id}/members', { guild_id: guildId });
    const q = validateBody(ListMembersQuerySchema, query, 'list members query');
    return this.rest.request({ ...options, ...target, query: q }, z.array(MemberSchema));
  }

  /**
   * Gets one member.
   *
   * @param guildId - The guild id.
   * @param userId - The user id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/member/get_member.html
   */
  async get(guildId: string, userId: string, options: RequestOptions = {}): Promise<Member> {
    return this.rest.request({ ...options, ...route('GET /guilds/{guild_id}/members/{user_id}', { guild_id: guildId, user_id: userId }) }, MemberSchema);
  }

  /**
   * Removes a member, optionally blacklisting them and deleting their recent messages.
   *
   * @param guildId - The guild id.
   * @param userId - The user id.
   * @param body - `add_blacklist`, `delete_history_msg_days` (-1, 0, 3, 7, 15, 30).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/member/delete_member.html
   */
  async delete(guildId: string, userId: string, body: DeleteMemberBody = {}, options: RequestOptions = {}): Promise<void> {
    const target = route('DELETE /guilds/{guild_id}/members/{user_id}', { guild_id: guildId, user_id: userId });
    const data = validateBody(DeleteMemberBodySchema, body, 'delete member body');
    await this.rest.request({ ...options, ...target, body: data });
  }

  /**
   * Lists the members of a role, paged by `start_index`.
   *
   * @param guildId - The guild id.
   * @param roleId - The role id.
   * @param query - Paging.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/member/get_role_members.html
   */
  async listByRole(guildId: string, roleId: string, query: ListRoleMembersQuery = {}, options: RequestOptions = {}): Promise<RoleMembers> {
    const target = route('GET /guilds/{guild_id}/roles/{role_id}/members', { guild_id: guildId, role_id: roleId });
    const q = validateBody(ListRoleMembersQuerySchema, query, 'list role members query');
    return this.rest.request({ ...options, ...target, query: q }, RoleMembersSchema);
  }
}
