/**
 * qq-sdk/errors: every error qq-sdk throws, and the platform's error-code catalogue.
 *
 * All of them extend {@link QQError}; the root entry exports the ones bots usually catch.
 * {@link describePlatformCode} explains a platform code and what to do about it.
 *
 * @packageDocumentation
 * @module errors
 */
export * from '../errors/index.js';
export { UnknownIntentError } from '../events/UnknownIntentError.js';
export { HandlerTimeoutError, type HandlerAbandonReason } from '../events/HandlerTimeoutError.js';
export { GatewayError, type GatewayErrorOptions, type GatewayErrorReason } from '../gateway/GatewayError.js';
export { ReplyQuotaExceededError } from '../messaging/ReplyQuotaExceededError.js';
export { ReplyWindowExpiredError } from '../messaging/ReplyWindowExpiredError.js';
export { MessageTooLongError } from '../messaging/MessageTooLongError.js';
export { MediaDownloadError, type MediaDownloadFailure } from '../media/MediaDownloadError.js';
export { WebhookSecretError } from '../webhook/WebhookSecretError.js';
export { WebhookConfigurationError } from '../webhook/WebhookConfigurationError.js';
export { WebhookVerificationError, type WebhookVerificationFailure } from '../webhook/WebhookVerificationError.js';
