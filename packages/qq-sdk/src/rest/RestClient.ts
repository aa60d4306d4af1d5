import { HostFallback } from './HostFallback.js';
import { PlatformHosts } from './platformHosts.js';
import { MessageContentLimits } from './schemas/contentLimits.js';
import { rememberSecret } from '../errors/knownSecrets.js';
import { EventEmitter } from 'eventemitter3';
import type * as z from '../internal/zod.js';
import { TokenManager, DEFAULT_TOKEN_URL } from '../auth/TokenManager.js';
import type { TokenProvider } from '../auth/TokenProvider.js';
import { QQAbortError } from '../errors/QQAbortError.js';
import { QQApiError } from '../errors/QQApiError.js';
import { QQConnectionError } from '../errors/QQConnectionError.js';
import { QQTimeoutError } from '../errors/QQTimeoutError.js';
import { QQValidationError } from '../errors/QQValidationError.js';
import { isTokenRefreshError } from '../errors/describePlatformCode.js';
import type { Clock } from '../internal/Clock.js';
import { systemClock } from '../internal/Clock.js';
import type { Logger, LogLevel } from '../logging/Logger.js';
import { logsDebug, resolveLogger } from '../logging/Logger.js';
import { DEFAULT_USER_AGENT } from '../userAgent.js';
import { fetchWithTimeout, sleep, type FetchLike, type HttpResult } from './fetchWithTimeout.js';
import { createProxyFetch } from './createProxyFetch.js';
import type { RateLimitInfo, RestClientEvents } from './RateLimitInfo.js';
import type { RestRequest } from './RequestOptions.js';
import { computeRetryDelay, parseRetryAfter, RetryPolicies, type RetryPolicy } from './RetryPolicy.js';
import { resolveRoute, type RouteInfo } from './resolveRoute.js';
import { RouteQueue } from './RouteQueue.js';
import type { QQError } from '../errors/QQError.js';
import type { QQRateLimitError } from '../errors/QQApiError.js';
import { DefaultRestOptions } from './DefaultRestOptions.js';

/** The production REST base URL (the unified domain since 2026-08; see {@link PlatformHosts}). */
export const DEFAULT_API_BASE_URL = PlatformHosts.api;
/** The sandbox REST base URL (only sandbox guilds, groups and users). */
export const SANDBOX_API_BASE_URL = PlatformHosts.sandboxApi;

/**
 * How the client authenticates: app credentials (a {@link TokenManager} is created for you), or
 * any {@link TokenProvider} (a shared `TokenManager`, or `TokenManager.fromSource(fn)`).
 */
export type RestAuth = { readonly appId: string; readonly clientSecret: string } | { readonly token: TokenProvider; readonly appId?: string | undefined };

/** Decides per request whether a rate-limited queue fails fast instead of waiting. */
export type RejectOnRateLimit = boolean | readonly string[] | ((info: RateLimitInfo) => boolean);

