/**
 * Every default of the gateway in one place. Tests override the timings; production keeps these.
 */
export const DefaultGatewayOptions = {
  /** Reconnect backoff: 1 s doubling to 60 s, 25% jitter. */
  backoff: { baseMs: 1000, maxMs: 60_000, jitter: 0.25 },
  /** Wait for Hello after the socket opens. */
  helloTimeoutMs: 20_000,
  /** Wait for READY/RESUMED after Identify/Resume. */
  readyTimeoutMs: 30_000,
  /** Delay range before identifying after op 9 (the reference suggests 1–5 s). */
  invalidSessionDelayMs: [1000, 5000],
  /** Consecutive op 9 after Identify before giving up. */
  maxInvalidSessions: 3,
  /** Consecutive failed resumes before identifying instead. */
  maxResumeAttempts: 2,
  /** Wait after 4008 (payloads too fast). */
  slowDownDelayMs: 60_000,
  /** Time a closing socket gets before it is terminated. */
  closeTimeoutMs: 1000,
  /** Hello's `heartbeat_interval` is clamped to this range (the platform sends ~41 s). */
  heartbeatIntervalRangeMs: [1000, 300_000],
  /** Shards: as many as GET /gateway/bot recommends. */
  shardCount: 'auto',
  /** Identifies per `max_concurrency` bucket are allowed once per this window (the platform's 5 s). */
  identifyWindowMs: 5000,
} as const satisfies {
  backoff: { baseMs: number; maxMs: number; jitter: number };
  helloTimeoutMs: number;
  readyTimeoutMs: number;
  invalidSessionDelayMs: readonly [number, number];
  maxInvalidSessions: number;
  maxResumeAttempts: number;
  slowDownDelayMs: number;
  closeTimeoutMs: number;
  heartbeatIntervalRangeMs: readonly [number, number];
  shardCount: 'auto' | number;
  identifyWindowMs: number;
};
