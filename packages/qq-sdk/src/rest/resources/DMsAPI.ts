import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { CreateDirectMessageBodySchema, DirectMessageSessionSchema, type CreateDirectMessageBody, type DirectMessageSession } from '../schemas/users.js';
import { validateBody } from '../validateBody.js';

/**
 * Guild direct-message sessions. Send into a session with {@link MessagesAPI.sendDirect}.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/dms/post_dms.html
 *
 * @example
 * ```ts
 * const session = await bot.api.dms.create({ source_guild_id: guildId, recipient_id: userId });
 * await bot.api.messages.sendDirect(session.guild_id, { content: 'hi' });
 * ```
 */
export class DMsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Creates (or returns) the DM session with a guild member.
   *
   * @param body - `recipient_id` (the user) and `source_guild_id` (a guild you share).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/dms/post_dms.html
   */
  async create(body: CreateDirectMessageBody, options: RequestOptions = {}): Promise<DirectMessageSession> {
    const data = validateBody(CreateDirectMessageBodySchema, body, 'DM session body');
    return this.rest.request({ ...options, ...route('POST /users/@me/dms'), body: data }, DirectMessageSessionSchema);
  }
}
