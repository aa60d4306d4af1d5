/** Payload of the REST client's `rateLimited` event. */
export interface RateLimitInfo {
  /** The route template, e.g. `POST /v2/groups/{group_openid}/messages`. */
  readonly route: string;
  /** The queue key (route + major id). */
  readonly bucket: string;
  /** The major id (group, user, channel, guild) or `''`. */
  readonly majorId: string;
  /** The HTTP method. */
  readonly method: string;
  /** The concrete request path. */
  readonly path: string;
  /** How long the queue waits before the next request, in milliseconds. */
  readonly retryAfterMs: number;
  /** The platform code that signalled the limit, if any (e.g. 20028, 40034100). */
  readonly code?: number | undefined;
  /** `true` if the request is failed fast instead of waiting (`rejectOnRateLimit`). */
  readonly rejected: boolean;
}

/** The events a {@link RestClient} emits. */
export interface RestClientEvents {
  /** A queue hit a rate limit (HTTP 429 or a rate-limit code) or a request met a blocked queue. */
  rateLimited: [info: RateLimitInfo];
  /** A request failed and will be retried after `delayMs`. */
  retry: [info: { method: string; path: string; attempt: number; delayMs: number; reason: string }];
}
