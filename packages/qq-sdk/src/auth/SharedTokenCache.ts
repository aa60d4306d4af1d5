/** An app access token with its absolute expiry, as kept in a {@link SharedTokenCache}. */
export interface SharedAccessToken {
  /** The access token. */
  readonly token: string;
  /** When it expires, in epoch milliseconds. */
  readonly expiresAt: number;
}

/**
 * A token cache shared by several processes of one app (e.g. `RedisTokenCache` from
 * `qq-sdk/redis`), plugged into {@link TokenManager} through its `tokenCache` option: when the
 * local token needs refreshing, the manager asks the shared cache, which returns the fleet's token
 * or lets exactly one caller in the fleet fetch a new one while the others wait for it.
 */
export interface SharedTokenCache {
  /**
   * Returns the shared token if it is still valid at `validUntil` (epoch ms); otherwise runs
   * `fetchToken` under a fleet-wide single-flight lock, stores its result and returns it. Callers
   * that do not get the lock wait for the holder's token.
   *
   * @param validUntil - The token must not expire before this time.
   * @param fetchToken - Requests a new token from the token endpoint.
   * @param signal - Aborts this caller's wait.
   */
  getOrFetch(validUntil: number, fetchToken: () => Promise<SharedAccessToken>, signal?: AbortSignal): Promise<SharedAccessToken>;
  /** Drops `token` from the shared cache if it is still the one stored (the platform rejected it). */
  invalidate(token: string): void | Promise<void>;
}
