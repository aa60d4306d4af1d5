import type * as z from '../internal/zod.js';
import type { KnownFields } from './KnownFields.js';
import type {
  EventAttachmentSchema,
  GuildUserSchema,
  EventMentionSchema,
  EventAuthorSchema,
  MessageReferenceSchema,
  EventMessageSceneSchema,
} from './schemas/common.js';
import type { ForumAuditResultSchema, ForumEventSchema, OpenForumEventSchema } from './schemas/forum.js';
import type {
  AudioEventSchema,
  AudioLiveMemberEventSchema,
  ChannelEventSchema,
  GuildEventSchema,
  GuildMemberEventSchema,
  MessageAuditEventSchema,
  ReactionEventSchema,
} from './schemas/guild.js';
import type { GuildMessageSchema, MessageDeleteSchema } from './schemas/guildMessage.js';
import type { EnterAioSchema, GroupJoinRequestSchema, GroupMemberEventSchema, SubscribeMessageStatusSchema } from './schemas/group.js';
import type { InteractionSchema } from './schemas/interaction.js';
import type { C2CMessageSchema, GroupMessageSchema } from './schemas/message.js';
import type { FriendEventSchema, GroupRobotEventSchema } from './schemas/relation.js';
import type { ReadySchema } from './schemas/session.js';

/** A message attachment (image, voice, video, file). */
export interface EventAttachment extends KnownFields<z.output<typeof EventAttachmentSchema>> {}
/** The sender of a C2C or group message. */
export interface EventAuthor extends KnownFields<z.output<typeof EventAuthorSchema>> {}
/** A user mentioned in a group message. */
export interface EventMention extends KnownFields<z.output<typeof EventMentionSchema>> {}
/** Where a C2C/group message came from (`ext` holds `msg_idx=…`). */
export interface EventMessageScene extends KnownFields<z.output<typeof EventMessageSceneSchema>> {}
/** A guild user. */
export interface GuildUser extends KnownFields<z.output<typeof GuildUserSchema>> {}
/** A quoted message reference. */
export interface MessageReference extends KnownFields<z.output<typeof MessageReferenceSchema>> {}

/** The parts of a C2C or group message that have a name of their own (shown on hover). */
type NamedMessageParts = 'author' | 'attachments' | 'message_scene' | 'message_reference';

