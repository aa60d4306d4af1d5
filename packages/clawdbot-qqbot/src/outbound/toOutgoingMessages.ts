import { messages, type MessageScene, type OutgoingMessage } from 'qq-sdk';
import { type MediaKind } from 'qq-sdk/messaging';
import type { HostReplyPayload } from '../host/HostTypes.js';

/** How a payload is rendered for one target. */
export interface RenderOptions {
  /** The scene of the target. */
  readonly scene: MessageScene;
  /** Whether markdown is enabled for the account (only C2C and groups accept it). */
  readonly markdown: boolean;
}

const EXTENSION_KIND: ReadonlyArray<readonly [RegExp, MediaKind]> = [
  [/\.(png|jpe?g|gif|webp|bmp)$/i, 'image'],
  [/\.(mp4|mov|m4v)$/i, 'video'],
  [/\.(silk|slk|amr|mp3|wav|ogg|opus|m4a)$/i, 'voice'],
];

/**
 * Picks the QQ media kind from a URL or path (query strings ignored); unknown types go as files.
 * Audio is a voice message: QQ shows no player for an audio file, and the send step
 * (`toQQVoice` in src/voice) turns it into SILK or, where it cannot, back into a file.
 */
export function mediaKindOf(source: string): MediaKind {
  const path = source.split(/[?#]/, 1)[0] ?? source;
  return EXTENSION_KIND.find(([pattern]) => pattern.test(path))?.[1] ?? 'file';
}

/** Whether markdown is sent to this scene: guild channels and DMs need a separate permission. */
export function markdownAllowed(options: RenderOptions): boolean {
  return options.markdown && (options.scene === 'c2c' || options.scene === 'group');
}

/** Renders text as markdown where allowed (the SDK falls back to plain text where refused). */
export function renderText(text: string, options: RenderOptions): OutgoingMessage {
  return markdownAllowed(options) ? messages.markdown(text) : messages.text(text);
}

/** A `MEDIA:<path or URL>` line, which some hosts (OpenClaw 2026.7) leave in the reply text. */
const MEDIA_LINE = /^\s*MEDIA:\s*(\S+)\s*$/gmu;

/**
 * Moves `MEDIA:` lines out of the text into the media to send, so a server path never reaches a
 * QQ user as text.
 */
function takeMediaLines(text: string): { text: string; media: string[] } {
  if (!text.includes('MEDIA:')) return { text, media: [] };
  const media: string[] = [];
  const rest = text.replace(MEDIA_LINE, (_line, source: string) => {
    media.push(source);
    return '';
  });
  return { text: rest.replace(/\n{3,}/gu, '\n\n').trim(), media };
}

/**
 * Turns one host reply payload into QQ messages: the text (markdown where allowed) and one media
 * message per URL or path, uploaded by the SDK. The text rides as the caption of the first media
 * message so a picture with a comment costs one reply, not two.
 */
export function toOutgoingMessages(payload: HostReplyPayload, options: RenderOptions): OutgoingMessage[] {
  const { text, media } = takeMediaLines(payload.text?.trim() ?? '');
  const sources = [...(payload.mediaUrls ?? []), ...(payload.mediaUrl ? [payload.mediaUrl] : []), ...media].filter(
    (source, index, all) => source.length > 0 && all.indexOf(source) === index,
  );
  if (sources.length === 0) return text.length > 0 ? [renderText(text, options)] : [];
  const attachments = sources.map((source, index) => {
    const kind = mediaKindOf(source);
    const input = /^https?:\/\//i.test(source) ? source : source.replace(/^file:\/\//i, '');
    const caption = index === 0 && text.length > 0 && kind !== 'voice' ? text : undefined;
    return kind === 'voice' ? messages.voice(input) : messages[kind](input, caption);
  });
  // A voice message carries no caption: its text goes first, on its own.
  return text.length > 0 && attachments[0]?.media === 'voice' ? [renderText(text, options), ...attachments] : attachments;
}
