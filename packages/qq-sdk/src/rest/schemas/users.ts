import * as z from '../../internal/zod.js';
import { guildShape } from '../../schemas/guild.js';
import { unionIdentityShape, userShape } from '../../schemas/user.js';

/**
 * The bot's own user.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/user/me.html
 */
export const BotUserSchema = z.lazy(() => z.looseObject({ ...userShape(), ...unionIdentityShape() }));
/** The bot user. */
export type BotUser = z.output<typeof BotUserSchema>;

/** A guild (频道). */
export const GuildSchema = z.lazy(() => z.looseObject(guildShape()));
/** A guild. */
export type Guild = z.output<typeof GuildSchema>;

/** A guild DM session created by `POST /users/@me/dms`. */
export const DirectMessageSessionSchema = z.lazy(() =>
  z.looseObject({
    guild_id: z.string(),
    channel_id: z.string().optional(),
    create_time: z.union([z.string(), z.number()]).optional(),
  }),
);
/** A DM session. */
export type DirectMessageSession = z.output<typeof DirectMessageSessionSchema>;

/** Body of `POST /users/@me/dms`. */
export const CreateDirectMessageBodySchema = z.lazy(() =>
  z.strictObject({
    recipient_id: z.string().min(1),
    source_guild_id: z.string().min(1),
  }),
);
/** A create-DM body. */
export type CreateDirectMessageBody = z.input<typeof CreateDirectMessageBodySchema>;
