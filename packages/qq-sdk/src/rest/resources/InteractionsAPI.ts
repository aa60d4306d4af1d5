import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { pathId, validateBody } from '../validateBody.js';

/**
 * Result codes of an interaction acknowledgement: 0 success, 1 failed, 2 too frequent,
 * 3 duplicate, 4 no permission, 5 admins only.
 */
export type InteractionResultCode = 0 | 1 | 2 | 3 | 4 | 5;

const BodySchema = z.lazy(() => z.strictObject({
  code: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: 'must be 0-5' }),
}));

/**
 * Acknowledges button and quick-menu interactions (`INTERACTION_CREATE`); without it the user's
 * spinner runs until it times out.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/trans/msg-btn.html
 *
 * @example
 * ```ts
 * bot.on('INTERACTION_CREATE', async (interaction) => {
 *   await bot.api.interactions.acknowledge(interaction.id); // 0: success
 * });
 * ```
 */
export class InteractionsAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Acknowledges an interaction. Call once per interaction id, within a few seconds.
   *
   * @param interactionId - The `id` of the INTERACTION_CREATE event.
   * @param code - The result shown to the user. @defaultValue 0
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/trans/msg-btn.html
   */
  async acknowledge(interactionId: string, code: InteractionResultCode = 0, options: RequestOptions = {}): Promise<void> {
    const path = `/interactions/${pathId('interaction_id', interactionId)}`;
    const body = validateBody(BodySchema, { code }, 'interaction acknowledgement');
    await this.rest.request({ ...options, method: 'PUT', path, route: 'PUT /interactions/{interaction_id}', body });
  }
}
