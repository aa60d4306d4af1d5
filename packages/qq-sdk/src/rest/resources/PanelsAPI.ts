import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { VersionResponseSchema, type VersionResponse } from '../schemas/menu.js';
import {
  CreatePanelBodySchema,
  CreatePanelResponseSchema,
  ListPanelsQuerySchema,
  PanelListSchema,
  PanelRecordSchema,
  PanelTargetBodySchema,
  UpdatePanelBodySchema,
  type CreatePanelBody,
  type CreatePanelResponse,
  type ListPanelsQuery,
  type PanelList,
  type PanelRecord,
  type PanelTargetBody,
  type UpdatePanelBody,
} from '../schemas/panels.js';
import { validateBody } from '../validateBody.js';

/**
 * Command panels (platform 2026-08-12): commands and links shown in a chat's panel, per scene
 * (`c2c`, `group`, `channel`, `dm`), for all chats of the scene or for listed users / groups
 * (`target_type: 'specific'`, C2C and groups only). At most 20 panels of 20 items per bot.
 * UNCONFIRMED: the shapes follow the official changelog quoted in nonebot/adapter-qq#231 and
 * community SDKs; responses are loose objects.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels.get.html
 * @example
 * ```ts
 * const { panel_id } = await api.panels.create({
 *   scope: 'group',
 *   target_type: 'specific',
 *   group_openids: [groupOpenid],
 *   panel: { items: [{ type: 'command', name: '签到', desc: '每日签到' }] },
 * });
 * await api.panels.updateTargets(panel_id, { op: 'add', group_openids: [otherGroupOpenid] });
 * ```
 */
export class PanelsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists the panels of a scene, newest first; page with `cursor` until `is_end`.
   *
   * @param query - `scope` (required), `cursor`, `limit` (1–50, default 20).
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels.get.html
   * @example
   * ```ts
   * const { records = [], is_end } = await api.panels.list({ scope: 'c2c', limit: 50 });
   * ```
   */
  async list(query: ListPanelsQuery, options: RequestOptions = {}): Promise<PanelList> {
    const checked = validateBody(ListPanelsQuerySchema, query, 'panel list query');
    return this.rest.request({ ...options, ...route('GET /v2/panels'), query: checked }, PanelListSchema);
  }

  /**
   * Creates a panel and returns its id.
   *
   * @param body - `scope`, `target_type`, `user_openids` / `group_openids`, `panel`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels.post.html
   * @example
   * ```ts
   * const { panel_id } = await api.panels.create({
   *   scope: 'c2c',
   *   target_type: 'all',
   *   panel: { items: [{ type: 'command', name: '天气' }, { type: 'link', name: '官网', link: 'https://example.com' }] },
   * });
   * ```
   */
  async create(body: CreatePanelBody, options: RequestOptions = {}): Promise<CreatePanelResponse> {
    const data = validateBody(CreatePanelBodySchema, body, 'panel');
    return this.rest.request({ ...options, ...route('POST /v2/panels'), body: data }, CreatePanelResponseSchema);
  }

  /**
   * Gets one panel, with its users / groups when it is `specific` (up to 1000).
   *
   * @param panelId - The panel's id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels_panel_id.get.html
   * @example
   * ```ts
   * const panel = await api.panels.get(panelId);
   * ```
   */
  async get(panelId: string, options: RequestOptions = {}): Promise<PanelRecord> {
    return this.rest.request({ ...options, ...route('GET /v2/panels/{panel_id}', { panel_id: panelId }) }, PanelRecordSchema);
  }

  /**
   * Replaces a panel's items and remark (its users / groups stay) and returns the new version.
   *
   * @param panelId - The panel's id.
   * @param body - `{ panel: { items, remark } }`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels_panel_id.put.html
   * @example
   * ```ts
   * const { version } = await api.panels.update(panelId, { panel: { items: [{ type: 'command', name: '签到' }] } });
   * ```
   */
  async update(panelId: string, body: UpdatePanelBody, options: RequestOptions = {}): Promise<VersionResponse> {
    const target = route('PUT /v2/panels/{panel_id}', { panel_id: panelId });
    const data = validateBody(UpdatePanelBodySchema, body, 'panel update');
    return this.rest.request({ ...options, ...target, body: data }, VersionResponseSchema);
  }

  /**
   * Deletes a panel; it stops showing everywhere.
   *
   * @param panelId - The panel's id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels_panel_id.delete.html
   * @example
   * ```ts
   * await api.panels.delete(panelId);
   * ```
   */
  async delete(panelId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /v2/panels/{panel_id}', { panel_id: panelId }) });
  }

  /**
   * Adds or removes the users (c2c panel) or groups (group panel) of a `specific` panel, at most
   * 20 per call. Panels for all chats (`target_type: 'all'`) and channel / DM panels refuse it.
   *
   * @param panelId - The panel's id.
   * @param body - `{ op: 'add' | 'del', user_openids?, group_openids? }`.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/autogen/api/v2_panels_panel_id_target.put.html
   * @example
   * ```ts
   * await api.panels.updateTargets(panelId, { op: 'del', user_openids: [openid] });
   * ```
   */
  async updateTargets(panelId: string, body: PanelTargetBody, options: RequestOptions = {}): Promise<void> {
    const target = route('PUT /v2/panels/{panel_id}/target', { panel_id: panelId });
    const data = validateBody(PanelTargetBodySchema, body, 'panel targets');
    await this.rest.request({ ...options, ...target, body: data });
  }
}
