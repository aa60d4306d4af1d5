import type { Message } from 'qq-sdk';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { APPROVAL_DISABLED_ENTRY } from '../config/QQBotConfigSchema.js';
import { groupSettings } from '../config/groupSettings.js';

/** What the access policy decided for one inbound message. */
export type AccessDecision =
  | { readonly action: 'dispatch'; readonly commandAuthorized: boolean }
  | { readonly action: 'pair' }
  | {
      readonly action: 'drop';
      readonly reason: string;
      readonly keepAsHistory?: true;
      /** Dropped only because the sender or group is not listed: `/bot-me` and the other info commands still answer. */
      readonly mayAsk?: true;
    };

const normalize = (id: string): string => id.trim().toUpperCase();

/** Whether the message came from a one-to-one conversation (C2C or guild DM). */
export function isDirectScene(message: Message): boolean {
  return message.scene === 'c2c' || message.scene === 'direct';
}

/** The id a group policy is keyed on: the group openid or the guild channel id. */
export function conversationId(message: Message): string {
  return message.target.scene === 'group' ? message.target.groupOpenid : message.target.scene === 'guild' ? message.target.channelId : message.author.id;
}

/**
 * Applies the account's DM and group policies (the host's conventions: `dmPolicy` pairing |
 * allowlist | open | disabled with `allowFrom`; `groupPolicy` open | allowlist | disabled with
 * `groupAllowFrom`; `requireMention`), with per-group `groups.<id>` / `groups."*"` settings taking
 * precedence (`requireMention`, `ignoreOtherMentions`). `approved` are the senders approved
 * through pairing.
 */
export function checkAccess(message: Message, config: QQBotAccountConfig, approved: readonly string[] = []): AccessDecision {
  const allowFrom = new Set([...(config.allowFrom ?? []), ...approved].filter((entry) => entry !== APPROVAL_DISABLED_ENTRY).map(normalize));
  const senderAllowed = allowFrom.has(normalize(message.author.id));
  if (message.author.isBot) return { action: 'drop', reason: 'sender is a bot' };

  if (isDirectScene(message)) {
    const policy = config.dmPolicy ?? 'pairing';
    if (policy === 'disabled') return { action: 'drop', reason: 'dmPolicy is disabled' };
    if (policy === 'open') return { action: 'dispatch', commandAuthorized: allowFrom.size === 0 || senderAllowed };
    if (senderAllowed) return { action: 'dispatch', commandAuthorized: true };
    return policy === 'pairing' ? { action: 'pair' } : { action: 'drop', reason: 'sender is not in allowFrom', mayAsk: true };
  }

  const policy = config.groupPolicy ?? 'open';
  if (policy === 'disabled') return { action: 'drop', reason: 'groupPolicy is disabled' };
  if (policy === 'allowlist') {
    // Entries are group openids / channel ids (this plugin) or member openids (the official
    // plugin's meaning): either lets the message through.
    const allowed = new Set((config.groupAllowFrom ?? []).map(normalize));
    if (!allowed.has(normalize(conversationId(message))) && !allowed.has(normalize(message.author.id))) {
      return { action: 'drop', reason: 'neither the group nor the sender is in groupAllowFrom', ...(message.mentionedBot ? { mayAsk: true as const } : {}) };
    }
  }
  const group = groupSettings(config, conversationId(message));
  if (group.disabled === true) return { action: 'drop', reason: 'the bot is turned off in this group' };
  if (group.ignoreOtherMentions === true && !message.mentionedBot && message.mentions.length > 0) {
    return { action: 'drop', reason: 'mentions someone else, not the bot (ignoreOtherMentions)' };
  }
  const calledByName = (group.mentionPatterns ?? []).some((pattern) => pattern !== '' && message.content.toLowerCase().includes(pattern.toLowerCase()));
  if ((group.requireMention ?? config.requireMention ?? true) && !message.mentionedBot && !calledByName) {
    // Under contextVisibility allowlist*, only allowed senders' talk becomes context.
    const visible =
      (config.contextVisibility ?? 'all') === 'all' || senderAllowed || new Set((config.groupAllowFrom ?? []).map(normalize)).has(normalize(message.author.id));
    return visible
      ? { action: 'drop', reason: 'not addressed to the bot (requireMention)', keepAsHistory: true }
      : { action: 'drop', reason: 'not addressed to the bot (requireMention)' };
  }
  return { action: 'dispatch', commandAuthorized: senderAllowed };
}
