import { QQValidationError } from '../errors/QQValidationError.js';
import type { Message } from './Message.js';

/** A `/command` a user sent, as {@link parseCommand} reads it. */
export interface ParsedCommand {
  /** The command name without the slash, lower-cased: `weather` for `/Weather 北京`. */
  readonly name: string;
  /** The words after the name, split at whitespace: `['北京', '明天']`. */
  readonly args: readonly string[];
  /** Everything after the name, trimmed: `北京 明天`. */
  readonly text: string;
}

// "/" or the full-width "／" a Chinese keyboard types, then the name up to whitespace.
const COMMAND = /^[/／](\S+)(?:\s+([\s\S]*))?$/u;

/**
 * Reads a `/command` at the start of a message's text (`msg.content`, which has the bot's own
 * @-mention removed already, so `@bot /weather 北京` works in groups). `undefined` for other text.
 *
 * @example
 * ```ts
 * parseCommand('/weather 北京 明天'); // { name: 'weather', args: ['北京', '明天'], text: '北京 明天' }
 * ```
 */
export function parseCommand(content: string): ParsedCommand | undefined {
  const match = COMMAND.exec(content.trim());
  if (match === null) return undefined;
  const text = (match[2] ?? '').trim();
  return { name: (match[1] ?? '').toLowerCase(), args: text === '' ? [] : text.split(/\s+/u), text };
}

/** Handles a `/command` registered with `bot.command()`. */
export type CommandHandler = (message: Message, command: ParsedCommand) => unknown;

/** Handles a message matched by `bot.hears()`; `match` is the regular expression's match, or the text for a string pattern. */
export type HearsHandler = (message: Message, match: RegExpExecArray | string) => unknown;

/** What a message matched: a command's handler, or a `hears` pattern's. */
export type MessageRoute = (message: Message) => (() => unknown) | undefined;

/**
 * A route for `bot.command(names, handler)`: names without the slash, compared without case
 * (`'weather'`, `['weather', '天气']`).
 */
export function commandRoute(names: string | readonly string[], handler: CommandHandler): MessageRoute {
  const wanted = new Set((typeof names === 'string' ? [names] : names).map((name) => name.replace(/^[/／]/u, '').toLowerCase()));
  if (wanted.size === 0 || [...wanted].some((name) => name === '' || /\s/u.test(name))) {
    throw new QQValidationError('bot.command()', [
      { path: 'names', message: `must be non-empty words without spaces (the command without its slash), got ${JSON.stringify(names)}` },
    ]);
  }
  return (message) => {
    const command = parseCommand(message.content);
    return command !== undefined && wanted.has(command.name) ? () => handler(message, command) : undefined;
  };
}

/** A route for `bot.hears(pattern, handler)`: a regular expression tested on `msg.content`, or a string the text must equal (trimmed). */
export function hearsRoute(pattern: RegExp | string, handler: HearsHandler): MessageRoute {
  if (typeof pattern === 'string') {
    const text = pattern.trim();
    return (message) => (message.content.trim() === text ? () => handler(message, text) : undefined);
  }
  return (message) => {
    pattern.lastIndex = 0; // a /g or /y pattern keeps state between calls
    const match = pattern.exec(message.content);
    return match === null ? undefined : () => handler(message, match);
  };
}
