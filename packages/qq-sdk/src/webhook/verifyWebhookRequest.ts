import { systemClock, type Clock } from '../internal/Clock.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';
import { WebhookHeaderNames } from './WebhookHeaderNames.js';
import { readHeader, type WebhookHeaders } from './WebhookHeaders.js';
import { verifyWebhookSignature } from './verifyWebhookSignature.js';
import { renamedOption } from '../internal/renamedOption.js';
import { WebhookConfigurationError } from './WebhookConfigurationError.js';

/** Options of {@link verifyWebhookRequest}. */
export interface VerifyWebhookRequestOptions {
  /** The bot's current AppSecret. */
  readonly clientSecret?: string;
  /** @deprecated Renamed {@link VerifyWebhookRequestOptions.clientSecret} (as in `QQBot`); still accepted, with a warning. */
  readonly secret?: string;
  /**
   * Older (or newer) secrets still accepted, for rotating the app secret without downtime:
   * put the new secret in `secret` and the old one here until the platform has switched.
   */
  readonly additionalSecrets?: readonly string[];
  /**
   * How far `X-Signature-Timestamp` may be from now, in seconds, in either direction. Requests
   * outside it are rejected as replays (or as coming from a badly skewed clock).
   *
   * @defaultValue 300
   */
  readonly toleranceSeconds?: number;
  /** Source of "now". @defaultValue the system clock */
  readonly clock?: Clock;
}

/** What {@link verifyWebhookRequest} established about an authentic request. */
export interface VerifiedWebhookRequest {
  /** `X-Signature-Timestamp`, in Unix seconds. */
  readonly timestamp: number;
  /** `X-Signature-Ed25519`, lower-cased: unique per (timestamp, body), so a good replay key. */
  readonly signature: string;
  /** `X-Bot-Appid`, if the request carried it. */
  readonly appId: string | undefined;
  /** Which secret matched: 0 for `secret`, 1 for `additionalSecrets[0]`, and so on. */
  readonly secretIndex: number;
}

/** Default timestamp tolerance in seconds, both directions. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * Verifies a QQ callback: reads the signature headers, checks the timestamp is within the
 * tolerance, then checks the Ed25519 signature over timestamp + raw body against the secret and
 * any additional (rotation) secrets.
 *
 * @param rawBody - The request body exactly as received.
 * @param headers - The request headers (fetch `Headers` or Node's header object).
 * @param options - Secret(s), tolerance and clock.
 * @returns What was verified, including which secret matched.
 * @throws {@link WebhookVerificationError} (as a rejection) with the failed check as `reason` (answer HTTP 401).
 * @throws {@link WebhookSecretError} (as a rejection) if a configured secret is empty.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 *
 * @example
 * ```ts
 * try {
 *   await verifyWebhookRequest(rawBody, req.headers, { clientSecret: process.env.QQBOT_APP_SECRET! });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return reply(error.status);
 *   throw error;
 * }
 * ```
 */
export async function verifyWebhookRequest(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  options: VerifyWebhookRequestOptions,
): Promise<VerifiedWebhookRequest> {
  const signatureHeader = readHeader(headers, WebhookHeaderNames.signature)?.trim();
  if (!signatureHeader) throw new WebhookVerificationError('missing_signature');
  const timestampHeader = readHeader(headers, WebhookHeaderNames.timestamp)?.trim();
  if (!timestampHeader) throw new WebhookVerificationError('missing_timestamp');
  if (!UNIX_SECONDS.test(timestampHeader)) throw new WebhookVerificationError('malformed_timestamp');

  const timestamp = Number(timestampHeader);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const now = (options.clock ?? systemClock).now() / 1000;
  if (timestamp < now - tolerance) throw new WebhookVerificationError('timestamp_too_old');
  if (timestamp > now + tolerance) throw new WebhookVerificationError('timestamp_in_future');

  const secret = renamedOption('verifyWebhookRequest', ['clientSecret', options.clientSecret], ['secret', options.secret]);
  if (secret === undefined) throw new WebhookConfigurationError("clientSecret is missing: pass the bot's AppSecret.");
  const secrets = [secret, ...(options.additionalSecrets ?? [])];
  for (let index = 0; index < secrets.length; index++) {
    // The header is signed as sent: the timestamp string goes in unchanged (after trimming whitespace).
    if (await verifyWebhookSignature(secrets[index] ?? '', timestampHeader, rawBody, signatureHeader)) {
      return {
        timestamp,
        signature: signatureHeader.toLowerCase(),
        appId: readHeader(headers, WebhookHeaderNames.appId),
        secretIndex: index,
      };
    }
  }
  throw new WebhookVerificationError('invalid_signature');
}
