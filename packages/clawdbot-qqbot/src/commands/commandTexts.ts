import type { BotCommandName } from './parseBotCommand.js';

/** The languages the plugin's own replies come in (`locale` setting). */
export type ReplyLocale = 'zh-CN' | 'en';

/** What each command does, shown by `/bot-help` and `/bot-<name> ?`. */
export const COMMAND_USAGE: Record<ReplyLocale, Record<BotCommandName, string>> = {
  'zh-CN': {
    'bot-help': '/bot-help：列出这些命令',
    'bot-ping': '/bot-ping：测试机器人是否在线及消息延迟',
    'bot-me': '/bot-me：显示你的 QQ openid（用于 allowFrom / groupAllowFrom）',
    'bot-version': '/bot-version：显示插件、qq-sdk 和 OpenClaw 的版本',
    'bot-streaming': '/bot-streaming on|off：私聊中开关流式回复（需在 allowFrom 中）',
    'bot-group-always': '/bot-group-always on|off：本群开关"不用 @ 也回复"（群主、管理员或 allowFrom 中的人）',
    'bot-logs': '/bot-logs [条数]：私聊中查看本账号最近的警告和错误（默认 5 条，最多 20 条；需在 allowFrom 中）',
  },
  en: {
    'bot-help': '/bot-help: list these commands',
    'bot-ping': '/bot-ping: check the bot is online and how long a message takes',
    'bot-me': '/bot-me: show your QQ openid (for allowFrom / groupAllowFrom)',
    'bot-version': '/bot-version: show the plugin, qq-sdk and OpenClaw versions',
    'bot-streaming': '/bot-streaming on|off: turn streamed answers in private chat on or off (allowFrom only)',
    'bot-group-always': '/bot-group-always on|off: answer every message in this group, or only @ (group owner, admins or allowFrom)',
    'bot-logs': "/bot-logs [count]: in private chat, this account's latest warnings and errors (5 by default, at most 20; allowFrom only)",
  },
};

/** The plugin's replies, per language. No dotted names (`channels.qqbot…`): QQ's URL check reads them as links. */
export const TEXTS = {
  'zh-CN': {
    helpHeader: 'QQ 机器人命令（由插件直接回答，不调用模型）：',
    helpFooter: '在命令后加 ? 查看用法，例如 /bot-ping ?。其他以 / 开头的命令交给 OpenClaw。',
    pong: (ms: number) => `pong：消息从 QQ 到达机器人用了 ${ms} 毫秒`,
    meDirect: (id: string) => `你的 openid：${id}\n把它加入 qqbot 频道配置的 allowFrom，即可私聊机器人。`,
    meGroup: (id: string, group: string) => `你在本群的 openid：${id}\n本群的 group_openid：${group}\n二者都可加入 qqbot 频道配置的 groupAllowFrom。`,
    meGuild: (id: string) => `你的频道用户 id：${id}`,
    version: (plugin: string, sdk: string, host: string) => `clawdbot-qqbot ${plugin}\nqq-sdk ${sdk}\nOpenClaw ${host}`,
    onOff: (command: string) => `用法：/${command} on 或 /${command} off`,
    privateOnly: (command: string) => `/${command} 只能在私聊中使用。`,
    groupOnly: (command: string) => `/${command} 只能在群里使用。`,
    notAllowed: (command: string) => `你没有权限使用 /${command}：需要把你的 openid 加入 allowFrom（用 /bot-me 查看）。`,
    notAdmin: (command: string) => `只有群主、管理员或 allowFrom 中的人可以使用 /${command}。`,
    streaming: (on: boolean) => (on ? '已开启私聊流式回复。' : '已关闭私聊流式回复。'),
    groupAlways: (on: boolean) => (on ? '好的，本群的每条消息我都会回复。' : '好的，本群只有 @ 我时才回复。'),
    notSaved: '（这台 OpenClaw 无法写入配置，重启后失效。）',
    logs: (lines: readonly string[]) =>
      lines.length === 0 ? '自本账号启动以来没有警告或错误。' : [`最近 ${lines.length} 条警告和错误（UTC 时间）：`, ...lines].join('\n'),
  },
  en: {
    helpHeader: 'QQ bot commands (answered by the plugin, no model call):',
    helpFooter: 'Add ? after a command for its usage, e.g. /bot-ping ?. Other / commands go to OpenClaw.',
    pong: (ms: number) => `pong: your message reached the bot in ${ms} ms`,
    meDirect: (id: string) => `Your openid: ${id}\nAdd it to allowFrom in the qqbot channel config to chat with the bot privately.`,
    meGroup: (id: string, group: string) =>
      `Your openid in this group: ${id}\nThis group's group_openid: ${group}\nEither can go in groupAllowFrom in the qqbot channel config.`,
    meGuild: (id: string) => `Your guild user id: ${id}`,
    version: (plugin: string, sdk: string, host: string) => `clawdbot-qqbot ${plugin}\nqq-sdk ${sdk}\nOpenClaw ${host}`,
    onOff: (command: string) => `Usage: /${command} on or /${command} off`,
    privateOnly: (command: string) => `/${command} works in private chat only.`,
    groupOnly: (command: string) => `/${command} works in groups only.`,
    notAllowed: (command: string) => `You may not use /${command}: your openid must be in allowFrom (see /bot-me).`,
    notAdmin: (command: string) => `Only the group owner, admins or people in allowFrom may use /${command}.`,
    streaming: (on: boolean) => (on ? 'Streamed answers in private chat are on.' : 'Streamed answers in private chat are off.'),
    groupAlways: (on: boolean) => (on ? 'OK, I will answer every message in this group.' : 'OK, I will answer in this group only when @-mentioned.'),
    notSaved: '(This OpenClaw cannot write its config: the change lasts until a restart.)',
    logs: (lines: readonly string[]) =>
      lines.length === 0 ? 'No warnings or errors since this account started.' : [`The latest ${lines.length} warnings and errors (UTC):`, ...lines].join('\n'),
  },
} as const;