/** Payload of READY. */
export interface ReadyEvent extends KnownFields<z.output<typeof ReadySchema>> {}
/** Payload of C2C_MESSAGE_CREATE. */
export interface C2CMessageEvent extends Omit<KnownFields<z.output<typeof C2CMessageSchema>>, NamedMessageParts> {
  /** The sender. */
  author: EventAuthor;
  /** Images, voice, video and files. */
  attachments?: EventAttachment[] | undefined;
  /** Message origin; `ext` carries `msg_idx` / `ref_msg_idx`. */
  message_scene?: EventMessageScene | undefined;
  /** The quoted message, when the platform sends one. */
  message_reference?: MessageReference | undefined;
}
/** Payload of GROUP_AT_MESSAGE_CREATE and GROUP_MESSAGE_CREATE. */
export interface GroupMessageEvent extends Omit<KnownFields<z.output<typeof GroupMessageSchema>>, NamedMessageParts | 'mentions'> {
  /** The sender. */
  author: EventAuthor;
  /** Images, voice, video and files. */
  attachments?: EventAttachment[] | undefined;
  /** Message origin; `ext` carries `msg_idx` / `ref_msg_idx`. */
  message_scene?: EventMessageScene | undefined;
  /** The quoted message, when the platform sends one. */
  message_reference?: MessageReference | undefined;
  /** Other users mentioned in the message (excluding the bot). */
  mentions?: EventMention[] | undefined;
}
/** Payload of AT_MESSAGE_CREATE, MESSAGE_CREATE and DIRECT_MESSAGE_CREATE. */
export interface GuildMessageEvent extends Omit<KnownFields<z.output<typeof GuildMessageSchema>>, 'author' | 'attachments' | 'mentions' | 'message_reference'> {
  /** The sender. */
  author: GuildUser;
  /** Images, voice, video and files. */
  attachments?: EventAttachment[] | undefined;
  /** Users mentioned in the message. */
  mentions?: GuildUser[] | undefined;
  /** The quoted message, when the platform sends one. */
  message_reference?: MessageReference | undefined;
}
/** Payload of MESSAGE_DELETE, PUBLIC_MESSAGE_DELETE and DIRECT_MESSAGE_DELETE. */
export interface MessageDeleteEvent extends KnownFields<z.output<typeof MessageDeleteSchema>> {}
/** Payload of FRIEND_ADD, FRIEND_DEL, C2C_MSG_REJECT and C2C_MSG_RECEIVE. */
export interface FriendEvent extends KnownFields<z.output<typeof FriendEventSchema>> {}
/** Payload of GROUP_ADD_ROBOT, GROUP_DEL_ROBOT, GROUP_MSG_REJECT and GROUP_MSG_RECEIVE. */
export interface GroupRobotEvent extends KnownFields<z.output<typeof GroupRobotEventSchema>> {}
/** Payload of GROUP_MEMBER_ADD and GROUP_MEMBER_REMOVE. */
export interface GroupMemberEvent extends KnownFields<z.output<typeof GroupMemberEventSchema>> {}
/** Payload of GROUP_JOIN_REQUEST. */
export interface GroupJoinRequestEvent extends KnownFields<z.output<typeof GroupJoinRequestSchema>> {}
/** Payload of SUBSCRIBE_MESSAGE_STATUS. */
export interface SubscribeMessageStatusEvent extends KnownFields<z.output<typeof SubscribeMessageStatusSchema>> {}
/** Payload of ENTER_AIO (undocumented; all fields optional). */
export interface EnterAioEvent extends KnownFields<z.output<typeof EnterAioSchema>> {}
/** Payload of INTERACTION_CREATE. */
export interface InteractionEvent extends KnownFields<z.output<typeof InteractionSchema>> {}
/** Payload of GUILD_CREATE, GUILD_UPDATE and GUILD_DELETE. */
export interface GuildEvent extends KnownFields<z.output<typeof GuildEventSchema>> {}
/** Payload of CHANNEL_CREATE, CHANNEL_UPDATE and CHANNEL_DELETE. */
export interface ChannelEvent extends KnownFields<z.output<typeof ChannelEventSchema>> {}
/** Payload of GUILD_MEMBER_ADD, GUILD_MEMBER_UPDATE and GUILD_MEMBER_REMOVE. */
export interface GuildMemberEvent extends KnownFields<z.output<typeof GuildMemberEventSchema>> {}
/** Payload of MESSAGE_REACTION_ADD and MESSAGE_REACTION_REMOVE. */
export interface ReactionEvent extends KnownFields<z.output<typeof ReactionEventSchema>> {}
/** Payload of MESSAGE_AUDIT_PASS and MESSAGE_AUDIT_REJECT. */
export interface MessageAuditEvent extends KnownFields<z.output<typeof MessageAuditEventSchema>> {}
/** Payload of the FORUM_THREAD_*, FORUM_POST_* and FORUM_REPLY_* events. */
export interface ForumEvent extends KnownFields<z.output<typeof ForumEventSchema>> {}
/** Payload of FORUM_PUBLISH_AUDIT_RESULT. */
export interface ForumAuditResultEvent extends KnownFields<z.output<typeof ForumAuditResultSchema>> {}
/** Payload of the OPEN_FORUM_* events. */
export interface OpenForumEvent extends KnownFields<z.output<typeof OpenForumEventSchema>> {}
/** Payload of AUDIO_START, AUDIO_FINISH, AUDIO_ON_MIC and AUDIO_OFF_MIC. */
export interface AudioEvent extends KnownFields<z.output<typeof AudioEventSchema>> {}
/** Payload of AUDIO_OR_LIVE_CHANNEL_MEMBER_ENTER and _EXIT. */
export interface AudioLiveMemberEvent extends KnownFields<z.output<typeof AudioLiveMemberEventSchema>> {}
