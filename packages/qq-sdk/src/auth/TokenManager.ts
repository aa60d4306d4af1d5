import { QQAbortError } from '../errors/QQAbortError.js';
import { rememberSecret } from '../errors/knownSecrets.js';
import { QQApiError } from '../errors/QQApiError.js';
import { QQValidationError } from '../errors/QQValidationError.js';
import type { Clock } from '../internal/Clock.js';
import { systemClock } from '../internal/Clock.js';
import type { Logger } from '../logging/Logger.js';
import { resolveLogger } from '../logging/Logger.js';
import { fetchWithTimeout, type FetchLike, type HttpResult } from '../rest/fetchWithTimeout.js';
import { HostFallback } from '../rest/HostFallback.js';
import { PlatformHosts } from '../rest/platformHosts.js';
import { QQConnectionError } from '../errors/QQConnectionError.js';
import { AccessTokenResponseSchema } from './AccessTokenResponse.js';
import type { SharedAccessToken, SharedTokenCache } from './SharedTokenCache.js';
import type { TokenProvider, TokenSource } from './TokenProvider.js';
import { renamedOption } from '../internal/renamedOption.js';
import type { QQAuthError } from '../errors/QQApiError.js';
import type { QQTimeoutError } from '../errors/QQTimeoutError.js';
import { DefaultTokenOptions } from './DefaultTokenOptions.js';

/** The production (and sandbox) token endpoint. */
export const DEFAULT_TOKEN_URL: string = PlatformHosts.tokenUrl;

/** Options for a {@link TokenManager} that fetches tokens with appId + clientSecret. */
export interface TokenManagerOptions {
  /** The bot's appId (机器人 AppID). */
  readonly appId: string;
  /** The bot's AppSecret. Never logged and never put in an error. */
  readonly clientSecret: string;
  /**
   * The token endpoint.
   * @defaultValue {@link DEFAULT_TOKEN_URL}
   */
  readonly tokenUrl?: string | undefined;
  /**
   * Token endpoints to move to, in order, when the one in use cannot be reached or answers with a
   * 5xx or 404 (the endpoint is not there). A move is logged and sticks.
   * @defaultValue the pre-2026-08 endpoint (`https://bots.qq.com/app/getAppAccessToken`) when
   * `tokenUrl` is not set; none when it is
   */
  readonly tokenFallbackUrls?: readonly string[] | undefined;
  /**
   * Refresh this long before the token expires. The platform hands out a new token only in the
   * last 60 s of the old one, so earlier refreshes just return the same token.
   * @defaultValue 60000
   */
  readonly refreshWindowMs?: number | undefined;
  /** Timeout of one token request in milliseconds. @defaultValue 10000 */
  readonly timeoutMs?: number | undefined;
  /** The fetch to use (tests, proxies). @defaultValue the global `fetch` */
  readonly fetch?: FetchLike | undefined;
  /** The time source. @defaultValue the system clock */
  readonly clock?: Clock | undefined;
  /** Where to log refreshes and failures (never with the token or secret). */
  readonly logger?: Partial<Logger> | undefined;
  /**
   * A cache shared with the app's other processes (e.g. `RedisTokenCache` from `qq-sdk/redis`):
   * refreshes go through it, so the whole fleet makes one token request instead of one per process.
   * @defaultValue none (this process fetches its own token)
   */
  readonly tokenCache?: SharedTokenCache | undefined;
  /** @deprecated Renamed {@link TokenManagerOptions.tokenCache} (as in `QQBot`); still accepted, with a warning. */
  readonly sharedCache?: SharedTokenCache | undefined;
}

/** Options for a {@link TokenManager} that wraps your own token function. */
export interface TokenSourceOptions {
  /** Your token function; it is responsible for caching. Concurrent calls share one invocation. */
  readonly source: TokenSource;
  /** The appId the tokens belong to (sent as `X-Union-Appid`), if known. */
  readonly appId?: string | undefined;
  /** Where to log. */
  readonly logger?: Partial<Logger> | undefined;
}

interface CachedToken {
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * Hands out the app access token: fetched from the token endpoint with appId + clientSecret,
 * cached until it enters the refresh window, refreshed once for all concurrent callers
 * (single-flight), and dropped by {@link TokenManager.invalidate} after an auth error. One
 * instance per app; several apps in one process each get their own.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/api-use.html
 * @example
 * ```ts
 * const tokens = new TokenManager({ appId: '102000000', clientSecret: process.env.QQ_SECRET! });
 * const token = await tokens.getAccessToken(); // Authorization: `QQBot ${token}`
 * ```
 */
export class TokenManager implements TokenProvider {
  // Names itself in its body, so the build would publish it as `_TokenManager` (see tsup.config.ts).
  static {
    Object.defineProperty(this, 'name', { value: 'TokenManager' });
  }

