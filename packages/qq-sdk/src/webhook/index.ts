/**
 * qq-sdk/webhook: verifying and answering the QQ platform's HTTP callbacks.
 *
 * Pure functions (`signWebhookPayload`, `verifyWebhookSignature`, `verifyWebhookRequest`,
 * `answerWebhookValidation`), the runtime-neutral {@link WebhookReceiver}, and thin adapters for
 * fetch-style runtimes, node:http, Express, Koa and Hono.
 *
 * @packageDocumentation
 */
export { deriveWebhookPublicKey, deriveWebhookSeed } from './keys.js';
export { signWebhookPayload, signWebhookValidation } from './sign.js';
export { verifyWebhookSignature } from './verifyWebhookSignature.js';
export {
  verifyWebhookRequest,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  type VerifyWebhookRequestOptions,
  type VerifiedWebhookRequest,
} from './verifyWebhookRequest.js';
export { WebhookHeaderNames } from './WebhookHeaderNames.js';
export type { WebhookHeaders } from './WebhookHeaders.js';
export { WebhookValidationRequestSchema, type WebhookValidationRequest, type WebhookValidationResponse } from './WebhookValidationRequest.js';
export { answerWebhookValidation } from './answerWebhookValidation.js';
export {
  WebhookReceiver,
  WEBHOOK_ACK_BODY,
  type WebhookBot,
  type WebhookBotFields,
  type WebhookBotSecret,
  type RoutedWebhookBot,
  type WebhookCommonOptions,
  type WebhookHandlerOptions,
  type WebhookRequest,
  type WebhookResponse,
  type WebhookHandleContext,
  type WebhookReceiverStats,
} from './WebhookReceiver.js';
export type { WebhookEventSink, WebhookDispatchMeta } from './WebhookEventSink.js';
export { createWebhookHandler, type FetchWebhookHandler } from './createWebhookHandler.js';
export { createNodeWebhookHandler, type NodeWebhookHandler, type NodeWebhookRequest } from './createNodeWebhookHandler.js';
export { expressWebhook } from './expressWebhook.js';
export type { MountableBot } from './MountableBot.js';
export type { WebhookSource } from './toReceiver.js';
export { koaWebhook, type KoaWebhookContext } from './koaWebhook.js';
export { honoWebhook, type HonoWebhookContext } from './honoWebhook.js';
export {
  createWebhookServer,
  DefaultWebhookServerLimits,
  type WebhookServerLimits,
  type WebhookServer,
  type WebhookServerOptions,
  type WebhookPathOptions,
  type WebhookListenOptions,
} from './createWebhookServer.js';
export { WebhookSecretError } from './WebhookSecretError.js';
export { WebhookConfigurationError } from './WebhookConfigurationError.js';
export { WebhookVerificationError, type WebhookVerificationFailure } from './WebhookVerificationError.js';
