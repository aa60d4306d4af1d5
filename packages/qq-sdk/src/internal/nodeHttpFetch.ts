import http from 'node:http';
import https from 'node:https';
import type { FetchLike } from '../rest/fetchWithTimeout.js';

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
 * redirect API calls); the status is returned as is.
 */
export function createNodeHttpFetch(): NodeHttpFetch {
  // Idle keep-alive sockets are unref'd by the agents, so they never hold the process open.
  const agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
  const fetchImpl: FetchLike = (input, init = {}) => {
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      return fetch(input, init);
    }
    const url = typeof input === 'string' ? new URL(input) : input;
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') return fetch(input, init);
    return new Promise<Response>((resolve, reject) => {
      const headers = toHeaderRecord(init.headers);
      if (body !== undefined && body !== null) headers['content-length'] = String(Buffer.byteLength(body));
      const options: http.RequestOptions = {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? agents.https : agents.http,
        ...(init.signal ? { signal: init.signal } : {}),
      };
      const request = (secure ? https : http).request(url, options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          // A Response cannot carry a body with these statuses.
          const empty = status === 204 || status === 205 || status === 304 || options.method === 'HEAD';
          try {
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status, statusText: response.statusMessage ?? '', headers: responseHeaders }));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      });
      request.on('error', reject);
      request.end(body ?? undefined);
    });
  };
  return {
    fetch: fetchImpl,
    destroy: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function toHeaderRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined) return record;
  if (headers instanceof Headers || Array.isArray(headers)) {
    for (const [name, value] of new Headers(headers)) record[name] = value;
    return record;
  }
  for (const [name, value] of Object.entries(headers)) record[name] = typeof value === 'string' ? value : value.join(', ');
  return record;
}