  /** The appId the tokens belong to, if known. */
  readonly appId: string | undefined;
  readonly #secret: string | undefined;
  readonly #source: TokenSource | undefined;
  readonly #tokenUrls: HostFallback;
  readonly #refreshWindowMs: number;
  readonly #timeoutMs: number;
  readonly #fetch: FetchLike;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #sharedCache: SharedTokenCache | undefined;
  #cached: CachedToken | undefined;
  #inflight: Promise<string> | undefined;
  #generation = 0;

  /** @param options - appId + clientSecret options, or a token source; see {@link TokenManager.fromSource}. */
  constructor(options: TokenManagerOptions | TokenSourceOptions) {
    this.#logger = resolveLogger(options.logger);
    if ('source' in options) {
      this.appId = options.appId;
      this.#source = options.source;
      this.#secret = undefined;
      this.#tokenUrls = new HostFallback([DEFAULT_TOKEN_URL], 'token endpoint', this.#logger);
      this.#refreshWindowMs = 0;
      this.#timeoutMs = 0;
      this.#fetch = (input, init) => fetch(input, init);
      this.#clock = systemClock;
      this.#sharedCache = undefined;
      return;
    }
    if (!options.appId) throw new QQValidationError('TokenManager options', [{ path: 'appId', message: 'must be a non-empty string' }]);
    if (!options.clientSecret) {
      throw new QQValidationError('TokenManager options', [{ path: 'clientSecret', message: 'must be a non-empty string' }]);
    }
    this.appId = options.appId;
    this.#secret = options.clientSecret;
    rememberSecret(options.clientSecret, 'appSecret');
    this.#source = undefined;
    const fallbacks = options.tokenFallbackUrls ?? (options.tokenUrl !== undefined ? [] : [PlatformHosts.legacyTokenUrl]);
    this.#tokenUrls = new HostFallback([options.tokenUrl ?? DEFAULT_TOKEN_URL, ...fallbacks], 'token endpoint', this.#logger);
    this.#refreshWindowMs = options.refreshWindowMs ?? DefaultTokenOptions.refreshWindowMs;
    this.#timeoutMs = options.timeoutMs ?? DefaultTokenOptions.timeoutMs;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#clock = options.clock ?? systemClock;
    this.#sharedCache = renamedOption('TokenManager', ['tokenCache', options.tokenCache], ['sharedCache', options.sharedCache]);
  }

  /**
   * Wraps a plain token function (e.g. one that reads a token from your secret store).
   *
   * @param source - Returns a current access token.
   * @param options - Optional appId and logger.
   */
  static fromSource(source: TokenSource, options: Omit<TokenSourceOptions, 'source'> = {}): TokenManager {
    return new TokenManager({ ...options, source });
  }

  /**
   * Returns a valid access token. Served from cache until the refresh window; otherwise one
   * request refreshes it for every concurrent caller.
   *
   * @param signal - Aborts this caller's wait; the shared refresh continues for others.
   * @throws A {@link QQAuthError} when the endpoint rejects the credentials,
   *   {@link QQConnectionError} / {@link QQTimeoutError} on network failure, {@link QQAbortError}.
   */
  getAccessToken(signal?: AbortSignal): Promise<string> {
    const cached = this.#cached;
    if (cached && this.#clock.now() < cached.expiresAt - this.#refreshWindowMs) return Promise.resolve(cached.token);
    this.#inflight ??= this.#refresh().finally(() => {
      this.#inflight = undefined;
    });
    return signal ? raceAbort(this.#inflight, signal) : this.#inflight;
  }

