import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { messages, type Logger, type OutgoingMessage } from 'qq-sdk';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { isSilk, type SilkCodec } from './SilkCodec.js';
import { VoiceError } from './VoiceError.js';
import { decodeWav, isWav } from './wav.js';

/** How audio in a reply goes out, from the account's settings. */
export interface VoicePolicy {
  /** Convert WAV to SILK so it goes out as a QQ voice message; `false` sends non-SILK audio as a file. */
  readonly transcode: boolean;
  /** Extensions (with the dot, lower case) uploaded as voice without conversion. */
  readonly directFormats: readonly string[];
  /** The largest audio file read for conversion, in bytes. */
  readonly maxBytes: number;
}

const DEFAULT_MEDIA_MAX_MB = 20;

/**
 * The account's voice policy: the official plugin's `audioFormatPolicy` (`transcodeEnabled`,
 * `uploadDirectFormats`, or the older `voiceDirectUploadFormats`) where set. SILK is always
 * uploaded as it is.
 */
export function voicePolicy(config: QQBotAccountConfig): VoicePolicy {
  const direct = config.audioFormatPolicy?.uploadDirectFormats ?? config.voiceDirectUploadFormats ?? [];
  const normalized = direct.map((format) => `.${format.trim().toLowerCase().replace(/^\./, '')}`);
  return {
    transcode: config.audioFormatPolicy?.transcodeEnabled !== false,
    directFormats: [...new Set(['.silk', '.slk', ...normalized])],
    maxBytes: Math.round((config.mediaMaxMb ?? DEFAULT_MEDIA_MAX_MB) * 1024 * 1024),
  };
}

async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > maxBytes) throw new VoiceError('too-long', `audio file of ${size} bytes is over the ${maxBytes}-byte limit`);
    const data = new Uint8Array(size);
    await file.read(data, 0, size, 0);
    return data;
  } finally {
    await file.close();
  }
}

function asFile(content: OutgoingMessage & { kind: 'media' }, why: string, logger: Logger | undefined): OutgoingMessage {
  logger?.info(`audio reply sent as a file: ${why}`);
  return { ...content, media: 'file' };
}

/**
 * Makes a voice message QQ accepts: QQ plays only SILK as voice (`file_type` 3), so a WAV (any
 * PCM or float WAV, from a `MEDIA:` line, a media URL the agent gave, or the host's TTS) is
 * encoded to SILK in process, and SILK is sent as it is. Audio it cannot convert (MP3, OGG, M4A …)
 * goes as a file attachment, unless its extension is in `directFormats`; remote URLs are handed to
 * QQ as they are (voice when they end in a direct format, else a file). Other messages pass
 * through untouched. Never throws for a conversion problem: it logs it and sends a file.
 */
export async function toQQVoice(content: OutgoingMessage, policy: VoicePolicy, codec: SilkCodec, logger?: Logger): Promise<OutgoingMessage> {
  if (content.kind !== 'media' || content.media !== 'voice') return content;
  const source = content.source;
  const name = 'url' in source ? new URL(source.url).pathname : 'path' in source ? source.path : (source.filename ?? '');
  const extension = extname(name).toLowerCase();
  const direct = policy.directFormats.includes(extension);
  if ('url' in source) return direct ? content : asFile(content, `${extension || 'remote audio'} by URL is not SILK`, logger);
  try {
    const data = 'path' in source ? await readBounded(source.path, policy.maxBytes) : source.data;
    if (isSilk(data)) return messages.voice({ data, filename: `${basename(name, extension) || 'voice'}.silk` });
    if (direct) return content;
    if (!policy.transcode) return asFile(content, 'audio conversion is off (audioFormatPolicy.transcodeEnabled: false)', logger);
    if (!isWav(data)) return asFile(content, `${extension || 'this audio'} cannot be converted to QQ voice (WAV and SILK can)`, logger);
    const { silk, durationMs } = await codec.encode(decodeWav(data));
    logger?.debug('audio reply encoded to SILK for QQ voice', { bytes: data.length, silk: silk.length, durationMs });
    return messages.voice({ data: silk, filename: `${basename(name, extension) || 'voice'}.silk` });
  } catch (error) {
    if (!(error instanceof VoiceError)) throw error;
    logger?.warn('audio reply could not be converted to QQ voice; sending it as a file', { code: error.code, error: error.message });
    return { ...content, media: 'file' };
  }
}
