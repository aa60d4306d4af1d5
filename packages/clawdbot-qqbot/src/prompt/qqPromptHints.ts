import { DEFAULT_REPLY_RULES } from 'qq-sdk/messaging';
import { MAX_REPLIES_PER_MESSAGE } from '../constants.js';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';

const minutes = (ms: number): number => Math.round(ms / 60_000);

/** The marker every QQ hint set starts with (tests and the e2e look for it). */
export const QQ_HINT_MARKER = 'QQ delivery rules:';

/**
 * The rules QQ enforces on the wire, phrased for the model, so answers are written to pass them:
 * links only to the bot's registered domains, markdown where the account and scene allow it, and
 * at most as many messages per answer as QQ takes passive replies in the scene (from qq-sdk's
 * reply rules: 4 in private chats, 5 in groups since 2026), and that a later message (a reminder)
 * only arrives inside the reply window, as most bots have lost active messages (2025-11).
 */
export function qqPromptRules(config: QQBotAccountConfig): string[] {
  const domains = config.registeredDomains ?? [];
  const links =
    domains.length > 0
      ? `QQ blocks links: only URLs on this bot's registered domains (${domains.join(', ')}) are delivered. Never write other URLs or bare domain names such as example.com; name the source in words instead.`
      : 'QQ blocks links for this bot: never write URLs or bare domain names such as example.com; name the source in words instead.';
  const markdown =
    config.markdown === false
      ? 'Markdown is off for this bot: write plain text.'
      : 'Markdown renders in QQ private chats (C2C) and groups; guild channels and guild DMs show plain text, so keep formatting light there.';
  return [
    `${QQ_HINT_MARKER} ${links}`,
    markdown,
    `An answer arrives as at most ${Math.min(MAX_REPLIES_PER_MESSAGE, DEFAULT_REPLY_RULES.c2c.maxReplies)} QQ messages in a private chat and ${Math.min(MAX_REPLIES_PER_MESSAGE, DEFAULT_REPLY_RULES.group.maxReplies)} in a group; anything beyond is merged into the last one. Prefer one complete message.`,
    `A message sent later (a reminder, a scheduled or follow-up message) reaches QQ only as a reply within ${minutes(DEFAULT_REPLY_RULES.c2c.windowMs)} minutes of the user's last private message (${minutes(DEFAULT_REPLY_RULES.group.windowMs)} in a group); after that QQ usually refuses it, because most bots may not send messages on their own. ${
      config.reminders?.enabled === false
        ? 'When asked for a reminder further out, say so plainly and suggest the user write again near the time.'
        : 'For a reminder, call the qqbot_remind tool: it schedules it for this chat and says whether QQ will deliver it; when it warns that the time is beyond the reply window, say so plainly and suggest the user write again near the time.'
    }`,
  ];
}
