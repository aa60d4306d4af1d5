/**
 * How long to wait between retries. Retries happen only for network errors, HTTP 408/429/5xx and
 * platform codes classified `retryable`; the count is bounded by `maxRetries`.
 */
export interface RetryPolicy {
  /** Delay before the first retry, in milliseconds. */
  readonly initialDelayMs: number;
  /** Upper bound of the exponential backoff, in milliseconds. */
  readonly maxDelayMs: number;
  /** Random spread subtracted from each delay, as a fraction (0.25 = up to 25 % shorter). */
  readonly jitter: number;
  /**
   * The largest `Retry-After` honoured, in milliseconds. A larger value is ignored in favour of
   * the backoff, so a misbehaving header cannot park a request for hours.
   */
  readonly maxRetryAfterMs: number;
}

/**
 * Named retry policies.
 *
 * - `default`: 0.5 s doubling to 8 s, 25 % jitter, `Retry-After` honoured up to 60 s.
 * - `patient`: 1 s doubling to 30 s, `Retry-After` up to 5 min (background jobs).
 * - `immediate`: no delay at all; for tests.
 */
export const RetryPolicies = {
  default: { initialDelayMs: 500, maxDelayMs: 8_000, jitter: 0.25, maxRetryAfterMs: 60_000 },
  patient: { initialDelayMs: 1_000, maxDelayMs: 30_000, jitter: 0.25, maxRetryAfterMs: 300_000 },
  immediate: { initialDelayMs: 0, maxDelayMs: 0, jitter: 0, maxRetryAfterMs: 0 },
} as const satisfies Record<string, RetryPolicy>;

/**
 * The delay before retry number `attempt` (0-based): the server's `Retry-After` if present and
 * within the cap, otherwise capped exponential backoff with jitter.
 *
 * @param policy - The policy.
 * @param attempt - How many retries were already made.
 * @param retryAfterMs - The server's requested delay, if any.
 * @param random - A random source in [0, 1) (injectable for tests).
 */
export function computeRetryDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs <= policy.maxRetryAfterMs) return retryAfterMs;
  const exp = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return Math.max(0, Math.round(exp * (1 - policy.jitter * random())));
}

/**
 * Reads `retry-after-ms`, or `retry-after` as seconds or an HTTP date, into milliseconds.
 *
 * @param headers - The response headers.
 * @param now - The current time in epoch ms (for HTTP dates).
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && Number.isFinite(Number(ms)) && ms.trim() !== '') return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
