import * as z from '../internal/zod.js';

/**
 * The fields of a guild (频道) in their wire form, shared by the REST `Guild` and the
 * `GUILD_*` events. Events replace `joined_at` with a parsed timestamp and add `op_user_id`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/guild/get_guild.html
 */
export const guildShape = () => ({
  /** Guild id. */
  id: z.string(),
  /** Guild name. */
  name: z.string().optional(),
  /** Icon URL. */
  icon: z.string().optional(),
  /** Owner's user id. */
  owner_id: z.string().optional(),
  /** Whether the bot is the owner. */
  owner: z.boolean().optional(),
  /** Member count. */
  member_count: z.number().optional(),
  /** Maximum members. */
  max_members: z.number().optional(),
  /** Description. */
  description: z.string().optional(),
  /** When the bot joined (RFC 3339 string on the wire). */
  joined_at: z.string().optional(),
});
