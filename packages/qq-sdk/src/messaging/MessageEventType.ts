import type { C2CMessageEvent, GroupMessageEvent, GuildMessageEvent } from '../events/types.js';

/** The platform events that carry a user message, by payload. */
export type MessageEventPayloads = {
  C2C_MESSAGE_CREATE: C2CMessageEvent;
  GROUP_AT_MESSAGE_CREATE: GroupMessageEvent;
  GROUP_MESSAGE_CREATE: GroupMessageEvent;
  AT_MESSAGE_CREATE: GuildMessageEvent;
  MESSAGE_CREATE: GuildMessageEvent;
  DIRECT_MESSAGE_CREATE: GuildMessageEvent;
};

/** An event type that `toMessage` turns into a `Message`. */
export type MessageEventType = keyof MessageEventPayloads;
