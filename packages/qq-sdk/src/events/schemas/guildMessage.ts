import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';
import { EventAttachmentSchema, GuildUserSchema, MessageReferenceSchema } from './common.js';

/** A guild member as embedded in a guild message or member event. */
export const GuildMemberInfoSchema = z.lazy(() =>
  z.looseObject({
    /** When the user joined the guild. */
    joined_at: EventTimestampSchema.optional(),
    /** Role ids. */
    roles: z.array(z.string()).optional(),
    /** Nickname in the guild. */
    nick: z.string().optional(),
  }),
);

/**
 * A guild channel or guild DM message: `AT_MESSAGE_CREATE`, `MESSAGE_CREATE`, `DIRECT_MESSAGE_CREATE`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/template/model.html
 */
export const GuildMessageSchema = z.lazy(() =>
  z.looseObject({
    /** Message id. */
    id: z.string(),
    /** Channel id. */
    channel_id: z.string(),
    /** Guild id (for DMs, the DM's own guild). */
    guild_id: z.string(),
    /** Text content, with mentions as `<@!user_id>`. */
    content: z.string().default(''),
    /** When the message was sent. */
    timestamp: EventTimestampSchema,
    /** When the message was edited (often `""`). */
    edited_timestamp: EventTimestampSchema.optional(),
    /** Whether the message @-mentions everyone. */
    mention_everyone: z.boolean().optional(),
    /** The sender. */
    author: GuildUserSchema,
    /** Attachments (usually only `url`). */
    attachments: z.array(EventAttachmentSchema).optional(),
    /** Embeds. */
    embeds: z.array(z.looseObject({})).optional(),
    /** Mentioned users. */
    mentions: z.array(GuildUserSchema).optional(),
    /** The sender's guild membership. */
    member: GuildMemberInfoSchema.optional(),
    /** Deprecated sequence; use `seq_in_channel`. */
    seq: z.number().optional(),
    /** Sequence of the message within its channel. */
    seq_in_channel: z.string().optional(),
    /** The quoted message. */
    message_reference: MessageReferenceSchema.optional(),
    /** DMs: the guild the DM was started from (community-observed). */
    src_guild_id: z.string().optional(),
    /** DMs: set to true. */
    direct_message: z.boolean().optional(),
  }),
);

/**
 * `MESSAGE_DELETE`, `PUBLIC_MESSAGE_DELETE`, `DIRECT_MESSAGE_DELETE`: a message was recalled.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/template/model.html
 */
export const MessageDeleteSchema = z.lazy(() =>
  z.looseObject({
    /** The deleted message (partial: ids and author). */
    message: z.looseObject({
      /** Message id. */
      id: z.string(),
      /** Channel id. */
      channel_id: z.string().optional(),
      /** Guild id. */
      guild_id: z.string().optional(),
      /** The message's author. */
      author: GuildUserSchema.optional(),
      /** DMs: set to true. */
      direct_message: z.boolean().optional(),
    }),
    /** Who deleted it. */
    op_user: z
      .looseObject({
        /** User id. */
        id: z.string(),
      })
      .optional(),
  }),
);
