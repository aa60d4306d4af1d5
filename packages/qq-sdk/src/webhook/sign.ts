import { toHex } from '../internal/bytes.js';
import { ed25519 } from './crypto/ed25519.js';
import { deriveWebhookSeed } from './keys.js';
import { signedMessage } from './signedMessage.js';

/**
 * Signs a webhook payload exactly as the QQ platform does: Ed25519 over the timestamp string
 * followed by the raw body bytes, with the key derived from the app secret. The result is the
 * value of the `X-Signature-Ed25519` header.
 *
 * The platform simulator uses this to sign deliveries; a bot only needs it for tests.
 *
 * @param secret - The bot's app secret.
 * @param timestamp - The `X-Signature-Timestamp` value (Unix seconds, as a string).
 * @param body - The exact request body; a string is encoded as UTF-8.
 * @returns The signature as 128 lowercase hex characters.
 * @throws {@link WebhookSecretError} (as a rejection) if the secret is empty.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ op: 0, id: 'evt-1', t: 'C2C_MESSAGE_CREATE', d: {} });
 * const timestamp = String(Math.floor(Date.now() / 1000));
 * const signature = await signWebhookPayload(secret, timestamp, body);
 * ```
 */
export async function signWebhookPayload(secret: string, timestamp: string, body: string | Uint8Array): Promise<string> {
  deriveWebhookSeed(secret);
  return toHex(await ed25519.sign(secret, signedMessage(timestamp, body)));
}

/**
 * Signs the answer to the op 13 callback-URL validation request: Ed25519 over `event_ts`
 * followed by `plain_token`.
 *
 * @param secret - The bot's app secret.
 * @param eventTs - `d.event_ts` from the validation request.
 * @param plainToken - `d.plain_token` from the validation request.
 * @returns The `signature` field of the answer, as lowercase hex.
 * @throws {@link WebhookSecretError} (as a rejection) if the secret is empty.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export function signWebhookValidation(secret: string, eventTs: string, plainToken: string): Promise<string> {
  return signWebhookPayload(secret, eventTs, plainToken);
}
