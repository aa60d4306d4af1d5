import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route, type BuiltRoute } from '../route.js';
import { ReactionUsersSchema, type ReactionUsers } from '../schemas/guilds.js';
import { validateBody } from '../validateBody.js';

/** An emoji: `type` 1 system emoji, 2 emoji character; `id` its id. */
export interface ReactionEmoji {
  /** 1 system emoji, 2 unicode emoji. */
  readonly type: 1 | 2;
  /** The emoji id (system id, or the emoji's code point string). */
  readonly id: string;
}

const EmojiSchema = z.lazy(() => z.strictObject({ type: z.union([z.literal(1), z.literal(2)]), id: z.string().min(1) }));
const ListQuerySchema = z.lazy(() => z.strictObject({ cookie: z.string().optional(), limit: z.number().int().min(1).max(50).optional() }));

/** A reaction route: its parameters are the channel, the message and the emoji's type and id. */
type ReactionRoute = `${'PUT' | 'DELETE' | 'GET'} /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}`;

/**
 * Emoji reactions (表情表态) on guild channel messages.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/reaction/put_message_reaction.html
 *
 * @example
 * ```ts
 * await bot.api.reactions.add(channelId, messageId, { type: 1, id: '4' }); // system emoji 4
 * ```
 */
export class ReactionsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  #route(template: ReactionRoute, channelId: string, messageId: string, emoji: ReactionEmoji): BuiltRoute {
    const e = validateBody(EmojiSchema, emoji, 'reaction emoji');
    return route(template, { channel_id: channelId, message_id: messageId, type: String(e.type), id: e.id });
  }

  /**
   * Reacts to a message.
   *
   * @param channelId - The channel id.
   * @param messageId - The message id.
   * @param emoji - The emoji.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/reaction/put_message_reaction.html
   */
  async add(channelId: string, messageId: string, emoji: ReactionEmoji, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({
      ...options,
      ...this.#route('PUT /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}', channelId, messageId, emoji),
    });
  }

  /**
   * Removes the bot's reaction.
   *
   * @param channelId - The channel id.
   * @param messageId - The message id.
   * @param emoji - The emoji.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/reaction/delete_own_message_reaction.html
   */
  async delete(channelId: string, messageId: string, emoji: ReactionEmoji, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({
      ...options,
      ...this.#route('DELETE /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}', channelId, messageId, emoji),
    });
  }

  /**
   * Lists the users who reacted with an emoji, paged by `cookie`.
   *
   * @param channelId - The channel id.
   * @param messageId - The message id.
   * @param emoji - The emoji.
   * @param query - `cookie` from the previous page, `limit` 1–50 (default 20).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/reaction/get_reaction_users.html
   */
  async listUsers(
    channelId: string,
    messageId: string,
    emoji: ReactionEmoji,
    query: { readonly cookie?: string | undefined; readonly limit?: number | undefined } = {},
    options: RequestOptions = {},
  ): Promise<ReactionUsers> {
    const target = this.#route('GET /channels/{channel_id}/messages/{message_id}/reactions/{type}/{id}', channelId, messageId, emoji);
    const q = validateBody(ListQuerySchema, query, 'reaction users query');
    return this.rest.request({ ...options, ...target, query: q }, ReactionUsersSchema);
  }
}
