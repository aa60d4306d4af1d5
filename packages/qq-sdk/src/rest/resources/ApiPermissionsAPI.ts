import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { ApiPermissionDemandBodySchema, ApiPermissionSchema, type ApiPermission, type ApiPermissionDemandBody } from '../schemas/guildExtras.js';
import { validateBody } from '../validateBody.js';

/**
 * Which APIs the bot may call in a guild, and asking admins for more (fixes code 11264).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/api_permissions/get_guild_api_permission.html
 */
export class ApiPermissionsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists the bot's API permissions in a guild.
   *
   * @param guildId - The guild id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/api_permissions/get_guild_api_permission.html
   */
  async list(guildId: string, options: RequestOptions = {}): Promise<{ apis: ApiPermission[] }> {
    return this.rest.request(
      { ...options, ...route('GET /guilds/{guild_id}/api_permission', { guild_id: guildId }) },
      z.looseObject({ apis: z.array(ApiPermissionSchema) }),
    );
  }

  /**
   * Sends an authorisation request for an API to the guild admins, in a channel.
   *
   * @param guildId - The guild id.
   * @param body - The channel to post in, the API and a description.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/api_permissions/post_api_permission_demand.html
   */
  async demand(guildId: string, body: ApiPermissionDemandBody, options: RequestOptions = {}): Promise<unknown> {
    const target = route('POST /guilds/{guild_id}/api_permission/demand', { guild_id: guildId });
    const data = validateBody(ApiPermissionDemandBodySchema, body, 'API permission demand');
    return this.rest.request({ ...options, ...target, body: data });
  }
}
