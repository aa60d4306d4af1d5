import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import {
  ChannelPermissionsSchema,
  ChannelSchema,
  CreateChannelBodySchema,
  EditChannelBodySchema,
  EditChannelPermissionsBodySchema,
  type Channel,
  type ChannelPermissions,
  type CreateChannelBody,
  type EditChannelBody,
  type EditChannelPermissionsBody,
} from '../schemas/guilds.js';
import { validateBody } from '../validateBody.js';

/**
 * Channels (子频道) of a guild, and per-member / per-role channel permissions.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/get_channels.html
 *
 * @example
 * ```ts
 * const channels = await bot.api.channels.list(guildId);
 * const text = channels.filter((channel) => channel.type === 0);
 * ```
 */
export class ChannelsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists a guild's channels.
   *
   * @param guildId - The guild id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/get_channels.html
   */
  async list(guildId: string, options: RequestOptions = {}): Promise<Channel[]> {
    return this.rest.request({ ...options, ...route('GET /guilds/{guild_id}/channels', { guild_id: guildId }) }, z.array(ChannelSchema));
  }

  /**
   * Gets a channel.
   *
   * @param channelId - The channel id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/get_channel.html
   */
  async get(channelId: string, options: RequestOptions = {}): Promise<Channel> {
    return this.rest.request({ ...options, ...route('GET /channels/{channel_id}', { channel_id: channelId }) }, ChannelSchema);
  }

  /**
   * Creates a channel (private-domain bots).
   *
   * @param guildId - The guild id.
   * @param body - Name, type and placement.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/post_channels.html
   */
  async create(guildId: string, body: CreateChannelBody, options: RequestOptions = {}): Promise<Channel> {
    const target = route('POST /guilds/{guild_id}/channels', { guild_id: guildId });
    const data = validateBody(CreateChannelBodySchema, body, 'create channel body');
    return this.rest.request({ ...options, ...target, body: data }, ChannelSchema);
  }

  /**
   * Edits a channel.
   *
   * @param channelId - The channel id.
   * @param body - The fields to change.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/patch_channel.html
   */
  async edit(channelId: string, body: EditChannelBody, options: RequestOptions = {}): Promise<Channel> {
    const target = route('PATCH /channels/{channel_id}', { channel_id: channelId });
    const data = validateBody(EditChannelBodySchema, body, 'edit channel body');
    return this.rest.request({ ...options, ...target, body: data }, ChannelSchema);
  }

  /**
   * Deletes a channel.
   *
   * @param channelId - The channel id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/delete_channel.html
   */
  async delete(channelId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /channels/{channel_id}', { channel_id: channelId }) });
  }

  /**
   * Gets the number of members online in an audio/live channel.
   *
   * @param channelId - The channel id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/get_online_nums.html
   */
  async getOnlineNums(channelId: string, options: RequestOptions = {}): Promise<{ online_nums: number }> {
    return this.rest.request(
      { ...options, ...route('GET /channels/{channel_id}/online_nums', { channel_id: channelId }) },
      z.looseObject({ online_nums: z.number() }),
    );
  }

  /**
   * Gets a member's permissions in a channel.
   *
   * @param channelId - The channel id.
   * @param userId - The member's user id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel_permissions/get_channel_permissions.html
   */
  async getMemberPermissions(channelId: string, userId: string, options: RequestOptions = {}): Promise<ChannelPermissions> {
    return this.rest.request(
      { ...options, ...route('GET /channels/{channel_id}/members/{user_id}/permissions', { channel_id: channelId, user_id: userId }) },
      ChannelPermissionsSchema,
    );
  }

  /**
   * Adds or removes a member's permissions in a channel.
   *
   * @param channelId - The channel id.
   * @param userId - The member's user id.
   * @param body - Permission bits to `add` / `remove` (as strings).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel_permissions/put_channel_permissions.html
   */
  async editMemberPermissions(channelId: string, userId: string, body: EditChannelPermissionsBody, options: RequestOptions = {}): Promise<void> {
    const target = route('PUT /channels/{channel_id}/members/{user_id}/permissions', { channel_id: channelId, user_id: userId });
    const data = validateBody(EditChannelPermissionsBodySchema, body, 'channel permissions body');
    await this.rest.request({ ...options, ...target, body: data });
  }

  /**
   * Gets a role's permissions in a channel.
   *
   * @param channelId - The channel id.
   * @param roleId - The role id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel_permissions/get_channel_roles_permissions.html
   */
  async getRolePermissions(channelId: string, roleId: string, options: RequestOptions = {}): Promise<ChannelPermissions> {
    return this.rest.request(
      { ...options, ...route('GET /channels/{channel_id}/roles/{role_id}/permissions', { channel_id: channelId, role_id: roleId }) },
      ChannelPermissionsSchema,
    );
  }

  /**
   * Adds or removes a role's permissions in a channel.
   *
   * @param channelId - The channel id.
   * @param roleId - The role id.
   * @param body - Permission bits to `add` / `remove` (as strings).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel_permissions/put_channel_roles_permissions.html
   */
  async editRolePermissions(channelId: string, roleId: string, body: EditChannelPermissionsBody, options: RequestOptions = {}): Promise<void> {
    const target = route('PUT /channels/{channel_id}/roles/{role_id}/permissions', { channel_id: channelId, role_id: roleId });
    const data = validateBody(EditChannelPermissionsBodySchema, body, 'channel permissions body');
    await this.rest.request({ ...options, ...target, body: data });
  }
}
