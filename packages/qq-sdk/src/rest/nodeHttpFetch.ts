import http from 'node:http';
import https from 'node:https';
import { QQAbortError } from '../errors/QQAbortError.js';
import { QQConnectionError } from '../errors/QQConnectionError.js';
import { QQTimeoutError } from '../errors/QQTimeoutError.js';
import { directExchange, exchangeOverFetch, type DirectExchange, type FetchLike, type HttpResult } from './fetchWithTimeout.js';

/** A {@link FetchLike} on `node:http`, and a way to drop its idle keep-alive sockets. Internal. */
export interface NodeHttpFetch {
  readonly fetch: FetchLike;
  /** Closes the pooled sockets (new requests open new ones). */
  destroy(): void;
}

/**
 * A fetch for the SDK's own JSON calls, on `node:http` / `node:https` keep-alive agents. Measured
 * in bench/ (docs/benchmarks.md): the global fetch (undici) costs about twice the CPU per REST call
 * of a plain `http.request` and tens of MB of peak RSS (web streams, Request/Headers objects, the
 * WASM HTTP parser), which dominates a bot that replies to every message.
 *
 * Only what the SDK sends goes through it: string or byte bodies. Any other body (FormData uploads,
 * streams) is handed to the global fetch. Redirects are not followed (the platform does not
 * redirect API calls); the status is returned as is. The response offers what the SDK reads
 * (status, headers, text, json, arrayBuffer); it has no body stream.
 *
 * The fetch also carries a {@link DirectExchange} (under {@link directExchange}) that the REST client
 * and token manager run instead: one timer for the timeout, and a signal listener only when the
 * caller gave a signal, with no `Response` or `AbortController` per call.
 */
export function createNodeHttpFetch(): NodeHttpFetch {
  // Idle keep-alive sockets are unref'd by the agents, so they never hold the process open.
  const agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
  /** Starts the request on the right agent; the body must be one {@link carries} accepts. */
  const open = (url: string, init: RequestInit, onResponse: (response: http.IncomingMessage) => void, signal?: AbortSignal): http.ClientRequest => {
    const secure = url.startsWith('https:');
    const headers = toHeaderRecord(init.headers);
    const body = init.body as string | Uint8Array | null | undefined;
    if (body !== undefined && body !== null) headers['content-length'] = String(Buffer.byteLength(body));
    const options: http.RequestOptions = { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http };
    if (signal !== undefined) options.signal = signal;
    const request = (secure ? https : http).request(url, options, onResponse);
    request.end(body ?? undefined);
    return request;
  };
  const fetchImpl: FetchLike = (input, init = {}) => {
    const url = String(input);
    if (!carries(url, init.body)) return fetch(input, init);
    return new Promise<Response>((resolve, reject) => {
      const method = init.method ?? 'GET';
      const request = open(
        url,
        init,
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve(new NodeHttpResponse(response, hasBody(method, response) ? Buffer.concat(chunks) : Buffer.alloc(0)) as unknown as Response),
          );
        },
        init.signal ?? undefined,
      );
      request.on('error', reject);
    });
  };
  const exchange: DirectExchange = (url, init, meta) => {
    if (!carries(url, init.body)) return exchangeOverFetch(fetchImpl, url, init, meta);
    const { method, route, timeoutMs, signal } = meta;
    if (signal?.aborted) return Promise.reject(new QQAbortError(`${method} ${route}`, { cause: signal.reason }));
    return new Promise<HttpResult>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const fail = (error: Error): void => {
        if (!settle()) return;
        reject(error);
        request.destroy();
      };
      // 'close' also follows every complete response: build the error only when still unsettled.
      const lost = (cause?: unknown): void => {
        if (!settled) fail(new QQConnectionError(method, route, { cause: cause ?? new Error('the connection closed before the response ended') }));
      };
      // One timer covers the whole exchange, body included, so a stalled body cannot hang the call.
      const timer = setTimeout(() => fail(new QQTimeoutError(method, route, timeoutMs)), timeoutMs);
      const onAbort = (): void => fail(new QQAbortError(`${method} ${route}`, { cause: signal?.reason }));
      signal?.addEventListener('abort', onAbort, { once: true });
      const request = open(url, init, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', lost);
        response.on('close', lost);
        response.on('end', () => {
          if (!settle()) return;
          const text = !hasBody(method, response) ? '' : chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: new NodeHttpHeaders(response.headers) as unknown as Headers, text });
        });
      });
      request.on('error', lost);
    });
  };
  Object.defineProperty(fetchImpl, directExchange, { value: exchange });
  return {
    fetch: fetchImpl,
    destroy: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** Whether this transport carries the call itself: plain http(s) with a string or byte body. */
function carries(url: string, body: RequestInit['body']): boolean {
  if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) return false;
  return url.startsWith('http:') || url.startsWith('https:');
}

function hasBody(method: string, response: http.IncomingMessage): boolean {
  return method !== 'HEAD' && !NULL_BODY_STATUSES.has(response.statusCode ?? 0);
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The part of `Response` the SDK reads (status, headers, text/json/arrayBuffer), without undici's
 * Response and its body stream: building one per call was a large share of a reply's CPU.
 */
class NodeHttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url = '';
  readonly redirected = false;
  readonly type = 'basic';
  bodyUsed = false;
  readonly #raw: http.IncomingHttpHeaders;
  readonly #body: Buffer;
  #headers: Headers | undefined;

  constructor(response: http.IncomingMessage, body: Buffer) {
    this.status = response.statusCode ?? 0;
    this.statusText = response.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.#raw = response.headers;
    this.#body = body;
  }

  get headers(): Headers {
    this.#headers ??= new NodeHttpHeaders(this.#raw) as unknown as Headers;
    return this.#headers;
  }

  text(): Promise<string> {
    this.bodyUsed = true;
    return Promise.resolve(this.#body.toString('utf8'));
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const { buffer, byteOffset, byteLength } = this.#body;
    return Promise.resolve(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer);
  }
}

/**
 * The read side of `Headers` (names are case-insensitive) over Node's parsed headers. Touching the
 * global `Headers` would load undici (~20 ms and ~10 MB the first time), which this transport
 * exists to avoid.
 */
class NodeHttpHeaders {
  readonly #raw: http.IncomingHttpHeaders;

  constructor(raw: http.IncomingHttpHeaders) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.#raw[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) callback(value, name);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.#raw).sort()) yield [name, this.get(name) ?? ''];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

function toHeaderRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined) return record;
  if (Array.isArray(headers)) {
    for (const [name, value] of headers) if (name !== undefined && value !== undefined) record[name] = value;
    return record;
  }
  // A Headers instance, recognised without touching the global (see NodeHttpHeaders).
  if (typeof (headers as { forEach?: unknown }).forEach === 'function') {
    (headers as Headers).forEach((value, name) => (record[name] = value));
    return record;
  }
  for (const [name, value] of Object.entries(headers)) record[name] = typeof value === 'string' ? value : value.join(', ');
  return record;
}
