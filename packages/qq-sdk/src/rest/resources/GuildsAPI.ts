import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { MessageSettingSchema, MuteBodySchema, type MessageSetting, type MuteBody } from '../schemas/guilds.js';
import { GuildSchema, type Guild } from '../schemas/users.js';
import { validateBody } from '../validateBody.js';

/**
 * Guilds (频道): details, message settings and mutes.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/guild/get_guild.html
 *
 * @example
 * ```ts
 * const guild = await bot.api.guilds.get(guildId);
 * await bot.api.guilds.muteMember(guildId, userId, { mute_seconds: '600' }); // '0' lifts it
 * ```
 */
export class GuildsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Gets a guild.
   *
   * @param guildId - The guild id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/guild/get_guild.html
   */
  async get(guildId: string, options: RequestOptions = {}): Promise<Guild> {
    return this.rest.request({ ...options, ...route('GET /guilds/{guild_id}', { guild_id: guildId }) }, GuildSchema);
  }

  /**
   * Gets the guild's message settings (DM and active-message switches).
   *
   * @param guildId - The guild id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/setting/message_setting.html
   */
  async getMessageSetting(guildId: string, options: RequestOptions = {}): Promise<MessageSetting> {
    return this.rest.request({ ...options, ...route('GET /guilds/{guild_id}/message/setting', { guild_id: guildId }) }, MessageSettingSchema);
  }

  /**
   * Mutes the whole guild, or the listed `user_ids`; `mute_seconds: "0"` unmutes.
   *
   * @param guildId - The guild id.
   * @param body - Duration or end time, and optional user ids.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/mute/mute_all.html
   */
  async mute(guildId: string, body: MuteBody, options: RequestOptions = {}): Promise<unknown> {
    const target = route('PATCH /guilds/{guild_id}/mute', { guild_id: guildId });
    const data = validateBody(MuteBodySchema, body, 'mute body');
    return this.rest.request({ ...options, ...target, body: data });
  }

  /**
   * Mutes one member; `mute_seconds: "0"` unmutes.
   *
   * @param guildId - The guild id.
   * @param userId - The member's user id.
   * @param body - Duration or end time.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/mute/mute_member.html
   */
  async muteMember(guildId: string, userId: string, body: MuteBody, options: RequestOptions = {}): Promise<void> {
    const target = route('PATCH /guilds/{guild_id}/members/{user_id}/mute', { guild_id: guildId, user_id: userId });
    const data = validateBody(MuteBodySchema, body, 'mute body');
    await this.rest.request({ ...options, ...target, body: data });
  }
}
