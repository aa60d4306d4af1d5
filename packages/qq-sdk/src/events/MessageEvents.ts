/**
 * The events that carry a user's message, and what each one means: the one table the dispatcher
 * (dedup by message id), `QQBot` (`bot.on('message')`), message normalization and the simulator
 * read, so a new message event is added in one place.
 *
 * - `scene`: where it was written: `'c2c'` (a QQ single chat), `'group'`, `'guild'` (a guild text
 *   channel) or `'direct'` (a guild direct message).
 * - `atBot`: the platform sends it only when the message @-mentions the bot.
 * - `openid`: the payload identifies users by openid (the v2 API for C2C and groups) rather than by
 *   guild user id.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/event.html
 */
export const MESSAGE_EVENTS: MessageEventTable = {
  C2C_MESSAGE_CREATE: { scene: 'c2c', atBot: false, openid: true },
  GROUP_AT_MESSAGE_CREATE: { scene: 'group', atBot: true, openid: true },
  GROUP_MESSAGE_CREATE: { scene: 'group', atBot: false, openid: true },
  AT_MESSAGE_CREATE: { scene: 'guild', atBot: true, openid: false },
  MESSAGE_CREATE: { scene: 'guild', atBot: false, openid: false },
  DIRECT_MESSAGE_CREATE: { scene: 'direct', atBot: false, openid: false },
};

/**
 * Where a message was received, and so which reply rules and endpoints apply:
 * - `'c2c'`: a QQ single chat with a user (`C2C_MESSAGE_CREATE`);
 * - `'group'`: a QQ group (`GROUP_AT_MESSAGE_CREATE`, `GROUP_MESSAGE_CREATE`);
 * - `'guild'`: a QQ guild (频道) text channel (`AT_MESSAGE_CREATE`, `MESSAGE_CREATE`);
 * - `'direct'`: a guild direct message (`DIRECT_MESSAGE_CREATE`).
 */
export type MessageScene = 'c2c' | 'group' | 'guild' | 'direct';

/** The shape of {@link MESSAGE_EVENTS}: one row per message event type. */
export interface MessageEventTable {
  readonly C2C_MESSAGE_CREATE: MessageEventInfo;
  readonly GROUP_AT_MESSAGE_CREATE: MessageEventInfo;
  readonly GROUP_MESSAGE_CREATE: MessageEventInfo;
  readonly AT_MESSAGE_CREATE: MessageEventInfo;
  readonly MESSAGE_CREATE: MessageEventInfo;
  readonly DIRECT_MESSAGE_CREATE: MessageEventInfo;
}

/** One row of {@link MESSAGE_EVENTS}. */
export interface MessageEventInfo {
  /** Where the message was written. */
  readonly scene: MessageScene;
  /** The platform sends the event only for messages that @-mention the bot. */
  readonly atBot: boolean;
  /** Users are identified by openid (C2C and groups), not by guild user id. */
  readonly openid: boolean;
}

/** An event type that carries a user's message (`'C2C_MESSAGE_CREATE'`, …). */
export type MessageEventType = keyof MessageEventTable;

/** The message event types, in the table's order. */
export const MESSAGE_EVENT_TYPE_LIST: readonly MessageEventType[] = Object.keys(MESSAGE_EVENTS) as MessageEventType[];

/** Whether `type` is one of the message event types. */
export function isMessageEventType(type: string): type is MessageEventType {
  return Object.hasOwn(MESSAGE_EVENTS, type);
}
