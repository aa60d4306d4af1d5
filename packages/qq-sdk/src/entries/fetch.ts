/**
 * qq-sdk/fetch: a QQ bot on any JavaScript runtime with `fetch` and WebCrypto (Cloudflare Workers,
 * Deno, Bun, Node): {@link QQBot} with the webhook transport, served by
 * {@link createWebhookHandler}, answering over REST with QQ's reply rules.
 *
 * The same API as the Node entries. On Workers, Deno, Bun and in browsers the package's `exports`
 * conditions select a build with no Node built-ins and no `Buffer` or `process`: webhook signatures
 * run on WebCrypto, REST on the global `fetch`. What needs Node there (the WebSocket gateway, the
 * bot's own HTTP server, a proxy, reading files by path) fails with a typed error naming the option.
 *
 * @packageDocumentation
 */
export * from '../index.js';
export {
  createWebhookHandler,
  type FetchWebhookHandler,
  WebhookReceiver,
  WEBHOOK_ACK_BODY,
  type WebhookHandleContext,
  type WebhookRequest,
  type WebhookResponse,
  honoWebhook,
  type HonoWebhookContext,
  signWebhookPayload,
  signWebhookValidation,
  verifyWebhookSignature,
  verifyWebhookRequest,
  answerWebhookValidation,
  deriveWebhookPublicKey,
  WebhookVerificationError,
  WebhookConfigurationError,
  WebhookSecretError,
} from '../webhook/index.js';
export type { DedupStore } from '../events/DedupStore.js';
export { MemoryDedupStore } from '../events/MemoryDedupStore.js';
export type { ReplyLedgerStore, ReplyClaim } from '../messaging/ReplyLedgerStore.js';
export { MemoryReplyLedgerStore } from '../messaging/MemoryReplyLedgerStore.js';
