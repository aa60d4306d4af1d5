import * as z from '../../internal/zod.js';

/**
 * `READY`: the gateway accepted Identify.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export const ReadySchema = z.lazy(() =>
  z.looseObject({
    /** Gateway version. */
    version: z.number(),
    /** Session id; keep it to resume. */
    session_id: z.string(),
    /** The bot user. */
    user: z.looseObject({
      /** Bot user id. */
      id: z.string(),
      /** Bot name. */
      username: z.string().optional(),
      /** Always true. */
      bot: z.boolean().optional(),
    }),
    /** `[shard_id, num_shards]`. */
    shard: z.array(z.number()).optional(),
  }),
);

/** `RESUMED`: a Resume finished replaying; `d` is `""`. */
export const ResumedSchema = z.lazy(() => z.unknown());
