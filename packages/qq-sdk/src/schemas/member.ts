import * as z from '../internal/zod.js';

/**
 * The fields of a guild member that REST and the `GUILD_MEMBER_*` events share, in their wire form.
 * Each layer adds its own `user` (REST: optional and minimal; events: the full guild user);
 * events also parse `joined_at` into a timestamp (overriding it, so the key keeps its place) and
 * add `guild_id` and `op_user_id`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/member/event.html
 */
export const memberShape = () => ({
  /** Nickname in the guild. */
  nick: z.string().optional(),
  /** Role ids. */
  roles: z.array(z.string()).optional(),
  /** When the member joined (RFC 3339 string on the wire). */
  joined_at: z.string().optional(),
});
