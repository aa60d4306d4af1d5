/** Why a voice note could not be converted. */
export type VoiceErrorCode =
  /** The bytes are not in a format this plugin reads (it reads SILK and WAV). */
  | 'unsupported-format'
  /** The audio is longer or larger than the configured bounds. */
  | 'too-long'
  /** The WebAssembly codec could not be loaded (missing `silk.wasm`, unexpected build). */
  | 'codec-unavailable'
  /** The codec ran and failed on these bytes. */
  | 'codec-failed';

/**
 * A voice note that could not be decoded or encoded. Callers log it and fall back (the raw file
 * for the agent, a file attachment for QQ); it never ends a turn.
 */
export class VoiceError extends Error {
  override readonly name = 'VoiceError';

  /**
   * @param code - What went wrong.
   * @param message - What to log.
   */
  constructor(
    readonly code: VoiceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