/** Options of a {@link RestClient}. All are optional. */
export interface RestClientOptions {
  /** REST base URL. @defaultValue {@link DEFAULT_API_BASE_URL} (or {@link SANDBOX_API_BASE_URL} with `sandbox`) */
  readonly apiBaseUrl?: string | undefined;
  /**
   * REST base URLs to move to, in order, when the one in use cannot be reached (no connection), or
   * answers `GET /gateway` or `/gateway/bot` with a 5xx. A move is logged and sticks.
   * @defaultValue the pre-2026-08 host of the environment (`api.sgroup.qq.com`, or
   * `sandbox.api.sgroup.qq.com` with `sandbox`) when `apiBaseUrl` is not set; none when it is
   */
  readonly apiFallbackUrls?: readonly string[] | undefined;
  /** Token endpoint, when the client creates its own {@link TokenManager}. @defaultValue {@link DEFAULT_TOKEN_URL} */
  readonly tokenUrl?: string | undefined;
  /** See {@link TokenManagerOptions.tokenFallbackUrls}. */
  readonly tokenFallbackUrls?: readonly string[] | undefined;
  /** Use the sandbox REST base URL. Ignored when `apiBaseUrl` is set. @defaultValue false */
  readonly sandbox?: boolean | undefined;
  /** Timeout per attempt in milliseconds; keep ≥ 5000 for sends. @defaultValue 15000 */
  readonly timeoutMs?: number | undefined;
  /** Retries after the first attempt (network errors, 408/429/5xx, retryable codes). @defaultValue 2 */
  readonly maxRetries?: number | undefined;
  /** Backoff between retries. @defaultValue {@link RetryPolicies}.default */
  readonly retryPolicy?: RetryPolicy | undefined;
  /**
   * Fail fast with {@link QQRateLimitError} instead of waiting when a queue is rate limited:
   * `true` for all routes, a list of route prefixes (e.g. `['POST /v2/groups']`), or a predicate.
   * @defaultValue false
   */
  readonly rejectOnRateLimit?: RejectOnRateLimit | undefined;
  /** An HTTP(S) proxy URL for REST and token traffic, e.g. `http://user:pass@10.0.0.1:3128`. */
  readonly proxy?: string | undefined;
  /** The fetch to use (tests). Takes precedence over `proxy`. @defaultValue the global `fetch` */
  readonly fetch?: FetchLike | undefined;
  /** Where to log (never with tokens or secrets). */
  readonly logger?: Partial<Logger> | undefined;
  /** The lowest level to log. */
  readonly logLevel?: LogLevel | undefined;
  /** The `User-Agent` header. @defaultValue {@link DEFAULT_USER_AGENT} */
  readonly userAgent?: string | undefined;
  /** The time source (rate-limit windows). @defaultValue the system clock */
  readonly clock?: Clock | undefined;
  /**
   * Validate responses against the resources' (loose) schemas; unknown fields always pass.
   * @defaultValue true
   */
  readonly validateResponses?: boolean | undefined;
  /** Refresh window of the created {@link TokenManager}, in milliseconds. @defaultValue 60000 */
  readonly refreshWindowMs?: number | undefined;
  /**
   * The longest message text (`content`, `markdown.content`) a send may carry; longer text throws
   * {@link QQValidationError} naming the field before anything is sent. QQ does not document its
   * limit. @defaultValue {@link MessageContentLimits}.maxContentLength (5000)
   */
  readonly maxContentLength?: number | undefined;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
const GATEWAY_ROUTES: ReadonlySet<string> = new Set(['GET /gateway', 'GET /gateway/bot']);

/**
 * The HTTP client for the QQ OpenAPI: adds `Authorization: QQBot <token>`, sends JSON, applies a
 * timeout and the caller's `AbortSignal`, retries transient failures with backoff, refreshes the
 * token once on an auth error, and queues requests per route + major id (group, user, channel)
 * so one rate-limited chat does not stall the others. Every error is a typed {@link QQError}
 * with the platform trace id.
 *
 * @example
 * ```ts
 * const rest = new RestClient({ appId: '102000000', clientSecret: process.env.QQ_SECRET! });
 * const me = await rest.request<{ id: string }>({ method: 'GET', path: '/users/@me' });
 * ```
 */
export class RestClient extends EventEmitter<RestClientEvents> {
  /** The token provider used for every request (share it with the gateway). */
  readonly tokens: TokenProvider;
  /** The appId sent as `X-Union-Appid`, if known. */
  readonly appId: string | undefined;
  /** The fetch in use (proxied when the `proxy` option is set). */
  readonly fetch: FetchLike;
  /** The longest message text a send may carry (see {@link RestClientOptions.maxContentLength}). */
  readonly maxContentLength: number;
  readonly #secret: string | undefined;
  readonly #hosts: HostFallback;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #policy: RetryPolicy;
  readonly #reject: RejectOnRateLimit;
  readonly #logger: Logger;
  readonly #userAgent: string;
  readonly #clock: Clock;
  readonly #queues = new Map<string, RouteQueue>();
  readonly #validateResponses: boolean;
  #lastSweep: number;

