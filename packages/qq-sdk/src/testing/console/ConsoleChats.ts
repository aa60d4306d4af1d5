import type { SimulatorScene } from '../SimulatorOptions.js';

/** A simulated person who types in the console. */
export interface ConsoleUser {
  /** Their openid (group member or C2C user) or guild user id. */
  readonly id: string;
  readonly name: string;
}

/** One conversation in the console's list. */
export interface ConsoleChat {
  readonly id: string;
  readonly scene: SimulatorScene;
  /** Shown in the list; the page translates it by `id`. */
  readonly title: string;
  /** Where the bot's replies go: the group_openid, the user's openid, the channel id, or the DM guild id. */
  readonly target: string;
  readonly users: readonly ConsoleUser[];
  /** Guild scenes: the guild (for the DM, the bot's DM guild) and the channel. */
  readonly guildId?: string;
  readonly channelId?: string;
}

const XIAOHONG: ConsoleUser = { id: 'C3D41A2B5F6E7D8C9B0A1F2E3D4C5B6A', name: '小红' };
const XIAOMING: ConsoleUser = { id: 'D7E8F90A1B2C3D4E5F60718293A4B5C6', name: '小明' };
const AQIANG: ConsoleUser = { id: 'E4F4AEA33253A2797FB897C50B81D7ED', name: '阿强' };
const GUILD_USER: ConsoleUser = { id: '14422665484592931234', name: '频道小助手' };

/** The conversations the console shows: two groups, a private chat, a guild channel and a guild DM. */
export const CONSOLE_CHATS: readonly ConsoleChat[] = [
  { id: 'group-1', scene: 'group', title: '测试群', target: 'C9F778FE6ADF9D1D1DBE395BF744A33A', users: [XIAOHONG, XIAOMING] },
  { id: 'group-2', scene: 'group', title: '技术交流群', target: 'B1A2C3D4E5F6A7B8C9D0E1F2A3B4C5D6', users: [XIAOMING, AQIANG] },
  { id: 'c2c-1', scene: 'c2c', title: '阿强', target: AQIANG.id, users: [AQIANG] },
  {
    id: 'channel-1',
    scene: 'channel',
    title: '#闲聊',
    target: '9617284657826581209',
    guildId: '7372191384792382919',
    channelId: '9617284657826581209',
    users: [GUILD_USER],
  },
  {
    id: 'dm-1',
    scene: 'dm',
    title: '频道私信',
    target: '1830221376823469842',
    guildId: '1830221376823469842',
    channelId: '9617284657826581210',
    users: [GUILD_USER],
  },
];

/** The chat a message the bot sent belongs to. */
export function chatForTarget(scene: SimulatorScene, target: string): ConsoleChat | undefined {
  return CONSOLE_CHATS.find((chat) => chat.scene === scene && chat.target === target);
}

/** What a user typing `text` in `chat` makes the platform send: the event type and its payload. */
export function messageEvent(chat: ConsoleChat, user: ConsoleUser, text: string, botUserId: string): { type: string; data: Record<string, unknown> } {
  switch (chat.scene) {
    case 'group':
      // The platform strips the @bot mention and keeps the space before the text.
      return {
        type: 'GROUP_AT_MESSAGE_CREATE',
        data: {
          content: ` ${text}`,
          group_id: chat.target,
          group_openid: chat.target,
          author: { id: user.id, member_openid: user.id, username: user.name },
          attachments: [],
        },
      };
    case 'c2c':
      return { type: 'C2C_MESSAGE_CREATE', data: { content: text, author: { id: user.id, user_openid: user.id, username: '' }, attachments: [] } };
    case 'channel':
      return {
        type: 'AT_MESSAGE_CREATE',
        data: {
          content: `<@!${botUserId}> ${text}`,
          channel_id: chat.channelId,
          guild_id: chat.guildId,
          author: { id: user.id, username: user.name, bot: false },
          attachments: [],
        },
      };
    case 'dm':
      return {
        type: 'DIRECT_MESSAGE_CREATE',
        data: { content: text, channel_id: chat.channelId, guild_id: chat.guildId, author: { id: user.id, username: user.name, bot: false }, attachments: [] },
      };
  }
}

/** The INTERACTION_CREATE a click on a keyboard button sends. */
export function buttonClickEvent(
  chat: ConsoleChat,
  user: ConsoleUser,
  click: { messageId: string; buttonId: string; buttonData: string },
): Record<string, unknown> {
  const resolved = { button_id: click.buttonId, button_data: click.buttonData, message_id: click.messageId };
  const scene: Record<SimulatorScene, Record<string, unknown>> = {
    group: { scene: 'group', chat_type: 1, group_openid: chat.target, group_member_openid: user.id },
    c2c: { scene: 'c2c', chat_type: 2, user_openid: user.id },
    channel: { scene: 'guild', chat_type: 0, guild_id: chat.guildId, channel_id: chat.channelId, user_openid: user.id },
    dm: { scene: 'guild', chat_type: 0, guild_id: chat.guildId, channel_id: chat.channelId, user_openid: user.id },
  };
  return { type: 11, ...scene[chat.scene], data: { type: 11, resolved } };
}
