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

/** Where a message event happened and who wrote it, for events the console did not send itself. */
export function originOfEvent(
  type: string,
  data: Record<string, unknown>,
): { scene: SimulatorScene; target: string; user: ConsoleUser; text: string } | undefined {
  const author = (data['author'] ?? {}) as Record<string, unknown>;
  const text = typeof data['content'] === 'string' ? data['content'].trim() : '';
  const name = (fallback: string): string => (typeof author['username'] === 'string' && author['username'] !== '' ? author['username'] : fallback);
  const id = (key: string): string => (typeof author[key] === 'string' ? author[key] : typeof author['id'] === 'string' ? author['id'] : '');
  const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');
  switch (type) {
    case 'GROUP_AT_MESSAGE_CREATE':
    case 'GROUP_MESSAGE_CREATE':
      return { scene: 'group', target: stringOf(data['group_openid']), user: { id: id('member_openid'), name: name(id('member_openid').slice(0, 6)) }, text };
    case 'C2C_MESSAGE_CREATE':
      return { scene: 'c2c', target: id('user_openid'), user: { id: id('user_openid'), name: name(id('user_openid').slice(0, 6)) }, text };
    case 'AT_MESSAGE_CREATE':
    case 'MESSAGE_CREATE':
      return {
        scene: 'channel',
        target: stringOf(data['channel_id']),
        user: { id: id('id'), name: name(id('id').slice(0, 6)) },
        text: text.replace(/^<@!?\d+>\s*/u, ''),
      };
    case 'DIRECT_MESSAGE_CREATE':
      return { scene: 'dm', target: stringOf(data['guild_id']), user: { id: id('id'), name: name(id('id').slice(0, 6)) }, text };
    default:
      return undefined;
  }
}

/** What a console message carries besides its text. */
export interface ConsoleMessageExtras {
  /** Its own quote index (`msg_idx`), which a later quote of it refers to. */
  readonly msgIdx: string;
  /** An attachment, served by the console itself so a bot that downloads it stays on 127.0.0.1. */
  readonly attachment?: { readonly kind: 'image' | 'voice'; readonly url: string; readonly wavUrl?: string; readonly asrText?: string };
  /** The message it quotes: its quote index (C2C, groups) or id (guilds), and its text. */
  readonly quote?: { readonly refIdx?: string; readonly messageId: string; readonly text: string };
}

/** The platform's `message_type` of a C2C or group message that quotes another. */
const QUOTING_MESSAGE_TYPE = 103;

/** What a user typing `text` in `chat` makes the platform send: the event type and its payload. */
export function messageEvent(
  chat: ConsoleChat,
  user: ConsoleUser,
  text: string,
  botUserId: string,
  extras: ConsoleMessageExtras,
): { type: string; data: Record<string, unknown> } {
  const attachments = extras.attachment === undefined ? [] : [attachmentOf(extras.attachment)];
  // C2C and groups: the quote index in message_scene.ext and the quoted message in msg_elements.
  const v2Quote =
    extras.quote === undefined
      ? { message_type: 0, message_scene: { source: 'default', ext: [`msg_idx=${extras.msgIdx}`] } }
      : {
          message_type: QUOTING_MESSAGE_TYPE,
          message_scene: {
            source: 'default',
            ext: [`msg_idx=${extras.msgIdx}`, ...(extras.quote.refIdx !== undefined ? [`ref_msg_idx=${extras.quote.refIdx}`] : [])],
          },
          msg_elements: [{ msg_idx: extras.quote.refIdx, content: extras.quote.text, attachments: [] }],
        };
  const guildQuote = extras.quote === undefined ? {} : { message_reference: { message_id: extras.quote.messageId } };
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
          attachments,
          ...v2Quote,
        },
      };
    case 'c2c':
      return { type: 'C2C_MESSAGE_CREATE', data: { content: text, author: { id: user.id, user_openid: user.id, username: '' }, attachments, ...v2Quote } };
    case 'channel':
      return {
        type: 'AT_MESSAGE_CREATE',
        data: {
          content: `<@!${botUserId}> ${text}`,
          channel_id: chat.channelId,
          guild_id: chat.guildId,
          author: { id: user.id, username: user.name, bot: false },
          attachments,
          ...guildQuote,
        },
      };
    case 'dm':
      return {
        type: 'DIRECT_MESSAGE_CREATE',
        data: {
          content: text,
          channel_id: chat.channelId,
          guild_id: chat.guildId,
          author: { id: user.id, username: user.name, bot: false },
          attachments,
          ...guildQuote,
        },
      };
  }
}

/** An attachment as the platform describes it. */
function attachmentOf(attachment: NonNullable<ConsoleMessageExtras['attachment']>): Record<string, unknown> {
  if (attachment.kind === 'image') return { content_type: 'image/png', filename: 'photo.png', url: attachment.url, width: 64, height: 64, size: 0 };
  return { content_type: 'voice', filename: 'voice.amr', url: attachment.url, voice_wav_url: attachment.wavUrl, asr_refer_text: attachment.asrText, size: 0 };
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
