import { VERSION as SDK_VERSION, type Logger, type Message } from 'qq-sdk';
import { APPROVAL_DISABLED_ENTRY } from '../config/QQBotConfigSchema.js';
import type { ResolvedQQBotAccount } from '../config/resolveAccount.js';
import type { ClawChange, ClawOverrides } from '../gateway/ClawOverrides.js';
import { persistClawSettings } from '../gateway/persistClawSettings.js';
import type { HostPluginRuntime } from '../host/HostTypes.js';
import type { RecentLogLines } from '../status/RecentLogLines.js';
import { PLUGIN_VERSION } from '../version.js';
import { BOT_COMMANDS, type BotCommand } from './parseBotCommand.js';
import { COMMAND_USAGE, TEXTS, type ReplyLocale } from './commandTexts.js';
import { writeAccountSetting } from './writeAccountSetting.js';

/** What a command needs from the running account. */
export interface BotCommandDeps {
  /** The account that received the command. */
  readonly account: ResolvedQQBotAccount;
  /** The plugin runtime (config writer, host version), if the host gave one. */
  readonly pluginRuntime?: HostPluginRuntime | undefined;
  /** The group settings the QQ client's panel also changes. */
  readonly claw?: ClawOverrides | undefined;
  /** The current time in epoch ms. */
  readonly now: () => number;
  /** Where to log. */
  readonly logger: Logger;
  /** The account's latest warnings and errors, for `/bot-logs`. */
  readonly recentLog?: RecentLogLines | undefined;
}

/**
 * `/bot-logs` shows this many lines unless asked for another count, never more than the most,
 * and only the newest that fit one QQ message (`characters`).
 */
const LOG_LINES = { default: 5, most: 20, characters: 1_800 } as const;

/** The newest of `lines` whose total length stays within `budget` characters. */
function newestWithin(lines: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (used + line.length + 1 > budget) break;
    kept.unshift(line);
    used += line.length + 1;
  }
  return kept;
}

const upper = (id: string): string => id.trim().toUpperCase();

/** Whether the sender is listed by name in `allowFrom` (or, for a group command, `groupAllowFrom`). */
function listedSender(message: Message, account: ResolvedQQBotAccount): boolean {
  const { allowFrom = [], groupAllowFrom = [] } = account.config;
  const entries = message.scene === 'group' || message.scene === 'guild' ? [...groupAllowFrom, ...allowFrom] : allowFrom;
  return entries
    .filter((entry) => entry !== APPROVAL_DISABLED_ENTRY)
    .map(upper)
    .includes(upper(message.author.id));
}

/** `on` → true, `off` → false, anything else → undefined. */
const onOff = (arg: string | undefined): boolean | undefined => (arg === 'on' ? true : arg === 'off' ? false : undefined);

/** The reply to one `/bot-*` command, and any change it makes. */
async function answer(command: BotCommand, message: Message, deps: BotCommandDeps, t: (typeof TEXTS)[ReplyLocale], locale: ReplyLocale): Promise<string> {
  const usage = COMMAND_USAGE[locale];
  if (command.help) return usage[command.name];
  switch (command.name) {
    case 'bot-help':
      return [t.helpHeader, ...BOT_COMMANDS.map((name) => usage[name]), t.helpFooter].join('\n');
    case 'bot-ping':
      return t.pong(Math.max(0, deps.now() - message.timestamp.getTime()));
    case 'bot-me':
      if (message.target.scene === 'group') return t.meGroup(message.author.id, message.target.groupOpenid);
      return message.scene === 'c2c' ? t.meDirect(message.author.id) : t.meGuild(message.author.id);
    case 'bot-version':
      return t.version(PLUGIN_VERSION, SDK_VERSION, deps.pluginRuntime?.version ?? '?');
    case 'bot-streaming': {
      if (message.scene !== 'c2c') return t.privateOnly(command.name);
      if (!listedSender(message, deps.account)) return t.notAllowed(command.name);
      const on = onOff(command.args[0]);
      if (on === undefined) return t.onOff(command.name);
      // The host reloads the account with the new setting once it is written.
      const saved = await writeAccountSetting(deps.pluginRuntime, deps.account.accountId, 'streaming', on);
      return saved ? t.streaming(on) : `${t.streaming(on)}\n${t.notSaved}`;
    }
    case 'bot-logs': {
      // Log lines name other chats and users: only the owner, and only where nobody else reads.
      if (message.scene !== 'c2c') return t.privateOnly(command.name);
      if (!listedSender(message, deps.account)) return t.notAllowed(command.name);
      const asked = Number.parseInt(command.args[0] ?? '', 10);
      const count = Number.isFinite(asked) && asked > 0 ? Math.min(asked, LOG_LINES.most) : LOG_LINES.default;
      return t.logs(newestWithin(deps.recentLog?.newest(count) ?? [], LOG_LINES.characters));
    }
    case 'bot-group-always': {
      if (message.target.scene !== 'group') return t.groupOnly(command.name);
      const admin = message.author.role === 'owner' || message.author.role === 'admin';
      if (!admin && !listedSender(message, deps.account)) return t.notAdmin(command.name);
      const on = onOff(command.args[0]);
      if (on === undefined) return t.onOff(command.name);
      const change: ClawChange = { requireMention: !on };
      deps.claw?.settings(deps.account.config, message.target.groupOpenid, change);
      const saved = await persistClawSettings(deps.pluginRuntime, deps.account.accountId, message.target.groupOpenid, change);
      return saved ? t.groupAlways(on) : `${t.groupAlways(on)}\n${t.notSaved}`;
    }
  }
}

/**
 * Answers one `/bot-*` command locally, as a passive reply, without a model call: help, ping,
 * the sender's openid, versions, and the two switches (C2C streaming for listed senders; a
 * group's "every message" mode for its owner, admins and listed senders). Replies are in the
 * account's `locale` (default zh-CN). A failed config write is logged, and the reply says the
 * change lasts until a restart.
 */
export async function runBotCommand(command: BotCommand, message: Message, deps: BotCommandDeps): Promise<void> {
  const locale: ReplyLocale = deps.account.config.locale ?? 'zh-CN';
  const t = TEXTS[locale];
  let text: string;
  try {
    text = await answer(command, message, deps, t, locale);
  } catch (error) {
    deps.logger.warn(`/${command.name} could not save its change`, { error: String(error) });
    text = t.notSaved;
  }
  deps.logger.info(`/${command.name} answered`, { messageId: message.id, scene: message.scene });
  await message.reply(text);
}
