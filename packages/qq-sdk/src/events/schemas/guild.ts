import * as z from '../../internal/zod.js';
import { EventTimestampSchema } from '../EventTimestamp.js';
import { channelShape } from '../../schemas/channel.js';
import { guildShape } from '../../schemas/guild.js';
import { memberShape } from '../../schemas/member.js';
import { GuildUserSchema } from './common.js';

/**
 * `GUILD_CREATE`, `GUILD_UPDATE`, `GUILD_DELETE`: the bot joined a guild, a guild changed, or the bot left.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/event.html
 */
export const GuildEventSchema = z.lazy(() =>
  z.looseObject({
    ...guildShape(),
    /** When the bot joined. */
    joined_at: EventTimestampSchema.optional(),
    /** Who caused the event. */
    op_user_id: z.string().optional(),
  }),
);

/**
 * `CHANNEL_CREATE`, `CHANNEL_UPDATE`, `CHANNEL_DELETE`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/event.html
 */
export const ChannelEventSchema = z.lazy(() =>
  z.looseObject({
    ...channelShape(),
    /** Guild id (always sent with channel events). */
    guild_id: z.string(),
    /** Who caused the event. */
    op_user_id: z.string().optional(),
  }),
);

/**
 * `GUILD_MEMBER_ADD`, `GUILD_MEMBER_UPDATE`, `GUILD_MEMBER_REMOVE`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/member/event.html
 */
export const GuildMemberEventSchema = z.lazy(() =>
  z.looseObject({
    /** Guild id. */
    guild_id: z.string(),
    ...memberShape(),
    /** When the member joined. */
    joined_at: EventTimestampSchema.optional(),
    /** The user. */
    user: GuildUserSchema,
    /** Who caused the event. */
    op_user_id: z.string().optional(),
  }),
);

/**
 * `MESSAGE_REACTION_ADD` / `MESSAGE_REACTION_REMOVE`: an emoji reaction on a message, post, comment or reply.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/reaction/event.html
 */
export const ReactionEventSchema = z.lazy(() =>
  z.looseObject({
    /** Who reacted. */
    user_id: z.string(),
    /** Guild id. */
    guild_id: z.string(),
    /** Channel id. */
    channel_id: z.string(),
    /** What was reacted to: `type` 0 message, 1 post, 2 comment, 3 reply. */
    target: z.looseObject({ id: z.string(), type: z.union([z.number(), z.string()]) }),
    /** The emoji: `type` 1 system, 2 emoji. */
    emoji: z.looseObject({ id: z.string(), type: z.number() }),
  }),
);

/**
 * `MESSAGE_AUDIT_PASS` / `MESSAGE_AUDIT_REJECT`: the result of auditing a proactive guild message.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/message-audit/event.html
 */
export const MessageAuditEventSchema = z.lazy(() =>
  z.looseObject({
    /** Audit id returned when the message was sent. */
    audit_id: z.string(),
    /** The sent message id (pass only). */
    message_id: z.string().optional(),
    /** Guild id. */
    guild_id: z.string().optional(),
    /** Channel id. */
    channel_id: z.string().optional(),
    /** When the audit finished. */
    audit_time: EventTimestampSchema.optional(),
    /** When the message was created. */
    create_time: EventTimestampSchema.optional(),
    /** Sequence of the message within its channel. */
    seq_in_channel: z.string().optional(),
  }),
);

/**
 * `AUDIO_START`, `AUDIO_FINISH`, `AUDIO_ON_MIC`, `AUDIO_OFF_MIC`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/audio/event.html
 */
export const AudioEventSchema = z.lazy(() =>
  z.looseObject({
    /** Guild id. */
    guild_id: z.string(),
    /** Audio channel id. */
    channel_id: z.string(),
    /** The audio's URL (start/finish). */
    audio_url: z.string().optional(),
    /** Description text (start/finish). */
    text: z.string().optional(),
  }),
);

/** `AUDIO_OR_LIVE_CHANNEL_MEMBER_ENTER` / `_EXIT`: a user entered or left an audio or live channel. */
export const AudioLiveMemberEventSchema = z.lazy(() =>
  z.looseObject({
    /** Guild id. */
    guild_id: z.string(),
    /** Channel id. */
    channel_id: z.string(),
    /** 2 audio, 5 live. */
    channel_type: z.number().optional(),
    /** The user. */
    user_id: z.string(),
  }),
);
