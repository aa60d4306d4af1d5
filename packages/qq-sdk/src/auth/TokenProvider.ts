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
  /**
   * Drops the cached token so the next {@link TokenProvider.getAccessToken} fetches a new one.
   *
   * @param rejectedToken - The token the platform rejected. When given and a newer token is
   *   already cached (another caller refreshed first), nothing is dropped, so many concurrent
   *   401s cause one refresh rather than one each.
   */
  invalidate(rejectedToken?: string): void;
}

/** A plain function that returns an access token; see {@link TokenManager.fromSource}. */
export type TokenSource = (signal?: AbortSignal) => Promise<string>;
