import * as z from '../internal/zod.js';

/**
 * Any frame on the gateway or a webhook body: `op` plus, depending on it, `d`, `s`, `t` and `id`.
 * Unknown fields pass through.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export const GatewayPayloadSchema = z.looseObject({
  /** Opcode (0 dispatch, 1 heartbeat, 7 reconnect, 9 invalid session, 10 hello, 11 ack, 12 callback ack, 13 validation). */
  op: z.number().int(),
  /** Payload; its shape depends on `op` and `t`. */
  d: z.unknown().optional(),
  /** Sequence number of a dispatch; the gateway echoes the latest in heartbeats and resumes. */
  s: z.number().int().nullable().optional(),
  /** Event type name for op 0. */
  t: z.string().nullable().optional(),
  /** Event id for op 0: used for passive replies (`event_id`) and for dedup. */
  id: z.string().nullable().optional(),
});

/** A gateway frame or webhook body, as validated by {@link GatewayPayloadSchema}. */
export type GatewayPayload = z.output<typeof GatewayPayloadSchema>;

/**
 * A dispatch (op 0): the envelope every event arrives in, over the gateway or a webhook.
 * `d` stays `unknown` here; {@link EventDispatcher} validates it against the schema for `t`.
 *
 * @example
 * ```json
 * {"op":0,"s":13,"t":"GROUP_AT_MESSAGE_CREATE","id":"GROUP_AT_MESSAGE_CREATE:efgh5678","d":{ … }}
 * ```
 */
export const DispatchEnvelopeSchema = z.looseObject({
  /** Always 0 for a dispatch. */
  op: z.literal(0),
  /** The event type name, e.g. `GROUP_AT_MESSAGE_CREATE`. */
  t: z.string(),
  /** Sequence number (gateway only). */
  s: z.number().int().optional(),
  /** Event id (opaque string). */
  id: z.string().optional(),
  /** The event payload, validated later by its own schema. */
  d: z.unknown(),
});

/**
 * A dispatch envelope: `{ op: 0, t, s?, id?, d }`. Declared as an interface (rather than inferred) so
 * that `d` is required and no index signature leaks into users' code; whatever
 * {@link DispatchEnvelopeSchema} parses is assignable to it.
 */
export interface DispatchEnvelope {
  /** Always 0 for a dispatch. */
  op: 0;
  /** The event type name, e.g. `GROUP_AT_MESSAGE_CREATE`. */
  t: string;
  /** Sequence number (gateway only). */
  s?: number | undefined;
  /** Event id (opaque string); missing on READY and RESUMED. */
  id?: string | undefined;
  /** The event payload. */
  d: unknown;
}
