import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { GuildRolesSchema, RoleBodySchema, RoleMutationResponseSchema, type GuildRoles, type RoleBody, type RoleMutationResponse } from '../schemas/guilds.js';
import { validateBody } from '../validateBody.js';

/**
 * Guild roles (身份组) and role membership.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/get_guild_roles.html
 *
 * @example
 * ```ts
 * const { roles } = await bot.api.roles.list(guildId);
 * await bot.api.roles.addMember(guildId, userId, roleId);
 * ```
 */
export class RolesAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists a guild's roles.
   *
   * @param guildId - The guild id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/get_guild_roles.html
   */
  async list(guildId: string, options: RequestOptions = {}): Promise<GuildRoles> {
    return this.rest.request({ ...options, ...route('GET /guilds/{guild_id}/roles', { guild_id: guildId }) }, GuildRolesSchema);
  }

  /**
   * Creates a role.
   *
   * @param guildId - The guild id.
   * @param body - Name, color, hoist.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/post_guild_role.html
   */
  async create(guildId: string, body: RoleBody, options: RequestOptions = {}): Promise<RoleMutationResponse> {
    const target = route('POST /guilds/{guild_id}/roles', { guild_id: guildId });
    const data = validateBody(RoleBodySchema, body, 'role body');
    return this.rest.request({ ...options, ...target, body: data }, RoleMutationResponseSchema);
  }

  /**
   * Edits a role.
   *
   * @param guildId - The guild id.
   * @param roleId - The role id.
   * @param body - The fields to change.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/patch_guild_role.html
   */
  async edit(guildId: string, roleId: string, body: RoleBody, options: RequestOptions = {}): Promise<RoleMutationResponse> {
    const target = route('PATCH /guilds/{guild_id}/roles/{role_id}', { guild_id: guildId, role_id: roleId });
    const data = validateBody(RoleBodySchema, body, 'role body');
    return this.rest.request({ ...options, ...target, body: data }, RoleMutationResponseSchema);
  }

  /**
   * Deletes a role.
   *
   * @param guildId - The guild id.
   * @param roleId - The role id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/delete_guild_role.html
   */
  async delete(guildId: string, roleId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /guilds/{guild_id}/roles/{role_id}', { guild_id: guildId, role_id: roleId }) });
  }

  /**
   * Gives a member a role. For the channel-admin role (id 5) pass the `channelId` it applies to.
   *
   * @param guildId - The guild id.
   * @param userId - The member's user id.
   * @param roleId - The role id.
   * @param channelId - The channel, for the channel-admin role only.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/put_guild_member_role.html
   */
  async addMember(guildId: string, userId: string, roleId: string, channelId?: string, options: RequestOptions = {}): Promise<void> {
    const target = route('PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}', { guild_id: guildId, user_id: userId, role_id: roleId });
    const body = channelId === undefined ? undefined : { channel: { id: channelId } };
    await this.rest.request({ ...options, ...target, body });
  }

  /**
   * Takes a role from a member.
   *
   * @param guildId - The guild id.
   * @param userId - The member's user id.
   * @param roleId - The role id.
   * @param channelId - The channel, for the channel-admin role only.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/delete_guild_member_role.html
   */
  async removeMember(guildId: string, userId: string, roleId: string, channelId?: string, options: RequestOptions = {}): Promise<void> {
    const target = route('DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}', { guild_id: guildId, user_id: userId, role_id: roleId });
    const body = channelId === undefined ? undefined : { channel: { id: channelId } };
    await this.rest.request({ ...options, ...target, body });
  }
}
