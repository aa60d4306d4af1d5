/** The plugin's own commands, answered without a model call. */
export const BOT_COMMANDS = ['bot-help', 'bot-ping', 'bot-me', 'bot-version', 'bot-streaming', 'bot-group-always', 'bot-logs'] as const;

/** One of {@link BOT_COMMANDS}. */
export type BotCommandName = (typeof BOT_COMMANDS)[number];

/** A `/bot-*` command as a user typed it. */
export interface BotCommand {
  /** Which command. */
  readonly name: BotCommandName;
  /** The words after it, lowercased (`on`, `off`). */
  readonly args: readonly string[];
  /** `/bot-ping ?`: the user asks how to use it. */
  readonly help: boolean;
}

/**
 * The `/bot-*` command in `text`, if it is one: `/bot-ping`, `/bot-streaming on`, `/bot-me ?`
 * (a trailing `?` asks for usage). Other text, and other slash commands (the host's `/status`,
 * `/new`…), are not commands of this plugin and go to the host.
 */
export function parseBotCommand(text: string): BotCommand | undefined {
  const words = text.trim().split(/\s+/u);
  const head = words[0]?.toLowerCase() ?? '';
  if (!head.startsWith('/')) return undefined;
  const asked = head.endsWith('?');
  const name = (asked ? head.slice(1, -1) : head.slice(1)) as BotCommandName;
  if (!BOT_COMMANDS.includes(name)) return undefined;
  const args = words.slice(1).map((word) => word.toLowerCase());
  const help = asked || args[0] === '?';
  return { name, args: help ? [] : args, help };
}