  /**
   * @param auth - App credentials or a token provider.
   * @param options - See {@link RestClientOptions}.
   */
  constructor(auth: RestAuth, options: RestClientOptions = {}) {
    super();
    this.#logger = resolveLogger(options.logger, options.logLevel);
    this.#clock = options.clock ?? systemClock;
    this.fetch = options.fetch ?? (options.proxy ? createProxyFetch(options.proxy) : (input, init) => fetch(input, init));
    if ('token' in auth) {
      this.tokens = auth.token;
      this.appId = auth.appId ?? auth.token.appId;
      this.#secret = undefined;
    } else {
      this.tokens = new TokenManager({
        appId: auth.appId,
        clientSecret: auth.clientSecret,
        tokenUrl: options.tokenUrl ?? DEFAULT_TOKEN_URL,
        ...(options.tokenFallbackUrls !== undefined ? { tokenFallbackUrls: options.tokenFallbackUrls } : {}),
        refreshWindowMs: options.refreshWindowMs,
        fetch: this.fetch,
        clock: this.#clock,
        logger: this.#logger,
      });
      this.appId = auth.appId;
      this.#secret = auth.clientSecret;
    }
    const primary = options.apiBaseUrl ?? (options.sandbox ? SANDBOX_API_BASE_URL : DEFAULT_API_BASE_URL);
    const fallbacks =
      options.apiFallbackUrls ?? (options.apiBaseUrl !== undefined ? [] : [options.sandbox ? PlatformHosts.legacySandboxApi : PlatformHosts.legacyApi]);
    this.#hosts = new HostFallback(
      [primary, ...fallbacks].map((url) => url.replace(/\/+$/, '')),
      'REST',
      this.#logger,
    );
    this.#timeoutMs = options.timeoutMs ?? DefaultRestOptions.timeoutMs;
    this.#maxRetries = options.maxRetries ?? DefaultRestOptions.maxRetries;
    this.#policy = options.retryPolicy ?? RetryPolicies.default;
    this.#reject = options.rejectOnRateLimit ?? false;
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.#lastSweep = this.#clock.now();
    this.#validateResponses = options.validateResponses ?? true;
    this.maxContentLength = options.maxContentLength ?? MessageContentLimits.maxContentLength;
    if (!(this.maxContentLength >= 1)) {
      throw new QQValidationError('RestClient options', [{ path: 'maxContentLength', message: 'must be a positive number of characters' }]);
    }
  }

  /** The REST base URL in use (a fallback host once the preferred one failed). */
  get apiBaseUrl(): string {
    return this.#hosts.current;
  }

