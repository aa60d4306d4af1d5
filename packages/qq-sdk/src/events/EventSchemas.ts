import { ForumAuditResultSchema, ForumEventSchema, OpenForumEventSchema } from './schemas/forum.js';
import {
  AudioEventSchema,
  AudioLiveMemberEventSchema,
  ChannelEventSchema,
  GuildEventSchema,
  GuildMemberEventSchema,
  MessageAuditEventSchema,
  ReactionEventSchema,
} from './schemas/guild.js';
import { GuildMessageSchema, MessageDeleteSchema } from './schemas/guildMessage.js';
import { EnterAioSchema, GroupJoinRequestSchema, GroupMemberEventSchema, SubscribeMessageStatusSchema } from './schemas/group.js';
import { InteractionSchema } from './schemas/interaction.js';
import { C2CMessageSchema, GroupMessageSchema } from './schemas/message.js';
import { FriendEventSchema, GroupRobotEventSchema } from './schemas/relation.js';
import { ReadySchema, ResumedSchema } from './schemas/session.js';
import type { EventPayloadMap } from './EventPayloadMap.js';
import { MESSAGE_EVENT_TYPE_LIST, type MESSAGE_EVENTS } from './MessageEvents.js';

/**
 * The schema of every dispatch event type qq-sdk knows, keyed by the platform's event name.
 * This object is the single source of {@link EventType} and {@link EventPayloadMap}.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export const EventSchemas = {
  READY: ReadySchema,
  RESUMED: ResumedSchema,

  C2C_MESSAGE_CREATE: C2CMessageSchema,
  GROUP_AT_MESSAGE_CREATE: GroupMessageSchema,
  GROUP_MESSAGE_CREATE: GroupMessageSchema,
  AT_MESSAGE_CREATE: GuildMessageSchema,
  MESSAGE_CREATE: GuildMessageSchema,
  DIRECT_MESSAGE_CREATE: GuildMessageSchema,
  MESSAGE_DELETE: MessageDeleteSchema,
  PUBLIC_MESSAGE_DELETE: MessageDeleteSchema,
  DIRECT_MESSAGE_DELETE: MessageDeleteSchema,

  FRIEND_ADD: FriendEventSchema,
  FRIEND_DEL: FriendEventSchema,
  C2C_MSG_REJECT: FriendEventSchema,
  C2C_MSG_RECEIVE: FriendEventSchema,
  GROUP_ADD_ROBOT: GroupRobotEventSchema,
  GROUP_DEL_ROBOT: GroupRobotEventSchema,
  GROUP_MSG_REJECT: GroupRobotEventSchema,
  GROUP_MSG_RECEIVE: GroupRobotEventSchema,

  GROUP_MEMBER_ADD: GroupMemberEventSchema,
  GROUP_MEMBER_REMOVE: GroupMemberEventSchema,
  GROUP_JOIN_REQUEST: GroupJoinRequestSchema,
  SUBSCRIBE_MESSAGE_STATUS: SubscribeMessageStatusSchema,
  ENTER_AIO: EnterAioSchema,

  INTERACTION_CREATE: InteractionSchema,

  GUILD_CREATE: GuildEventSchema,
  GUILD_UPDATE: GuildEventSchema,
  GUILD_DELETE: GuildEventSchema,
  CHANNEL_CREATE: ChannelEventSchema,
  CHANNEL_UPDATE: ChannelEventSchema,
  CHANNEL_DELETE: ChannelEventSchema,
  GUILD_MEMBER_ADD: GuildMemberEventSchema,
  GUILD_MEMBER_UPDATE: GuildMemberEventSchema,
  GUILD_MEMBER_REMOVE: GuildMemberEventSchema,

  MESSAGE_REACTION_ADD: ReactionEventSchema,
  MESSAGE_REACTION_REMOVE: ReactionEventSchema,
  MESSAGE_AUDIT_PASS: MessageAuditEventSchema,
  MESSAGE_AUDIT_REJECT: MessageAuditEventSchema,

  FORUM_THREAD_CREATE: ForumEventSchema,
  FORUM_THREAD_UPDATE: ForumEventSchema,
  FORUM_THREAD_DELETE: ForumEventSchema,
  FORUM_POST_CREATE: ForumEventSchema,
  FORUM_POST_DELETE: ForumEventSchema,
  FORUM_REPLY_CREATE: ForumEventSchema,
  FORUM_REPLY_DELETE: ForumEventSchema,
  FORUM_PUBLISH_AUDIT_RESULT: ForumAuditResultSchema,
  OPEN_FORUM_THREAD_CREATE: OpenForumEventSchema,
  OPEN_FORUM_THREAD_UPDATE: OpenForumEventSchema,
  OPEN_FORUM_THREAD_DELETE: OpenForumEventSchema,
  OPEN_FORUM_POST_CREATE: OpenForumEventSchema,
  OPEN_FORUM_POST_DELETE: OpenForumEventSchema,
  OPEN_FORUM_REPLY_CREATE: OpenForumEventSchema,
  OPEN_FORUM_REPLY_DELETE: OpenForumEventSchema,

  AUDIO_START: AudioEventSchema,
  AUDIO_FINISH: AudioEventSchema,
  AUDIO_ON_MIC: AudioEventSchema,
  AUDIO_OFF_MIC: AudioEventSchema,
  AUDIO_OR_LIVE_CHANNEL_MEMBER_ENTER: AudioLiveMemberEventSchema,
  AUDIO_OR_LIVE_CHANNEL_MEMBER_EXIT: AudioLiveMemberEventSchema,
} as const;

/**
 * The name of every dispatch event type qq-sdk knows (`'GROUP_AT_MESSAGE_CREATE'`, …). Declared as
 * the keys of {@link EventPayloadMap} so editors print `EventType` rather than 59 names;
 * test/events/EventPayloadMap.test-d.ts proves they are the keys of `EventSchemas`.
 */
export type EventType = keyof EventPayloadMap;

/** Every known event type name, in catalogue order. */
export const EVENT_TYPES: readonly EventType[] = Object.keys(EventSchemas) as EventType[];

/** Whether `type` is an event type qq-sdk has a schema for. */
export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EventSchemas, type);
}

/**
 * The message event types (see {@link MESSAGE_EVENTS}): their `d.id` is a message id, which the
 * dispatcher also dedups on (the platform may push the same message twice under different envelope
 * ids).
 */
export const MESSAGE_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>(MESSAGE_EVENT_TYPE_LIST);
