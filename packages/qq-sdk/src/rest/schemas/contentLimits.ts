/**
 * How long a message's text may be. QQ answers 40054007 "消息长度超限" for text that is too long but
 * does not document the limit (UNCONFIRMED, docs/platform-reference.md#content-length), so there are two numbers:
 *
 * - `maxContentLength`: what the REST layer refuses before sending (`content`, `markdown.content`),
 *   generous so it only stops mistakes such as a 100 KB answer; raise it with the REST client's
 *   `maxContentLength` option if your bot is allowed more.
 * - `safeChunkLength`: the size `msg.reply()` splits long text into, comfortably below what bots
 *   observe being accepted.
 *
 * Lengths are in UTF-16 code units (`string.length`).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export const MessageContentLimits = {
  /** The longest `content` or `markdown.content` the REST layer lets through. */
  maxContentLength: 5000,
  /** The chunk size long text is split into. */
  safeChunkLength: 2000,
} as const;