  /**
   * Drops the cached token; the next call fetches a new one. Call after a 401 / code 11244.
   *
   * @param rejectedToken - The token that was rejected; if it is no longer the cached one (already
   *   dropped or replaced by a newer token), nothing happens.
   */
  invalidate(rejectedToken?: string): void {
    // Someone already dropped or replaced the rejected token: nothing to do.
    if (rejectedToken !== undefined && this.#cached?.token !== rejectedToken) return;
    const dropped = rejectedToken ?? this.#cached?.token;
    this.#cached = undefined;
    if (this.#sharedCache && dropped !== undefined) this.#dropShared(this.#sharedCache, dropped);
    // A refresh already in flight may carry the rejected token; make its result not cached.
    this.#generation += 1;
    this.#logger.debug('access token invalidated', { appId: this.appId });
  }

  async #refresh(): Promise<string> {
    if (this.#source) return rememberToken(await this.#source());
    const generation = this.#generation;
    const stale = this.#cached;
    try {
      const fresh = this.#sharedCache
        ? await this.#sharedCache.getOrFetch(this.#clock.now() + this.#refreshWindowMs, () => this.#fetchToken())
        : await this.#fetchToken();
      if (generation === this.#generation) this.#cached = fresh;
      return rememberToken(fresh.token);
    } catch (error) {
      // The platform keeps the old token valid through its last 60 s: keep using it if we can.
      if (stale && this.#clock.now() < stale.expiresAt) {
        this.#logger.warn('access token refresh failed; using the still-valid cached token', {
          appId: this.appId,
          error: error instanceof Error ? error.message : String(error),
        });
        return stale.token;
      }
      throw error;
    }
  }

  async #fetchToken(): Promise<SharedAccessToken> {
    const { token, expiresInSec } = await this.#requestToken();
    this.#logger.debug('access token refreshed', { appId: this.appId, expiresInSec });
    return { token, expiresAt: this.#clock.now() + expiresInSec * 1000 };
  }

  #dropShared(cache: SharedTokenCache, token: string): void {
    // Best effort: a shared cache that cannot be reached still gets replaced at the next refresh.
    // Called synchronously so the drop is issued before the refresh that usually follows.
    const warn = (error: unknown): void => {
      this.#logger.warn('could not drop the rejected token from the shared token cache', {
        appId: this.appId,
        error: error instanceof Error ? error.message : String(error),
      });
    };
    try {
      void Promise.resolve(cache.invalidate(token)).catch(warn);
    } catch (error) {
      warn(error);
    }
  }

  async #requestToken(): Promise<{ token: string; expiresInSec: number }> {
    for (;;) {
      const url = this.#tokenUrls.current;
      let result: HttpResult;
      try {
        result = await this.#post(url);
      } catch (error) {
        // Not reached at all: another endpoint may be.
        if (error instanceof QQConnectionError && this.#tokenUrls.fallBack(error.message)) continue;
        throw error;
      }
      // Not there (moved), or failing: the other endpoint may answer.
      if ((result.status >= 500 || result.status === 404) && this.#tokenUrls.fallBack(`HTTP ${result.status}`)) continue;
      return this.#readToken(result, safeRoute(url));
    }
  }

  #post(url: string): Promise<HttpResult> {
    return fetchWithTimeout(
      this.#fetch,
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ appId: this.appId, clientSecret: this.#secret }),
      },
      { method: 'POST', route: safeRoute(url), timeoutMs: this.#timeoutMs },
    );
  }

  #readToken(result: HttpResult, route: string): { token: string; expiresInSec: number } {
    let body: unknown;
    try {
      body = result.text ? (JSON.parse(result.text) as unknown) : undefined;
    } catch {
      body = undefined;
    }
    const parsed = AccessTokenResponseSchema.safeParse(body);
    if (result.status >= 200 && result.status < 300 && parsed.success) {
      return { token: parsed.data.access_token, expiresInSec: parsed.data.expires_in };
    }
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (typeof record['access_token'] === 'string') rememberToken(record['access_token']);
    const code = typeof record['code'] === 'number' ? record['code'] : typeof record['err_code'] === 'number' ? record['err_code'] : undefined;
    const message = typeof record['message'] === 'string' ? record['message'] : 'the token endpoint returned no access_token';
    const serverSide = result.status >= 500;
    throw QQApiError.from(
      {
        status: result.status,
        code,
        platformMessage: message,
        explanation: serverSide
          ? 'The token endpoint failed. qq-sdk retries; if this persists, check the platform status.'
          : 'The token endpoint refused the credentials. Check appId and clientSecret (the AppSecret) in the QQ console.',
        traceId: result.headers.get('x-tps-trace-id') ?? undefined,
        method: 'POST',
        route,
        body,
        kind: serverSide ? 'server' : 'auth',
        retry: serverSide ? 'retryable' : 'operator',
      },
      // A 2xx body the SDK cannot use (expires_in "soon", 0 or missing) may still carry a live token.
      [this.#secret, typeof record['access_token'] === 'string' ? record['access_token'] : undefined],
    );
  }
}

/** Every token the SDK sees is hidden from its errors and logs from then on. */
function rememberToken(token: string): string {
  rememberSecret(token, 'accessToken');
  return token;
}

function safeRoute(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '/app/getAppAccessToken';
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortError(signal: AbortSignal): Error {
  return new QQAbortError('getAccessToken', { cause: signal.reason });
}