  /**
   * Sends one request and returns the parsed JSON body (`undefined` for an empty body).
   *
   * @param request - Method, path, query, body and per-call options.
   * @param schema - Validates the response (unknown fields pass through when the schema is loose).
   * @throws A {@link QQApiError} (or a kind subclass) for platform errors; {@link QQConnectionError},
   *   {@link QQTimeoutError}, {@link QQAbortError}, {@link QQValidationError}.
   */
  async request<T = unknown>(request: RestRequest, schema?: z.ZodType<T>): Promise<T> {
    // A query written into the path (`/users/@me/guilds?limit=5`) is kept; `query` wins per key.
    const mark = request.path.indexOf('?');
    const path = mark < 0 ? request.path : request.path.slice(0, mark);
    const inline = mark < 0 ? undefined : Object.fromEntries(new URLSearchParams(request.path.slice(mark + 1)));
    const withQuery = inline === undefined ? request : { ...request, query: { ...inline, ...request.query } };
    const info = resolveRoute(request.method, path, request.route, request.majorId);
    const queue = this.#queue(info.bucket);
    const what = `${request.method} ${path}`;
    const data = await queue.run(() => this.#execute(withQuery, path, info, queue), request.signal, what, request.chain);
    if (!schema || !this.#validateResponses || data === undefined) return data as T;
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw QQValidationError.fromZod(`response of ${info.route}`, parsed.error);
    const traceId = getTraceId(data);
    if (traceId && parsed.data !== null && typeof parsed.data === 'object') {
      Object.defineProperty(parsed.data, TRACE_ID, { value: traceId, enumerable: false });
    }
    return parsed.data;
  }

  #queue(bucket: string): RouteQueue {
    const now = this.#clock.now();
    if (now - this.#lastSweep > DefaultRestOptions.idleQueueSweepMs) {
      // Sweep on use rather than on a timer: nothing keeps the process alive.
      this.#lastSweep = now;
      for (const [key, queue] of this.#queues) {
        if (queue.inactive && now - queue.lastUsed > DefaultRestOptions.idleQueueSweepMs) this.#queues.delete(key);
      }
    }
    let queue = this.#queues.get(bucket);
    if (!queue) {
      queue = new RouteQueue(bucket, this.#clock);
      this.#queues.set(bucket, queue);
    }
    return queue;
  }

  #shouldReject(info: RateLimitInfo): boolean {
    const rule = this.#reject;
    if (typeof rule === 'boolean') return rule;
    if (typeof rule === 'function') return rule(info);
    return rule.some((prefix) => info.route.startsWith(prefix));
  }

  #rateLimitInfo(request: RestRequest, path: string, info: RouteInfo, retryAfterMs: number, code?: number): RateLimitInfo {
    const base = { route: info.route, bucket: info.bucket, majorId: info.majorId, method: request.method, path, retryAfterMs, code };
    return { ...base, rejected: this.#shouldReject({ ...base, rejected: false }) };
  }

  async #execute(request: RestRequest, path: string, info: RouteInfo, queue: RouteQueue): Promise<unknown> {
    const what = `${request.method} ${path}`;
    const blocked = queue.remainingBlockMs;
    if (blocked > 0) {
      const event = this.#rateLimitInfo(request, path, info, blocked);
      this.emit('rateLimited', event);
      if (event.rejected) throw rateLimitedLocally(request.method, path, blocked);
      await queue.waitUntilOpen(request.signal, what);
    }
    const maxRetries = request.maxRetries ?? this.#maxRetries;
    const timeoutMs = request.timeoutMs ?? this.#timeoutMs;
    let url = this.#url(path, request.query);
    let authRetried = false;
    for (let attempt = 0; ;) {
      let failure: Error;
      let retryAfterMs: number | undefined;
      try {
        const token = await this.tokens.getAccessToken(request.signal);
        // A token from a provider of the user's own is hidden like one the SDK fetched.
        rememberSecret(token, 'accessToken');
        const startedAt = performance.now();
        const result = await fetchWithTimeout(this.fetch, url, this.#init(request, token), {
          method: request.method,
          route: path,
          timeoutMs,
          signal: request.signal,
        });
        // One line per request, built only when someone reads it; never the token or the body.
        if (logsDebug(this.#logger)) {
          this.#logger.debug('request', {
            method: request.method,
            route: info.route,
            status: result.status,
            ms: Math.round(performance.now() - startedAt),
            attempt,
          });
        }
        if (result.status >= 200 && result.status < 300) return parseBody(result, this.#logger, what);
        const error = this.#apiError(request, path, result, token);
        // Gateway discovery is what users saw fail on the old host while the new one worked.
        if (error.kind === 'server' && GATEWAY_ROUTES.has(info.route) && this.#hosts.fallBack(`HTTP ${error.status} on ${info.route}`)) {
          url = this.#url(path, request.query);
          continue;
        }
        if (!authRetried && isTokenRefreshError(error.status, error.code)) {
          // A stale token: drop it and retry once without spending a retry.
          authRetried = true;
          this.tokens.invalidate(token);
          this.#logger.debug('auth error; refreshing the token and retrying once', {
            route: info.route,
            code: error.code,
            traceId: error.traceId,
          });
          continue;
        }
        if (error.kind === 'rate_limit') {
          // Hold the whole bucket, not just this request, for the (capped) server delay.
          const wait = computeRetryDelay(this.#policy, attempt, error.retryAfterMs);
          queue.block(wait);
          const event = this.#rateLimitInfo(request, path, info, wait, error.code);
          this.emit('rateLimited', event);
          if (event.rejected) throw new FinalError(error);
        }
        if (!error.retryable) throw new FinalError(error);
        failure = error;
        retryAfterMs = error.retryAfterMs;
      } catch (error) {
        if (error instanceof FinalError) throw error.error;
        if (!isRetryableTransportError(error, request.method)) throw error;
        // No connection at all: the request never reached the host, so another host may take it.
        if (error instanceof QQConnectionError && error.route === path && this.#hosts.fallBack(error.message)) {
          url = this.#url(path, request.query);
          continue;
        }
        failure = error;
      }
      if (attempt >= maxRetries) throw failure;
      const delayMs = Math.max(computeRetryDelay(this.#policy, attempt, retryAfterMs), queue.remainingBlockMs);
      attempt += 1;
      this.emit('retry', { method: request.method, path, attempt, delayMs, reason: failure.message });
      this.#logger.debug('retrying request', { route: info.route, attempt, delayMs, error: failure.name });
      await sleep(delayMs, request.signal, what);
    }
  }

