import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import {
  PublishThreadBodySchema,
  PublishThreadResponseSchema,
  ThreadListSchema,
  ThreadSchema,
  type PublishThreadBody,
  type PublishThreadResponse,
  type Thread,
  type ThreadList,
} from '../schemas/guildExtras.js';
import { validateBody } from '../validateBody.js';

/**
 * Forum channel threads (帖子), private-domain bots.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/get_threads_list.html
 */
export class ForumAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists the threads of a forum channel.
   *
   * @param channelId - The forum channel id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/get_threads_list.html
   */
  async listThreads(channelId: string, options: RequestOptions = {}): Promise<ThreadList> {
    return this.rest.request({ ...options, ...route('GET /channels/{channel_id}/threads', { channel_id: channelId }) }, ThreadListSchema);
  }

  /**
   * Gets one thread.
   *
   * @param channelId - The forum channel id.
   * @param threadId - The thread id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/get_thread.html
   */
  async getThread(channelId: string, threadId: string, options: RequestOptions = {}): Promise<{ thread: Thread }> {
    return this.rest.request(
      { ...options, ...route('GET /channels/{channel_id}/threads/{thread_id}', { channel_id: channelId, thread_id: threadId }) },
      z.looseObject({ thread: ThreadSchema }),
    );
  }

  /**
   * Publishes a thread.
   *
   * @param channelId - The forum channel id.
   * @param body - Title, content and format.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/put_thread.html
   */
  async publishThread(channelId: string, body: PublishThreadBody, options: RequestOptions = {}): Promise<PublishThreadResponse> {
    const target = route('PUT /channels/{channel_id}/threads', { channel_id: channelId });
    const data = validateBody(PublishThreadBodySchema, body, 'thread body');
    return this.rest.request({ ...options, ...target, body: data }, PublishThreadResponseSchema);
  }

  /**
   * Deletes a thread.
   *
   * @param channelId - The forum channel id.
   * @param threadId - The thread id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/forum/delete_thread.html
   */
  async deleteThread(channelId: string, threadId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /channels/{channel_id}/threads/{thread_id}', { channel_id: channelId, thread_id: threadId }) });
  }
}
