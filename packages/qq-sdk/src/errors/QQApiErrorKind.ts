/**
 * What kind of failure a {@link QQApiError} is, so code can branch without memorising numeric
 * platform codes.
 *
 * - `auth`: the access token or app credentials were rejected.
 * - `rate_limit`: too many requests (HTTP 429 or a rate-limit code); back off and try later.
 * - `permission`: the bot lacks a permission, or an operator setting (IP allow-list, API access) is missing.
 * - `not_found`: the route or the target (guild, channel, user, message) does not exist.
 * - `content_rejected`: the message content was refused (URL not registered, markdown not allowed, audit).
 * - `reply_quota`: the passive-reply window expired, the reply count ran out, or `msg_seq` was reused.
 * - `invalid_request`: the request itself is malformed (bad field, wrong message type).
 * - `server`: the platform failed (5xx or a transient platform code).
 * - `unknown`: a code qq-sdk does not know yet; see `code` and `platformMessage`.
 */
export type QQApiErrorKind = 'auth' | 'rate_limit' | 'permission' | 'not_found' | 'content_rejected' | 'reply_quota' | 'invalid_request' | 'server' | 'unknown';

/**
 * How a failure should be handled:
 *
 * - `retryable`: transient; the same request may succeed later (qq-sdk retries it within `maxRetries`).
 * - `permanent`: retrying the same request will fail the same way; change the request or drop it.
 * - `operator`: needs someone to change a setting in the QQ developer console (allow-list an IP,
 *   register a URL, apply for a permission); not retried.
 */
export type RetryClass = 'retryable' | 'permanent' | 'operator';
