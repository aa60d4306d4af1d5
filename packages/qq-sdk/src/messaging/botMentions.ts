/**
 * Removes the bot's own mention from message text: every mention of one of `botIds`, and with
 * `stripLeading` a leading mention whoever it names (for messages known to start with the bot's
 * when the bot's id in that scene is unknown). Mentions come in two forms: `<@!id>` / `<@id>`
 * (guild channels) and `<qqbot-at-user id="id" />` (groups, seen in `GROUP_MESSAGE_CREATE` since
 * 2026). `msg.content` has it removed; `msg.rawContent` keeps it.
 *
 * @internal
 */
export function stripBotMentions(content: string, botIds: readonly string[], stripLeading: boolean): { content: string; found: boolean } {
  const ids = botIds.filter((id) => id !== '');
  let stripped = stripLeading ? content.replace(LEADING_MENTION, '') : content;
  if (ids.length > 0) {
    const alternatives = ids.map(escapeRegExp).join('|');
    stripped = stripped.replace(new RegExp(`<@!?(?:${alternatives})>|<qqbot-at-user\\s+id="(?:${alternatives})"\\s*/?>`, 'gu'), '');
  }
  return { content: stripped, found: stripped !== content };
}

const LEADING_MENTION = /^\s*(?:<@!?[^>\s]+>|<qqbot-at-user\s+id="[^"]*"\s*\/?>)/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
