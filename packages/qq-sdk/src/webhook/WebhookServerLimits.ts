/**
 * How long clients may take and how many may be connected. Node's own defaults (60 s for headers,
 * 300 s for a request, no connection cap) let a few hundred clients that trickle bytes hold the
 * server; the platform sends a small JSON body at once and waits a few seconds for the answer, so
 * these defaults refuse slow clients within seconds and never touch the platform's callbacks.
 */
export interface WebhookServerLimits {
  /** Time to receive a request's headers, in ms. @defaultValue 5000 */
  readonly headersTimeoutMs?: number;
  /** Time to receive a whole request (headers and body), in ms. @defaultValue 10000 */
  readonly requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open, in ms. @defaultValue 5000 */
  readonly keepAliveTimeoutMs?: number;
  /** Connections open at once; more are closed as they arrive. @defaultValue 1024 */
  readonly maxConnections?: number;
}

/** The defaults of {@link WebhookServerLimits}, in one place. */
export const DefaultWebhookServerLimits = {
  headersTimeoutMs: 5000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5000,
  maxConnections: 1024,
} as const satisfies Required<WebhookServerLimits>;
