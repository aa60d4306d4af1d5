import type { RequestOptions } from 'qq-sdk/rest';
import type { QQBotToolApi } from '../bot/QQBotPort.js';
import type { CurrentChat } from './currentChat.js';
import type { QQApiToolInput } from './QQApiToolInput.js';
import { QQToolError } from './QQToolError.js';

/** Entries a list returns unless the call asks for another `limit`. */
export const DEFAULT_LIMIT = 20;

const need = (value: string | undefined, what: string, action: string): string => {
  if (value === undefined) throw new QQToolError(`${action} needs ${what}: pass it, or call it from a conversation where it is known (see current_chat).`);
  return value;
};

/**
 * Runs one `qqbot_api` action through the SDK and returns QQ's answer (or a short summary for
 * actions). Effects are confined to the current chat; permission to act is checked by the caller.
 */
export async function runQQApiAction(api: QQBotToolApi, input: QQApiToolInput, chat: CurrentChat | undefined, signal?: AbortSignal): Promise<unknown> {
  const options: RequestOptions = signal !== undefined ? { signal } : {};
  const { action } = input;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const target = chat?.target;
  const guildId = (): string => need(input.guildId ?? chat?.guildId, 'guildId', action);
  const channelId = (): string => need(input.channelId ?? (target?.scene === 'guild' ? target.channelId : undefined), 'channelId', action);
  const groupOpenid = (): string => need(target?.scene === 'group' ? target.groupOpenid : undefined, 'a QQ group conversation', action);
  const userId = (): string => need(input.userId, 'userId', action);
  const messageId = (): string => need(input.messageId, 'messageId', action);
  switch (action) {
    case 'me':
      return api.users.getMe(options);
    case 'current_chat':
      return chat ?? { scene: 'unknown', note: 'This turn has no QQ conversation.' };
    case 'guilds':
      return api.users.listGuilds({ limit }, options);
    case 'guild':
      return api.guilds.get(guildId(), options);
    case 'channels':
      return api.channels.list(guildId(), options);
    case 'channel':
      return api.channels.get(channelId(), options);
    case 'members':
      // In a QQ group (no guildId asked for) the group's member list; otherwise the guild's.
      if (input.guildId === undefined && target?.scene === 'group') return api.groups.listMembers(target.groupOpenid, undefined, options);
      return api.members.list(guildId(), { limit }, options);
    case 'member':
      if (input.guildId === undefined && target?.scene === 'group') return api.groups.getMember(target.groupOpenid, userId(), options);
      return api.members.get(guildId(), userId(), options);
    case 'roles':
      return api.roles.list(guildId(), options);
    case 'pins':
      return api.pins.list(channelId(), options);
    case 'group':
      return api.groups.getInfo(groupOpenid(), options);
    case 'group_settings':
      return api.groups.getRestrictChatSetting(groupOpenid(), options);
    case 'recall':
      return recall(api, target, messageId(), options);
    case 'mute':
      return mute(api, chat, userId(), input.seconds ?? 600, options);
    case 'pin': {
      if (target?.scene !== 'guild') throw new QQToolError('pin works in a guild channel conversation only.');
      await api.pins.add(target.channelId, messageId(), options);
      return { pinned: input.messageId, channelId: target.channelId };
    }
  }
}

async function recall(api: QQBotToolApi, target: CurrentChat['target'] | undefined, id: string, options: RequestOptions): Promise<unknown> {
  switch (target?.scene) {
    case 'c2c':
      await api.messages.recallC2C(target.openid, id, options);
      break;
    case 'group':
      await api.messages.recallGroup(target.groupOpenid, id, options);
      break;
    case 'guild':
      await api.messages.recallChannel(target.channelId, id, options);
      break;
    case 'direct':
      await api.messages.recallDirect(target.guildId, id, options);
      break;
    default:
      throw new QQToolError('recall works in a QQ conversation only (the message must be in this chat).');
  }
  return { recalled: id };
}

async function mute(api: QQBotToolApi, chat: CurrentChat | undefined, userId: string, seconds: number, options: RequestOptions): Promise<unknown> {
  const target = chat?.target;
  if (target?.scene === 'group') {
    if (seconds === 0) await api.groups.unmuteMembers(target.groupOpenid, [userId], options);
    else await api.groups.muteMembers(target.groupOpenid, [userId], seconds, options);
    return { muted: userId, seconds };
  }
  if (target?.scene === 'guild' && chat?.guildId !== undefined) {
    await api.guilds.muteMember(chat.guildId, userId, { mute_seconds: String(seconds) }, options);
    return { muted: userId, seconds };
  }
  throw new QQToolError('mute works in a QQ group or guild channel conversation only (members of this chat).');
}
