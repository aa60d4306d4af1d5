import { z } from 'zod';
import { EventTimestampSchema } from '../EventTimestamp.js';
import { GuildUserSchema } from './common.js';

/**
 * `GUILD_CREATE`, `GUILD_UPDATE`, `GUILD_DELETE`: the bot joined a guild, a guild changed, or the bot left.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/event.html
 */
export const GuildEventSchema = z.looseObject({
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
  /** When the bot joined. */
  joined_at: EventTimestampSchema.optional(),
  /** Who caused the event. */
  op_user_id: z.string().optional(),
});

/**
 * `CHANNEL_CREATE`, `CHANNEL_UPDATE`, `CHANNEL_DELETE`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/manage/event.html
 */
export const ChannelEventSchema = z.looseObject({
  /** Channel id. */
  id: z.string(),
  /** Guild id. */
  guild_id: z.string(),
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
  /** Who caused the event. */
  op_user_id: z.string().optional(),
});

/**
 * `GUILD_MEMBER_ADD`, `GUILD_MEMBER_UPDATE`, `GUILD_MEMBER_REMOVE`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/role/member/event.html
 */
export const GuildMemberEventSchema = z.looseObject({
  /** Guild id. */
  guild_id: z.string(),
  /** When the member joined. */
  joined_at: EventTimestampSchema.optional(),
  /** Nickname in the guild. */
  nick: z.string().optional(),
  /** The user. */
  user: GuildUserSchema,
  /** Role ids. */
  roles: z.array(z.string()).optional(),
  /** Who caused the event. */
  op_user_id: z.string().optional(),
});

/**
 * `MESSAGE_REACTION_ADD` / `MESSAGE_REACTION_REMOVE`: an emoji reaction on a message, post, comment or reply.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/reaction/event.html
 */
export const ReactionEventSchema = z.looseObject({
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
});

/**
 * `MESSAGE_AUDIT_PASS` / `MESSAGE_AUDIT_REJECT`: the result of auditing a proactive guild message.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/message-audit/event.html
 */
export const MessageAuditEventSchema = z.looseObject({
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
});

/**
 * `AUDIO_START`, `AUDIO_FINISH`, `AUDIO_ON_MIC`, `AUDIO_OFF_MIC`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/content/audio/event.html
 */
export const AudioEventSchema = z.looseObject({
  /** Guild id. */
  guild_id: z.string(),
  /** Audio channel id. */
  channel_id: z.string(),
  /** The audio's URL (start/finish). */
  audio_url: z.string().optional(),
  /** Description text (start/finish). */
  text: z.string().optional(),
});

/** `AUDIO_OR_LIVE_CHANNEL_MEMBER_ENTER` / `_EXIT`: a user entered or left an audio or live channel. */
export const AudioLiveMemberEventSchema = z.looseObject({
  /** Guild id. */
  guild_id: z.string(),
  /** Channel id. */
  channel_id: z.string(),
  /** 2 audio, 5 live. */
  channel_type: z.number().optional(),
  /** The user. */
  user_id: z.string(),
});
