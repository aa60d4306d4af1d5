/**
 * qq-sdk: a fully typed SDK for the QQ Open Platform bot API.
 *
 * @packageDocumentation
 */
export { VERSION } from './version.js';
export { DEFAULT_USER_AGENT } from './userAgent.js';

// Errors and logging, shared by every layer.
export * from './errors/index.js';
export * from './logging/index.js';
export type { Clock } from './internal/Clock.js';

// Auth and REST.
export * from './auth/index.js';
export * from './rest/index.js';

// Events and transports.
export * from './events/index.js';
export * from './gateway/index.js';

// Messaging: normalized messages and QQ's reply rules.
export * from './messaging/index.js';

// Received media, downloaded within bounds.
export * from './media/index.js';

// The facade most bots start from.
export {
  QQBot,
  type BotSendOptions,
  type BotStopOptions,
  type QQBotLifecycleEvents,
  type QQBotListeners,
  type QQBotOptions,
  type QQBotWebhookOptions,
} from './bot.js';
