import * as z from '../../internal/zod.js';
import { QQValidationError } from '../../errors/QQValidationError.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { validateBody } from '../validateBody.js';

/**
 * Result codes of an interaction acknowledgement: 0 success, 1 failed, 2 too frequent,
 * 3 duplicate, 4 no permission, 5 admins only.
 */
export type InteractionResultCode = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * The `claw_cfg` object a bot answers a claw-settings interaction with (`INTERACTION_CREATE`
 * with `data.type` 2001 query or 2002 update): how the bot behaves in the group, as the QQ client
 * shows it in the group's settings. Every field is a string on the wire; unknown fields pass.
 * UNCONFIRMED: not in the official docs; the shape is the one tencent-connect/openclaw-qqbot and
 * the bundled @openclaw/qqbot send (docs/platform-reference.md#late-2026).
 */
export const ClawConfigSchema = z.lazy(() =>
  z.looseObject({
    /** `'mention'`: the bot answers only when @-mentioned; `'always'`: it answers every message. */
    require_mention: z.string().optional(),
    /** The group policy (OpenClaw: `'open'`, `'allowlist'` or `'disabled'`). */
    group_policy: z.string().optional(),
    /** Extra patterns that count as a mention, comma-separated. */
    mention_patterns: z.string().optional(),
    /** `'online'` while the bot runs. */
    online_state: z.string().optional(),
    /** The channel plugin (`'qqbot'`). */
    channel_type: z.string().optional(),
    /** The channel plugin's version. */
    channel_ver: z.string().optional(),
    /** The agent framework (`'openclaw'`). */
    claw_type: z.string().optional(),
    /** The agent framework's version. */
    claw_ver: z.string().optional(),
  }),
);
/** A `claw_cfg` snapshot as sent to the platform. */
export type ClawConfig = z.input<typeof ClawConfigSchema>;

/**
 * The `data` of an acknowledgement: `{ claw_cfg }` for claw-settings interactions; other keys
 * (e.g. OpenClaw's `{ content }` on approval buttons) pass unchecked.
 */
export const InteractionAckDataSchema = z.lazy(() => z.looseObject({ claw_cfg: ClawConfigSchema.optional() }));
/** The `data` of an interaction acknowledgement. */
export type InteractionAckData = z.input<typeof InteractionAckDataSchema>;

/** The body of `PUT /interactions/{interaction_id}`: a result code and optional data. */
export const InteractionAckBodySchema = z.lazy(() =>
  z.strictObject({
    code: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: 'must be 0-5' }),
    data: InteractionAckDataSchema.optional(),
  }),
);

/** An acknowledgement with data: the result code (default 0) and `data`. */
export interface InteractionAck {
  /** The result shown to the user. @defaultValue 0 */
  readonly code?: InteractionResultCode;
  /** What the interaction asked for, e.g. `{ claw_cfg }` for a claw-settings query. */
  readonly data?: InteractionAckData;
}

/**
 * Acknowledges button and quick-menu interactions (`INTERACTION_CREATE`); without it the user's
 * spinner runs until it times out. Claw-settings interactions (`data.type` 2001/2002) are
 * answered with `data: { claw_cfg }`; see `answerClawConfigQuery`.
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
   * @param ack - The result code (default 0), or `{ code, data }` to answer with data.
   * @param options - Signal, timeout, retries.
   * @throws A {@link QQValidationError} for a code outside 0-5 or data that is not an object
   *   (nothing is sent).
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/trans/msg-btn.html
   * @example
   * ```ts
   * await api.interactions.acknowledge(event.id, 1); // failed
   * await api.interactions.acknowledge(event.id, { code: 0, data: { claw_cfg: { require_mention: 'mention' } } });
   * ```
   */
  async acknowledge(interactionId: string, ack: InteractionResultCode | InteractionAck = 0, options: RequestOptions = {}): Promise<void> {
    const target = route('PUT /interactions/{interaction_id}', { interaction_id: interactionId });
    let wire: unknown;
    if (typeof ack === 'object' && ack !== null) {
      // Every key is checked (strictly), so a misspelt one is an error rather than dropped.
      wire = { ...ack, code: ack.code ?? 0 };
    } else if (typeof ack === 'number') {
      wire = { code: ack };
    } else {
      throw new QQValidationError('interaction acknowledgement', [{ path: 'code', message: 'must be 0-5 or { code, data }' }]);
    }
    const body = validateBody(InteractionAckBodySchema, wire, 'interaction acknowledgement');
    await this.rest.request({ ...options, ...target, body });
  }
}
