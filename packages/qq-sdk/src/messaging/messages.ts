import type { ArkKv, KeyboardButton, KeyboardSpec, MediaKind, MediaSource, OutgoingMessage, OutgoingMessageOf } from './OutgoingMessage.js';
import { QQValidationError } from '../errors/QQValidationError.js';

/** A URL string, raw bytes, or an explicit {@link MediaSource}. */
export type MediaInput = string | Uint8Array | MediaSource;

function toSource(input: MediaInput): MediaSource {
  if (typeof input === 'string') return /^https?:\/\//iu.test(input) ? { url: input } : { path: input };
  if (input instanceof Uint8Array) return { data: input };
  return input;
}

function media(kind: MediaKind, input: MediaInput, caption?: string): OutgoingMessageOf<'media'> {
  return caption === undefined ? { kind: 'media', media: kind, source: toSource(input) } : { kind: 'media', media: kind, source: toSource(input), caption };
}

/**
 * Builders for every kind of outgoing message. Each returns a plain {@link OutgoingMessage} that
 * `msg.reply()`, `msg.send()` and `bot.send()` accept; nothing is sent until then.
 *
 * @example
 * ```ts
 * await msg.reply(messages.markdown('## 签到\n今日签到成功'));
 * await msg.reply(messages.image('https://example.com/cat.png')); // uploads, then sends msg_type 7
 * await msg.reply(messages.image(await readFile('cat.png')));
 * ```
 */
export const messages = {
  /** Plain text. */
  text: (content: string): OutgoingMessageOf<'text'> => ({ kind: 'text', content }),

  /**
   * Native markdown, optionally with a keyboard. Sent as plain text (`fallbackText`, default the
   * markdown source) to targets where the platform refuses markdown.
   */
  markdown: (content: string, options: { keyboard?: KeyboardSpec; fallbackText?: string } = {}): OutgoingMessageOf<'markdown'> => ({
    kind: 'markdown',
    content,
    ...options,
  }),

  /** A markdown template registered in the console, with its parameters. */
  markdownTemplate: (
    templateId: string,
    params: Readonly<Record<string, string | readonly string[]>>,
    options: { keyboard?: KeyboardSpec } = {},
  ): OutgoingMessageOf<'markdownTemplate'> => ({ kind: 'markdownTemplate', templateId, params, ...options }),

  /** An image (png/jpg/gif) from a URL, bytes or a file path. */
  image: (input: MediaInput, caption?: string): OutgoingMessageOf<'media'> => media('image', input, caption),
  /** A video (mp4). */
  video: (input: MediaInput, caption?: string): OutgoingMessageOf<'media'> => media('video', input, caption),
  /** A voice message (silk). */
  voice: (input: MediaInput): OutgoingMessageOf<'media'> => media('voice', input),
  /** A file. */
  file: (input: MediaInput, caption?: string): OutgoingMessageOf<'media'> => media('file', input, caption),

  /** An ark card (templates 23 link list, 24 text + thumbnail, 37 large image; needs permission). */
  ark: (templateId: number, kv: readonly ArkKv[]): OutgoingMessageOf<'ark'> => ({ kind: 'ark', templateId, kv }),

  /** A guild embed. */
  embed: (embed: Omit<OutgoingMessageOf<'embed'>, 'kind'>): OutgoingMessageOf<'embed'> => ({ kind: 'embed', ...embed }),

  /** A custom keyboard: rows of buttons (at most 5 rows of 5). */
  keyboard: (rows: readonly (readonly KeyboardButton[])[]): KeyboardSpec => {
    if (rows.length > 5 || rows.some((row) => row.length > 5)) {
      throw new QQValidationError('keyboard', [{ path: 'rows', message: 'QQ allows at most 5 rows of 5 buttons (platform code 40034029)' }]);
    }
    return { rows };
  },

  /** A keyboard template registered in the console. */
  keyboardTemplate: (templateId: string): KeyboardSpec => ({ templateId }),

  /** Mentions a guild user in text content (`<@user_id>`). */
  mention: (userId: string): string => `<@${userId}>`,

  /** Mentions everyone in a guild channel (needs permission). */
  mentionEveryone: (): string => '@everyone',

  /** Links a guild channel in text content (`<#channel_id>`). */
  channelLink: (channelId: string): string => `<#${channelId}>`,
} as const;
