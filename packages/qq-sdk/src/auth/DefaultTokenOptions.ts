/** Every default of the token manager in one place. */
export const DefaultTokenOptions = {
  /** A token is refreshed this long before it expires, so no request carries one about to lapse. */
  refreshWindowMs: 60_000,
  /** Time one token request may take. */
  timeoutMs: 10_000,
} as const;
