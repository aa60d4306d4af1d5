import { QQError } from '../errors/QQError.js';
import type { verifyWebhookRequest } from './verifyWebhookRequest.js';

/**
 * Why a webhook request failed verification:
 * - `missing_signature` / `missing_timestamp`: the `X-Signature-Ed25519` / `X-Signature-Timestamp` header is absent;
 * - `malformed_timestamp`: the timestamp is not Unix seconds;
 * - `timestamp_too_old` / `timestamp_in_future`: outside the configured tolerance (a replay or a skewed clock);
 * - `invalid_signature`: the signature does not match the body, the timestamp and any configured secret.
 */
export type WebhookVerificationFailure =
  'missing_signature' | 'missing_timestamp' | 'malformed_timestamp' | 'timestamp_too_old' | 'timestamp_in_future' | 'invalid_signature';

const ADVICE: Record<WebhookVerificationFailure, string> = {
  missing_signature: 'The request has no X-Signature-Ed25519 header: it did not come from the QQ platform.',
  missing_timestamp: 'The request has no X-Signature-Timestamp header: it did not come from the QQ platform.',
  malformed_timestamp: 'X-Signature-Timestamp is not Unix seconds: the request did not come from the QQ platform.',
  timestamp_too_old: "X-Signature-Timestamp is older than the tolerance: a replayed request, or this server's clock is behind (check NTP).",
  timestamp_in_future: "X-Signature-Timestamp is in the future beyond the tolerance: this server's clock is behind or the request is forged (check NTP).",
  invalid_signature: 'X-Signature-Ed25519 does not match the body: the request was forged or altered, or the configured app secret is wrong.',
};

/**
 * Thrown by {@link verifyWebhookRequest} when a callback is not authentic or not fresh. The
 * handlers turn it into HTTP 401 and dispatch nothing.
 *
 * @example
 * ```ts
 * try {
 *   verifyWebhookRequest(rawBody, request.headers, { secret });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 401 });
 *   throw error;
 * }
 * ```
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 */
export class WebhookVerificationError extends QQError {
  override readonly name = 'WebhookVerificationError';
  /** The HTTP status a handler answers with. */
  readonly status = 401;

  /**
   * @param reason - Which check failed.
   */
  constructor(readonly reason: WebhookVerificationFailure) {
    super(ADVICE[reason]);
  }
}
