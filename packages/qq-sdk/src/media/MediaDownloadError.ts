import { QQError } from '../errors/QQError.js';

/** Why a media download was refused or failed. */
export type MediaDownloadFailure = 'host-not-allowed' | 'too-large' | 'timeout' | 'aborted' | 'http-status' | 'content-type' | 'network' | 'too-many-redirects';

/**
 * A received attachment could not be downloaded, or was refused before or while downloading
 * ({@link MediaDownloadError.reason}). Nothing was kept.
 *
 * @example
 * ```ts
 * try {
 *   const media = await downloadAttachment(msg.attachments[0]!);
 * } catch (error) {
 *   if (error instanceof MediaDownloadError && error.reason === 'too-large') await msg.reply('That file is too big for me.');
 *   else throw error;
 * }
 * ```
 */
export class MediaDownloadError extends QQError {
  override readonly name = 'MediaDownloadError';
  /** What went wrong. */
  readonly reason: MediaDownloadFailure;
  /** The host that was asked, when known. */
  readonly host: string | undefined;

  /**
   * @param reason - What went wrong.
   * @param message - What happened and what to do.
   * @param options - The host asked and the underlying error.
   */
  constructor(reason: MediaDownloadFailure, message: string, options: { host?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.host = options.host;
  }
}
