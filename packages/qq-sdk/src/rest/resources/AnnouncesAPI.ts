import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { checkParam, route } from '../route.js';
import { AnnounceSchema, CreateAnnounceBodySchema, type Announce, type CreateAnnounceBody } from '../schemas/guilds.js';
import { validateBody } from '../validateBody.js';

/**
 * Guild and channel announcements (公告).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/announce/post_guild_announces.html
 */
export class AnnouncesAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Creates a guild announcement from a message, or recommends channels.
   *
   * @param guildId - The guild id.
   * @param body - `message_id` + `channel_id`, or `recommend_channels`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/announce/post_guild_announces.html
   */
  async createGuild(guildId: string, body: CreateAnnounceBody, options: RequestOptions = {}): Promise<Announce> {
    const target = route('POST /guilds/{guild_id}/announces', { guild_id: guildId });
    const data = validateBody(CreateAnnounceBodySchema, body, 'announce body');
    return this.rest.request({ ...options, ...target, body: data }, AnnounceSchema);
  }

  /**
   * Deletes a guild announcement (`'all'` deletes every one).
   *
   * @param guildId - The guild id.
   * @param messageId - The announced message id, or `'all'`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/announce/delete_guild_announces.html
   */
  async deleteGuild(guildId: string, messageId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /guilds/{guild_id}/announces/{message_id}', { guild_id: guildId, message_id: messageId }) });
  }

  /**
   * Creates a channel announcement from a message.
   *
   * @param channelId - The channel id.
   * @param messageId - The message to announce.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/announce/post_channel_announces.html
   */
  async createChannel(channelId: string, messageId: string, options: RequestOptions = {}): Promise<Announce> {
    const target = route('POST /channels/{channel_id}/announces', { channel_id: channelId });
    const body = { message_id: checkParam('message_id', messageId) };
    return this.rest.request({ ...options, ...target, body }, AnnounceSchema);
  }

  /**
   * Deletes a channel announcement (`'all'` deletes every one).
   *
   * @param channelId - The channel id.
   * @param messageId - The announced message id, or `'all'`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/announce/delete_channel_announces.html
   */
  async deleteChannel(channelId: string, messageId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /channels/{channel_id}/announces/{message_id}', { channel_id: channelId, message_id: messageId }) });
  }
}
