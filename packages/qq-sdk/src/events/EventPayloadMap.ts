import type {
  AudioEvent,
  AudioLiveMemberEvent,
  C2CMessageEvent,
  ChannelEvent,
  EnterAioEvent,
  ForumAuditResultEvent,
  ForumEvent,
  FriendEvent,
  GroupJoinRequestEvent,
  GroupMemberEvent,
  GroupMessageEvent,
  GroupRobotEvent,
  GuildEvent,
  GuildMemberEvent,
  GuildMessageEvent,
  InteractionEvent,
  MessageAuditEvent,
  MessageDeleteEvent,
  OpenForumEvent,
  ReactionEvent,
  ReadyEvent,
  SubscribeMessageStatusEvent,
} from './types.js';

/**
 * Event type name → the payload (`d`) handlers receive, as a named type per event
 * (`GROUP_AT_MESSAGE_CREATE` → {@link GroupMessageEvent}). Each is the known fields of the event's
 * schema in `EventSchemas` (test/events/EventPayloadMap.test-d.ts proves they agree).
 */
export interface EventPayloadMap {
  READY: ReadyEvent;
  RESUMED: unknown;

  C2C_MESSAGE_CREATE: C2CMessageEvent;
  GROUP_AT_MESSAGE_CREATE: GroupMessageEvent;
  GROUP_MESSAGE_CREATE: GroupMessageEvent;
  AT_MESSAGE_CREATE: GuildMessageEvent;
  MESSAGE_CREATE: GuildMessageEvent;
  DIRECT_MESSAGE_CREATE: GuildMessageEvent;
  MESSAGE_DELETE: MessageDeleteEvent;
  PUBLIC_MESSAGE_DELETE: MessageDeleteEvent;
  DIRECT_MESSAGE_DELETE: MessageDeleteEvent;

  FRIEND_ADD: FriendEvent;
  FRIEND_DEL: FriendEvent;
  C2C_MSG_REJECT: FriendEvent;
  C2C_MSG_RECEIVE: FriendEvent;
  GROUP_ADD_ROBOT: GroupRobotEvent;
  GROUP_DEL_ROBOT: GroupRobotEvent;
  GROUP_MSG_REJECT: GroupRobotEvent;
  GROUP_MSG_RECEIVE: GroupRobotEvent;

  GROUP_MEMBER_ADD: GroupMemberEvent;
  GROUP_MEMBER_REMOVE: GroupMemberEvent;
  GROUP_JOIN_REQUEST: GroupJoinRequestEvent;
  SUBSCRIBE_MESSAGE_STATUS: SubscribeMessageStatusEvent;
  ENTER_AIO: EnterAioEvent;

  INTERACTION_CREATE: InteractionEvent;

  GUILD_CREATE: GuildEvent;
  GUILD_UPDATE: GuildEvent;
  GUILD_DELETE: GuildEvent;
  CHANNEL_CREATE: ChannelEvent;
  CHANNEL_UPDATE: ChannelEvent;
  CHANNEL_DELETE: ChannelEvent;
  GUILD_MEMBER_ADD: GuildMemberEvent;
  GUILD_MEMBER_UPDATE: GuildMemberEvent;
  GUILD_MEMBER_REMOVE: GuildMemberEvent;

  MESSAGE_REACTION_ADD: ReactionEvent;
  MESSAGE_REACTION_REMOVE: ReactionEvent;
  MESSAGE_AUDIT_PASS: MessageAuditEvent;
  MESSAGE_AUDIT_REJECT: MessageAuditEvent;

  FORUM_THREAD_CREATE: ForumEvent;
  FORUM_THREAD_UPDATE: ForumEvent;
  FORUM_THREAD_DELETE: ForumEvent;
  FORUM_POST_CREATE: ForumEvent;
  FORUM_POST_DELETE: ForumEvent;
  FORUM_REPLY_CREATE: ForumEvent;
  FORUM_REPLY_DELETE: ForumEvent;
  FORUM_PUBLISH_AUDIT_RESULT: ForumAuditResultEvent;
  OPEN_FORUM_THREAD_CREATE: OpenForumEvent;
  OPEN_FORUM_THREAD_UPDATE: OpenForumEvent;
  OPEN_FORUM_THREAD_DELETE: OpenForumEvent;
  OPEN_FORUM_POST_CREATE: OpenForumEvent;
  OPEN_FORUM_POST_DELETE: OpenForumEvent;
  OPEN_FORUM_REPLY_CREATE: OpenForumEvent;
  OPEN_FORUM_REPLY_DELETE: OpenForumEvent;

  AUDIO_START: AudioEvent;
  AUDIO_FINISH: AudioEvent;
  AUDIO_ON_MIC: AudioEvent;
  AUDIO_OFF_MIC: AudioEvent;
  AUDIO_OR_LIVE_CHANNEL_MEMBER_ENTER: AudioLiveMemberEvent;
  AUDIO_OR_LIVE_CHANNEL_MEMBER_EXIT: AudioLiveMemberEvent;
}
