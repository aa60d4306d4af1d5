/**
 * The HTTP headers the QQ platform sets on every callback (lower-case, as Node reports them).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export const WebhookHeaderNames = {
  /** Hex Ed25519 signature over timestamp + raw body. */
  signature: 'x-signature-ed25519',
  /** Unix seconds, as a string; part of the signed message. */
  timestamp: 'x-signature-timestamp',
  /** The bot's appId: routes several bots sharing one endpoint. */
  appId: 'x-bot-appid',
} as const;
