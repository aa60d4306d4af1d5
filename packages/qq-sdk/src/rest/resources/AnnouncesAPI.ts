import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { AnnounceSchema, CreateAnnounceBodySchema, type Announce, type CreateAnnounceBody } from '../schemas/guilds.js';
import { pathId, validateBody } from '../validateBody.js';

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
    const path = `/guilds/${pathId('guild_id', guildId)}/announces`;
    const data = validateBody(CreateAnnounceBodySchema, body, 'announce body');
    return this.rest.request({ ...options, method: 'POST', path, route: 'POST /guilds/{guild_id}/announces', body: data }, AnnounceSchema);
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
    const path = `/guilds/${pathId('guild_id', guildId)}/announces/${pathId('message_id', messageId)}`;
    await this.rest.request({ ...options, method: 'DELETE', path, route: 'DELETE /guilds/{guild_id}/announces/{message_id}' });
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
    const path = `/channels/${pathId('channel_id', channelId)}/announces`;
    const body = { message_id: decodeURIComponent(pathId('message_id', messageId)) };
    return this.rest.request({ ...options, method: 'POST', path, route: 'POST /channels/{channel_id}/announces', body }, AnnounceSchema);
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
    const path = `/channels/${pathId('channel_id', channelId)}/announces/${pathId('message_id', messageId)}`;
    await this.rest.request({ ...options, method: 'DELETE', path, route: 'DELETE /channels/{channel_id}/announces/{message_id}' });
  }
}
