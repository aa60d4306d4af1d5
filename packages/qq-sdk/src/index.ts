/**
 * qq-sdk: a fully typed SDK for the QQ Open Platform bot API.
 *
 * The root entry holds what a bot needs: {@link QQBot}, intents, the received {@link Message}
 * types, the {@link messages} builders, and the errors bots catch. Each layer has its own entry
 * for the rest: `qq-sdk/rest`, `qq-sdk/events`, `qq-sdk/gateway`, `qq-sdk/messaging`,
 * `qq-sdk/errors`, `qq-sdk/webhook`, `qq-sdk/testing` and `qq-sdk/redis`.
 *
 * @packageDocumentation
 */
export { VERSION } from './version.js';
export { RuntimeFeatures, type RuntimeFeatureSet } from './internal/RuntimeFeatures.js';

// The bot.
export {
  QQBot,
  type BotSendOptions,
  type BotStopOptions,
  type QQBotLifecycleEvents,
  type QQBotListeners,
  type QQBotOptions,
  type QQBotWebhookOptions,
} from './bot.js';
export { Intents, type IntentName } from './events/Intents.js';
export type { EventType } from './events/EventSchemas.js';
export type { EventPayloadMap } from './events/EventPayloadMap.js';
export type { EventHandler } from './events/dispatchTypes.js';
export { extraField } from './events/extraField.js';

// Messages received, and what answering them takes.
export type {
  Message,
  C2CMessage,
  GroupMessage,
  GuildChannelMessage,
  GuildDirectMessage,
  MessageAttachment,
  MessageAuthor,
  ReplyOptions,
  SendOptions,
  DeliveryResult,
} from './messaging/Message.js';
export type { MessageScene, MessageTarget } from './messaging/MessageScene.js';
export type { CommandHandler, HearsHandler, ParsedCommand } from './messaging/commands.js';
export { messages, type MediaInput } from './messaging/messages.js';
export type { KeyboardButton, KeyboardSpec, OutgoingMessage } from './messaging/OutgoingMessage.js';
export { ReplyStream } from './messaging/ReplyStream.js';
export { downloadAttachment, type DownloadedMedia } from './media/downloadAttachment.js';

// Restarts without replaying or re-identifying.
export { FileSessionStore } from './gateway/session/FileSessionStore.js';
export type { GatewaySessionStore } from './gateway/session/GatewaySessionStore.js';

// The errors bots catch; qq-sdk/errors has every one and the platform's code catalogue.
export { QQError } from './errors/QQError.js';
export {
  QQApiError,
  QQAuthError,
  QQRateLimitError,
  QQPermissionError,
  QQNotFoundError,
  QQContentRejectedError,
  QQReplyQuotaError,
  QQInvalidRequestError,
  QQServerError,
} from './errors/QQApiError.js';
export { QQConnectionError } from './errors/QQConnectionError.js';
export { QQTimeoutError } from './errors/QQTimeoutError.js';
export { QQAbortError } from './errors/QQAbortError.js';
export { QQValidationError } from './errors/QQValidationError.js';
export { QQStateError } from './errors/QQStateError.js';
export { ReplyQuotaExceededError } from './messaging/ReplyQuotaExceededError.js';
export { ReplyWindowExpiredError } from './messaging/ReplyWindowExpiredError.js';
export { MessageTooLongError } from './messaging/MessageTooLongError.js';
export { HandlerTimeoutError } from './events/HandlerTimeoutError.js';
export { GatewayError } from './gateway/GatewayError.js';

// Logging.
export { resolveLogger, type Logger, type LogLevel } from './logging/Logger.js';
