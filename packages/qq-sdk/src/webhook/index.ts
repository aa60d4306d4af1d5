/**
 * qq-sdk/webhook: verifying and answering the QQ platform's HTTP callbacks.
 *
 * @packageDocumentation
 */
export { deriveWebhookKeyPair, deriveWebhookSeed, type WebhookKeyPair } from './keys.js';
export { signWebhookPayload, signWebhookValidation } from './sign.js';
export { verifyWebhookSignature } from './verifyWebhookSignature.js';
export { WebhookSecretError } from './WebhookSecretError.js';
