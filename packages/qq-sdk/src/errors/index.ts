export { QQError } from './QQError.js';
export type { QQApiErrorKind, RetryClass } from './QQApiErrorKind.js';
export type { PlatformCodeInfo } from './PlatformCodeInfo.js';
export { describePlatformCode, isTokenRefreshError, knownPlatformCodes } from './describePlatformCode.js';
export {
  QQApiError,
  QQAuthError,
  QQRateLimitError,
  QQPermissionError,
  QQNotFoundError,
  QQContentRejectedError,
  QQReplyQuotaError,
  QQInvalidRequestError,
  QQServerError,
  type QQApiErrorInit,
} from './QQApiError.js';
export { QQConnectionError } from './QQConnectionError.js';
export { QQTimeoutError } from './QQTimeoutError.js';
export { QQAbortError } from './QQAbortError.js';
export { QQValidationError, type ValidationIssue } from './QQValidationError.js';
export { QQStateError } from './QQStateError.js';
export { redactSecrets } from './redactSecrets.js';
