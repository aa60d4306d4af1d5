import { signWebhookValidation } from './sign.js';
import type { WebhookValidationRequest, WebhookValidationResponse } from './WebhookValidationRequest.js';

/**
 * Builds the answer to an op 13 callback-URL validation request: the `plain_token` and an
 * Ed25519 signature over `event_ts` + `plain_token` with the key derived from the app secret.
 *
 * @param secret - The bot's app secret.
 * @param request - The parsed op 13 request (see {@link WebhookValidationRequestSchema}).
 * @returns The JSON body to send back with HTTP 200.
 * @throws {@link WebhookSecretError} (as a rejection) if the secret is empty.
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 *
 * @example
 * ```ts
 * const answer = await answerWebhookValidation(secret, WebhookValidationRequestSchema.parse(JSON.parse(body)));
 * // → { plain_token: 'Arq0D5A61EgUu4OxUvOp', signature: '87befc99…' }
 * ```
 */
export async function answerWebhookValidation(secret: string, request: Pick<WebhookValidationRequest, 'd'>): Promise<WebhookValidationResponse> {
  const { plain_token, event_ts } = request.d;
  return { plain_token, signature: await signWebhookValidation(secret, event_ts, plain_token) };
}
