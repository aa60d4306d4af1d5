import * as z from '../internal/zod.js';

/**
 * Fields every platform user object carries (guild users, the bot itself, member and reaction
 * users). Shared by the REST and event schemas; each builds its loose object from these with a
 * shape spread, adding what its layer needs.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/user/me.html
 */
export const userShape = () => ({
  /** User id (numeric string). */
  id: z.string(),
  /** Nickname. */
  username: z.string().optional(),
  /** Avatar URL. */
  avatar: z.string().optional(),
});

/** The `bot` flag of a guild user (absent from the bot's own user object). */
export const userBotShape = () => ({
  /** Whether the user is a bot. */
  bot: z.boolean().optional(),
});

/** Cross-app identity of a user, sent when the platform knows it. */
export const unionIdentityShape = () => ({
  /** Cross-app openid, when the platform sends it. */
  union_openid: z.string().optional(),
  /** Cross-app account, when the platform sends it. */
  union_user_account: z.string().optional(),
});
