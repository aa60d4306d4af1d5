import * as z from '../internal/zod.js';

/**
 * The fields of a channel (子频道) that both REST and the `CHANNEL_*` events carry, in their wire
 * form. REST adds the permission and application fields; events make `guild_id` required (by
 * overriding it, so the key keeps its place) and add `op_user_id`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/channel/get_channel.html
 */
export const channelShape = () => ({
  /** Channel id. */
  id: z.string(),
  /** Guild id. */
  guild_id: z.string().optional(),
  /** Channel name. */
  name: z.string().optional(),
  /** 0 text, 2 voice, 4 category, 10005 live, 10006 app, 10007 forum. */
  type: z.number().optional(),
  /** Text channel sub-type. */
  sub_type: z.number().optional(),
  /** Sort position. */
  position: z.number().optional(),
  /** Parent category id. */
  parent_id: z.string().optional(),
  /** Creator's user id. */
  owner_id: z.string().optional(),
});
