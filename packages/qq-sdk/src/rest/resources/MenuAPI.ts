import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import {
  MenuResponseSchema,
  UpdateMenuBodySchema,
  VersionResponseSchema,
  type MenuResponse,
  type UpdateMenuBody,
  type VersionResponse,
} from '../schemas/menu.js';
import { validateBody } from '../validateBody.js';

/**
 * The custom C2C menu (platform 2026-08-12): the buttons under the bot's single-chat window, one
 * configuration for every user (C2C only). Up to 10 buttons of type `switch`, `send_message`,
 * `link` (`https://`) or `menu` (up to 5 sub-buttons). The platform allows 5 changes a minute.
 * UNCONFIRMED: the shapes follow the official changelog quoted in nonebot/adapter-qq#231 and
 * community SDKs; responses are loose objects.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_menu.get.html
 * @example
 * ```ts
 * await api.menu.set({ menu: { items: [{ type: 'send_message', name: '帮助', send_message: '/help' }] } });
 * const { menu, version } = await api.menu.get();
 * ```
 */
export class MenuAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Gets the menu and its version (`menu` is `null` or absent before one was set).
   *
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_menu.get.html
   * @example
   * ```ts
   * const { menu } = await api.menu.get();
   * console.log(menu?.items?.map((item) => item.name));
   * ```
   */
  async get(options: RequestOptions = {}): Promise<MenuResponse> {
    return this.rest.request({ ...options, ...route('GET /v2/menu') }, MenuResponseSchema);
  }

  /**
   * Replaces the whole menu (items left out are removed) and returns the new version.
   *
   * @param body - `{ menu: { items } }`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_menu.put.html
   * @example
   * ```ts
   * await api.menu.set({
   *   menu: {
   *     items: [
   *       { type: 'link', name: '官网', link: 'https://example.com' },
   *       { type: 'menu', name: '更多', sub_menu_items: [{ type: 'send_message', name: '设置', send_message: '/settings' }] },
   *       { type: 'switch', name: '搜索', switch: { switch_id: 'search', default: false } },
   *     ],
   *   },
   * });
   * ```
   */
  async set(body: UpdateMenuBody, options: RequestOptions = {}): Promise<VersionResponse> {
    const data = validateBody(UpdateMenuBodySchema, body, 'menu');
    return this.rest.request({ ...options, ...route('PUT /v2/menu'), body: data }, VersionResponseSchema);
  }
}
