import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { BotUserSchema, GuildSchema, type BotUser, type Guild } from '../schemas/users.js';
import { validateBody } from '../validateBody.js';

/** Paging of {@link UsersAPI.listGuilds}: guilds before or after an id, up to `limit` (1–100). */
export interface ListGuildsQuery {
  /** Return guilds before this guild id. */
  readonly before?: string | undefined;
  /** Return guilds after this guild id. */
  readonly after?: string | undefined;
  /** Page size, 1–100. @defaultValue 100 */
  readonly limit?: number | undefined;
}

const ListGuildsQuerySchema = z.lazy(() =>
  z.strictObject({
    before: z.string().min(1).optional(),
    after: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
);

/**
 * The bot's own user and the guilds it is in.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/user/me.html
 *
 * @example
 * ```ts
 * const me = await bot.api.users.getMe();
 * const guilds = await bot.api.users.listGuilds({ limit: 100 });
 * ```
 */
export class UsersAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Gets the bot's own user.
   *
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/user/me.html
   */
  async getMe(options: RequestOptions = {}): Promise<BotUser> {
    return this.rest.request({ ...options, ...route('GET /users/@me') }, BotUserSchema);
  }

  /**
   * Lists the guilds the bot is in.
   *
   * @param query - Paging.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/user/guilds.html
   */
  async listGuilds(query: ListGuildsQuery = {}, options: RequestOptions = {}): Promise<Guild[]> {
    const q = validateBody(ListGuildsQuerySchema, query, 'listGuilds query');
    return this.rest.request({ ...options, ...route('GET /users/@me/guilds'), query: q }, z.array(GuildSchema));
  }
}
