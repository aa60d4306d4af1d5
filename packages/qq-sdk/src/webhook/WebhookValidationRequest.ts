import * as z from '../internal/zod.js';

/**
 * The op 13 callback-URL validation request the platform sends when a callback URL is saved in
 * the console (and periodically afterwards). Unknown fields pass through.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export const WebhookValidationRequestSchema = z.looseObject({
  /** Always 13. */
  op: z.literal(13),
  /** What to sign. */
  d: z.looseObject({
    /** A random token to echo back. */
    plain_token: z.string().min(1),
    /** Unix seconds; signed before the token. */
    event_ts: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
  }),
});

/** An op 13 validation request, as parsed by {@link WebhookValidationRequestSchema}. */
export type WebhookValidationRequest = z.output<typeof WebhookValidationRequestSchema>;

/** The JSON body that answers an op 13 validation request (sent with HTTP 200). */
export interface WebhookValidationResponse {
  /** The `plain_token` from the request, unchanged. */
  plain_token: string;
  /** Hex Ed25519 signature over `event_ts` + `plain_token`. */
  signature: string;
}
