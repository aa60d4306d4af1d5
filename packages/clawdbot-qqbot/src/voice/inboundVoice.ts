import type { Logger } from 'qq-sdk';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import { isSilk, type SilkCodec } from './SilkCodec.js';
import { VoiceError } from './VoiceError.js';
import { encodeWav, isWav } from './wav.js';

/** A downloaded attachment: its bytes, content type and file name. */
export interface MediaBytes {
  readonly data: Uint8Array;
  readonly contentType: string;
  readonly filename?: string;
}

/**
 * Whether SILK voice notes QQ did not recognise are decoded for the host's transcription: yes,
 * unless `stt.enabled` is false or `audioFormatPolicy.sttDirectFormats` lists `.silk` (a
 * transcription set up to read SILK itself).
 */
export function decodesVoiceNotes(config: QQBotAccountConfig): boolean {
  const direct = (config.audioFormatPolicy?.sttDirectFormats ?? []).map((format) => format.trim().toLowerCase().replace(/^\./, ''));
  return config.stt?.enabled !== false && !direct.includes('silk') && !direct.includes('slk');
}

/** Voice notes longer than this are not decoded (QQ's own cap is a few minutes). */
export const MAX_VOICE_MS = 10 * 60 * 1000;

/**
 * Duration of a SILK v3 stream from its frame headers (20 ms per frame), without decoding it;
 * `undefined` when the framing is broken.
 */
export function silkDurationMs(data: Uint8Array): number | undefined {
  let offset = data[0] === 0x02 ? 10 : 9;
  let frames = 0;
  while (offset + 2 <= data.length) {
    const size = (data[offset] ?? 0) | ((data[offset + 1] ?? 0) << 8);
    // 0xFFFF ends some encoders' streams.
    if (size === 0xffff) break;
    offset += 2 + size;
    frames++;
  }
  return offset > data.length ? undefined : frames * 20;
}

/**
 * A voice note the host can transcribe: QQ sends SILK, which no speech-to-text provider reads, so
 * a SILK note becomes a 24 kHz WAV (in process, WebAssembly). Anything else (QQ's own WAV from
 * `voice_wav_url`) is returned as it is.
 *
 * @throws {@link VoiceError} when the note is too long or cannot be decoded.
 */
export async function voiceForTranscription(media: MediaBytes, codec: SilkCodec, maxMs = MAX_VOICE_MS): Promise<MediaBytes> {
  if (!isSilk(media.data)) {
    // QQ's WAV conversion may come labelled as a generic download; the host picks audio by type.
    return isWav(media.data) && !media.contentType.startsWith('audio/') ? { ...media, contentType: 'audio/wav' } : media;
  }
  const estimated = silkDurationMs(media.data);
  if (estimated !== undefined && estimated > maxMs) {
    throw new VoiceError('too-long', `voice note of ${Math.round(estimated / 1000)} s is over the ${Math.round(maxMs / 1000)} s limit`);
  }
  const pcm = await codec.decode(media.data);
  const base = (media.filename ?? 'voice').replace(/\.(silk|slk|amr)$/i, '');
  return { data: encodeWav(pcm), contentType: 'audio/wav', filename: `${base}.wav` };
}

/**
 * {@link voiceForTranscription} that never throws: on failure it logs why and returns the note as
 * it came, so the agent still gets the file.
 */
export async function voiceForTranscriptionOrOriginal(
  media: MediaBytes,
  codec: SilkCodec,
  logger: Logger,
  context: Record<string, unknown>,
): Promise<MediaBytes> {
  try {
    const ready = await voiceForTranscription(media, codec);
    if (ready !== media) logger.debug('voice note decoded from SILK to WAV for transcription', { ...context, bytes: ready.data.length });
    return ready;
  } catch (error) {
    logger.warn('voice note left as SILK: it could not be decoded for transcription', {
      ...context,
      code: error instanceof VoiceError ? error.code : 'codec-failed',
      error: error instanceof Error ? error.message : String(error),
    });
    return media;
  }
}
