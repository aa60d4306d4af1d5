import { downloadAttachment, type Logger, type Message, type MessageAttachment } from 'qq-sdk';
import { createProxyFetch } from 'qq-sdk/rest';
import { QQ_MEDIA_HOSTS } from 'qq-sdk/messaging';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import type { HostChannelRuntime } from '../host/HostTypes.js';
import { decodesVoiceNotes, voiceForTranscriptionOrOriginal } from '../voice/inboundVoice.js';
import { sharedSilkCodec } from '../voice/sharedSilkCodec.js';
import type { SilkCodec } from '../voice/SilkCodec.js';

/** A received attachment as the agent gets it: a local file in the host's media store. */
export interface SavedMedia {
  /** The attachment it came from. */
  readonly attachment: MessageAttachment;
  /** The file in the host's media store. */
  readonly path: string;
  /** Its content type. */
  readonly contentType: string;
}

const DEFAULT_MEDIA_MAX_MB = 20;

/**
 * Downloads what the user sent (through the SDK: QQ's media hosts only, size-capped, timed out) and
 * saves it in the host's media store, so the agent reads local files instead of QQ URLs that its
 * SSRF guard or a fake-IP proxy may block. Voice notes are saved as the platform's WAV conversion
 * where there is one; a voice note without QQ's speech recognition that came as SILK is decoded to
 * WAV, so the host's own transcription (`tools.media.audio`) can read it. An attachment that
 * cannot be fetched is logged and left to its URL.
 *
 * @returns One entry per attachment, `undefined` where nothing was saved.
 */
export async function saveInboundMedia(
  message: Message,
  config: QQBotAccountConfig,
  runtime: HostChannelRuntime,
  logger: Logger,
  codec: SilkCodec = sharedSilkCodec(),
): Promise<(SavedMedia | undefined)[]> {
  const save = runtime.media?.saveMediaBuffer;
  if (message.attachments.length === 0) return [];
  if (!save) {
    logger.debug('this host has no media store; the agent gets media URLs', { messageId: message.id });
    return message.attachments.map(() => undefined);
  }
  const maxBytes = Math.round((config.mediaMaxMb ?? DEFAULT_MEDIA_MAX_MB) * 1024 * 1024);
  const allowedHosts = config.mediaHosts ?? QQ_MEDIA_HOSTS;
  const viaProxy = config.proxy !== undefined ? { fetch: createProxyFetch(config.proxy) } : {};
  return Promise.all(
    message.attachments.map(async (attachment) => {
      try {
        const downloaded = await downloadAttachment(attachment, { maxBytes, allowedHosts, variant: 'wav', ...viaProxy });
        // QQ recognised nothing: the host transcribes the note, which needs audio it can read.
        const media =
          attachment.kind === 'voice' && !attachment.asrText && decodesVoiceNotes(config)
            ? await voiceForTranscriptionOrOriginal(downloaded, codec, logger, { messageId: message.id })
            : downloaded;
        const saved = await save.call(runtime.media, Buffer.from(media.data), media.contentType, 'inbound', maxBytes, media.filename);
        return { attachment, path: saved.path, contentType: saved.contentType ?? media.contentType };
      } catch (error) {
        logger.warn('could not save a received attachment for the agent; passing its URL', {
          messageId: message.id,
          kind: attachment.kind,
          error: error instanceof Error ? error.message : String(error),
        });
        return undefined;
      }
    }),
  );
}
