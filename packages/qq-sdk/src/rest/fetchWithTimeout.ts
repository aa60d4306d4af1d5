import { QQAbortError } from '../errors/QQAbortError.js';
import { QQConnectionError } from '../errors/QQConnectionError.js';
import { QQTimeoutError } from '../errors/QQTimeoutError.js';
import { sleep as waitFor } from '../internal/sleep.js';

/** A `fetch`-compatible function; injected for tests and proxies. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** A completed HTTP exchange: status, headers and the body as text. @internal */
export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** What an exchange is for: names for its errors, its timeout and the caller's signal. @internal */
export interface ExchangeMeta {
  readonly method: string;
  readonly route: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * A whole HTTP exchange done by a transport itself, with the same contract as
 * {@link fetchWithTimeout}: the body read under the timeout and the same typed errors.
 *
 * @internal
 */
export type DirectExchange = (url: string, init: RequestInit, meta: ExchangeMeta) => Promise<HttpResult>;

/**
 * Where a {@link FetchLike} keeps its {@link DirectExchange}, if it has one. The SDK's `node:http`
 * transport does: it skips a `Response`, an `AbortController` and a signal listener per call, which
 * were a tenth of a reply's CPU (bench/, docs/benchmarks.md).
 *
 * @internal
 */
export const directExchange: unique symbol = Symbol('qq-sdk.directExchange');

/**
 * Runs one HTTP exchange: through the fetch's own {@link DirectExchange} when it has one, otherwise
 * with {@link exchangeOverFetch}.
 *
 * @internal
 */
export function fetchWithTimeout(fetchFn: FetchLike, url: string, init: RequestInit, meta: ExchangeMeta): Promise<HttpResult> {
  const direct = (fetchFn as { [directExchange]?: DirectExchange })[directExchange];
  return direct !== undefined ? direct(url, init, meta) : exchangeOverFetch(fetchFn, url, init, meta);
}

/**
 * Runs one fetch under its own AbortController: the caller's signal is forwarded into it (never
 * reused), a timeout aborts it as a {@link QQTimeoutError}, a caller abort becomes a
 * {@link QQAbortError}, anything else a {@link QQConnectionError}. The timer is always cleared.
 *
 * @internal
 */
export async function exchangeOverFetch(fetchFn: FetchLike, url: string, init: RequestInit, meta: ExchangeMeta): Promise<HttpResult> {
  const { method, route, timeoutMs, signal } = meta;
  if (signal?.aborted) throw new QQAbortError(`${method} ${route}`, { cause: signal.reason });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    // Read the body under the same timer so a stalled body cannot hang the call.
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (timedOut) throw new QQTimeoutError(method, route, timeoutMs);
    if (signal?.aborted) throw new QQAbortError(`${method} ${route}`, { cause: signal.reason });
    throw new QQConnectionError(method, route, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Resolves after `ms`, or rejects with a {@link QQAbortError} as soon as `signal` aborts.
 *
 * @internal
 */
export function sleep(ms: number, signal?: AbortSignal, what = 'wait'): Promise<void> {
  return waitFor(ms, { signal, abortError: (cause) => new QQAbortError(what, { cause }) });
}
