import * as z from '../../internal/zod.js';

/**
 * `GET /gateway`: the WebSocket URL.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/wss/url_get.html
 */
export const GatewayUrlResponseSchema = z.lazy(() => z.looseObject({ url: z.string().min(1) }));
/** The gateway URL. */
export type GatewayUrlResponse = z.output<typeof GatewayUrlResponseSchema>;

/**
 * `GET /gateway/bot`: the URL, the recommended shard count and the session start limit.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/wss/shard_url_get.html
 */
export const GatewayBotResponseSchema = z.lazy(() =>
  z.looseObject({
    url: z.string().min(1),
    shards: z.number().int().positive(),
    session_start_limit: z.looseObject({
      total: z.number(),
      remaining: z.number(),
      reset_after: z.number(),
      max_concurrency: z.number(),
    }),
  }),
);
/** Gateway info for a bot. */
export type GatewayBotResponse = z.output<typeof GatewayBotResponseSchema>;