  #url(path: string, query: RestRequest['query']): string {
    const url = `${this.apiBaseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
    if (!query) return url;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const qs = params.toString();
    return qs ? `${url}?${qs}` : url;
  }

  #init(request: RestRequest, token: string): RequestInit {
    const headers: Record<string, string> = {
      Authorization: `QQBot ${token}`,
      Accept: 'application/json',
      'User-Agent': this.#userAgent,
    };
    if (this.appId) headers['X-Union-Appid'] = this.appId;
    let body: RequestInit['body'];
    if (isFormData(request.body)) {
      body = request.body;
    } else if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    return body === undefined ? { method: request.method, headers } : { method: request.method, headers, body };
  }

  #apiError(request: RestRequest, path: string, result: HttpResult, token: string): QQApiError {
    const body = parseJson(result.text);
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const code = numberOf(record['code']) ?? numberOf(record['err_code']);
    const message = typeof record['message'] === 'string' ? record['message'] : undefined;
    const traceId = result.headers.get('x-tps-trace-id') ?? (typeof record['trace_id'] === 'string' ? record['trace_id'] : undefined);
    const retryAfterMs = parseRetryAfter(result.headers, this.#clock.now());
    const error = QQApiError.from({ status: result.status, code, platformMessage: message, traceId, method: request.method, route: path, body, retryAfterMs }, [
      token,
      this.#secret,
    ]);
    this.#logger.debug('platform error', { method: request.method, route: path, status: error.status, code, traceId });
    return error;
  }
}

/** Wraps an error that must leave the retry loop untouched. */
class FinalError {
  constructor(readonly error: Error) {}
}

function isRetryableTransportError(error: unknown, method: string): error is Error {
  if (error instanceof QQConnectionError) return true;
  // A timed-out write may have been delivered: only idempotent methods retry after a timeout.
  if (error instanceof QQTimeoutError) return IDEMPOTENT.has(method);
  // Errors from the token endpoint (5xx) surface here too.
  return error instanceof QQApiError && error.retryable;
}

function rateLimitedLocally(method: string, path: string, retryAfterMs: number): QQApiError {
  return QQApiError.from({
    status: 429,
    method,
    route: path,
    platformMessage: `not sent: this route is rate limited for another ${retryAfterMs} ms and rejectOnRateLimit is set`,
    retryAfterMs,
    kind: 'rate_limit',
  });
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseBody(result: HttpResult, logger: Logger, what: string): unknown {
  const body = parseJson(result.text);
  if (result.status === 201 || result.status === 202) {
    // Asynchronous success (e.g. 304023 "waiting for audit"): not a failure, but worth a trace.
    logger.debug('request accepted asynchronously', { what, status: result.status, traceId: result.headers.get('x-tps-trace-id') });
  }
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const traceId = result.headers.get('x-tps-trace-id');
    if (traceId) Object.defineProperty(body, TRACE_ID, { value: traceId, enumerable: false });
  }
  return body;
}

/**
 * The symbol under which a successful response object carries its `X-Tps-trace-ID` (not
 * enumerable, so it never shows up in JSON). Read it with {@link getTraceId}.
 */
export const TRACE_ID: unique symbol = Symbol.for('qq-sdk.traceId');

/**
 * The platform trace id of a successful response object returned by the REST client.
 *
 * @param response - A value returned by {@link RestClient.request} or a resource method.
 */
export function getTraceId(response: unknown): string | undefined {
  if (response === null || typeof response !== 'object') return undefined;
  const value = (response as { [TRACE_ID]?: unknown })[TRACE_ID];
  return typeof value === 'string' ? value : undefined;
}

// Touching the global `FormData` loads undici (~10 MB, ~14 ms on the first call); JSON bodies are
// the norm, so recognise multipart bodies by their tag instead.
function isFormData(body: unknown): body is FormData {
  return typeof body === 'object' && body !== null && Object.prototype.toString.call(body) === '[object FormData]';
}
