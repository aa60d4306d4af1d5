import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { PinsMessageSchema, type PinsMessage } from '../schemas/guilds.js';

/**
 * Pinned messages (精华消息) of a channel.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/pins/get_pins_message.html
 *
 * @example
 * ```ts
 * await bot.api.pins.add(channelId, messageId);
 * const { message_ids } = await bot.api.pins.list(channelId);
 * ```
 */
export class PinsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists the pinned message ids of a channel.
   *
   * @param channelId - The channel id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/pins/get_pins_message.html
   */
  async list(channelId: string, options: RequestOptions = {}): Promise<PinsMessage> {
    return this.rest.request({ ...options, ...route('GET /channels/{channel_id}/pins', { channel_id: channelId }) }, PinsMessageSchema);
  }

  /**
   * Pins a message.
   *
   * @param channelId - The channel id.
   * @param messageId - The message id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/pins/put_pins_message.html
   */
  async add(channelId: string, messageId: string, options: RequestOptions = {}): Promise<PinsMessage> {
    return this.rest.request(
      { ...options, ...route('PUT /channels/{channel_id}/pins/{message_id}', { channel_id: channelId, message_id: messageId }) },
      PinsMessageSchema,
    );
  }

  /**
   * Unpins a message (`'all'` unpins every message).
   *
   * @param channelId - The channel id.
   * @param messageId - The message id, or `'all'`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/pins/delete_pins_message.html
   */
  async delete(channelId: string, messageId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /channels/{channel_id}/pins/{message_id}', { channel_id: channelId, message_id: messageId }) });
  }
}
