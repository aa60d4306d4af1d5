/**
 * Anything that can hand out a current app access token: a {@link TokenManager}, or your own
 * object. The REST client and the gateway depend only on this interface.
 */
export interface TokenProvider {
  /** The appId the token belongs to, if known (sent as `X-Union-Appid`). */
  readonly appId?: string | undefined;
  /**
   * Returns a valid access token, fetching or refreshing it if needed.
   *
   * @param signal - Aborts this caller's wait (a shared refresh keeps running for others).
   */
  getAccessToken(signal?: AbortSignal): Promise<string>;
  /** Drops the cached token so the next {@link TokenProvider.getAccessToken} fetches a new one. */
  invalidate(): void;
}

/** A plain function that returns an access token; see {@link TokenManager.fromSource}. */
export type TokenSource = (signal?: AbortSignal) => Promise<string>;
