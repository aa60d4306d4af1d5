import type { QQApiErrorKind, RetryClass } from './QQApiErrorKind.js';

/** What qq-sdk knows about one platform error code. Returned by {@link describePlatformCode}. */
export interface PlatformCodeInfo {
  /** The platform's business code (`code` or `err_code` of the error body). */
  readonly code: number;
  /** The failure kind this code belongs to. */
  readonly kind: QQApiErrorKind;
  /** Whether retrying can help, or an operator must act. Drives the REST retry policy. */
  readonly retry: RetryClass;
  /** One line a user can act on. */
  readonly explanation: string;
  /** `true` when the code is in qq-sdk's table; `false` for a guess from the HTTP status. */
  readonly known: boolean;
}
