import http from 'node:http';
import https from 'node:https';
import { createProxyAgent, proxyAuthorization, type ProxyTlsOptions } from './createProxyAgent.js';
import type { FetchLike } from './fetchWithTimeout.js';

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * A `fetch` that sends every request through an HTTP(S) proxy: HTTPS targets through a `CONNECT`
 * tunnel ({@link createProxyAgent}), plain-HTTP targets (a local simulator) as a forward-proxy
 * request. Node 20's global fetch cannot take a proxy, so the REST client and token manager use
 * this when the `proxy` option is set.
 *
 * @param proxyUrl - `http://[user:pass@]host:port`.
 * @param tlsOptions - Extra TLS options for HTTPS targets, e.g. `ca`.
 *
 * @example
 * ```ts
 * const tokens = new TokenManager({ appId, clientSecret, fetch: createProxyFetch('http://egress.internal:3128') });
 * ```
 */
export function createProxyFetch(proxyUrl: string, tlsOptions: ProxyTlsOptions = {}): FetchLike {
  const proxy = new URL(proxyUrl);
  const agent = createProxyAgent(proxyUrl, tlsOptions);
  return async (input, init) => {
    // Let the platform's Request encode the body (JSON string, FormData multipart) and headers.
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (body) headers['content-length'] = String(body.length);
    const url = new URL(request.url);
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      let outgoing: http.ClientRequest;
      if (url.protocol === 'https:') {
        outgoing = https.request(url, { method: request.method, headers, agent });
      } else {
        const auth = proxyAuthorization(proxy);
        if (auth) headers['proxy-authorization'] = auth;
        outgoing = (proxy.protocol === 'https:' ? https : http).request({
          host: proxy.hostname,
          port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
          method: request.method,
          path: url.href,
          headers: { ...headers, host: url.host },
        });
      }
      const onAbort = (): void => {
        outgoing.destroy();
        reject(signal?.reason ?? new Error('aborted'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      outgoing.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
      outgoing.once('response', (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.once('error', reject);
        incoming.once('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = incoming.statusCode ?? 502;
          resolve(new Response(NO_BODY_STATUS.has(status) ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
      });
      outgoing.end(body);
    });
  };
}
