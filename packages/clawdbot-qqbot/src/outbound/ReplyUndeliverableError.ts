import { QQError, QQReplyQuotaError, ReplyQuotaExceededError, ReplyWindowExpiredError } from 'qq-sdk';

/**
 * Thrown to the host when an agent reply could not be delivered because QQ no longer accepts
 * passive replies to the source message (window closed or budget used up). The host records the
 * failed delivery; it is never dropped silently. Set `onReplyUnavailable: "active"` to try an
 * active message instead.
 */
export class ReplyUndeliverableError extends QQError {
  override readonly name = 'ReplyUndeliverableError';
  /** The QQ message the reply was for. */
  readonly sourceId: string;

  /** @param sourceId - The source message id; `cause` is the SDK's error. */
  constructor(sourceId: string, cause: unknown) {
    super(`QQ reply to message ${sourceId} not delivered: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.sourceId = sourceId;
  }
}

/** Whether an error means "QQ will not take another passive reply to this message". */
export function isReplyUnavailable(error: unknown): boolean {
  return error instanceof ReplyQuotaExceededError || error instanceof ReplyWindowExpiredError || error instanceof QQReplyQuotaError;
}
