/**
 * qq-sdk/messaging: QQ's reply rules and the parts `QQBot` builds messages from.
 *
 * The reply budget and windows ({@link ReplyQuota}, reply ledgers), the URL and markdown policies,
 * {@link MessageSender}, streams, typing, text splitting, face tags, command parsing, the
 * OpenClaw configuration interaction, and received-media downloads.
 *
 * @packageDocumentation
 * @module messaging
 */
export * from '../messaging/index.js';
export * from '../media/index.js';
