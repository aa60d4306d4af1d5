import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';

/**
 * An `https.Agent` that reaches every TLS host through an HTTP(S) proxy with `CONNECT`, keeping
 * tunnels alive for reuse. Use it for the gateway WebSocket so REST, token and gateway traffic
 * all leave through the same allow-listed address:
 *
 * @example
 * ```ts
 * import WebSocket from 'ws';
 * const agent = createProxyAgent('http://10.0.0.1:3128');
 * const ws = new WebSocket('wss://api.bot.qq.com/websocket', { agent });
 * ```
 * @param proxyUrl - `http://[user:pass@]host:port` or `https://…` for a TLS proxy.
 * @param tlsOptions - Extra TLS options for the tunnelled connections, e.g. `ca` for a private CA.
 */
export function createProxyAgent(proxyUrl: string, tlsOptions: ProxyTlsOptions = {}): https.Agent {
  return new ProxyTunnelAgent(new URL(proxyUrl), tlsOptions);
}

/** TLS options for connections made through {@link createProxyAgent}. */
export interface ProxyTlsOptions {
  /** Trusted CA certificates (PEM) in addition to or instead of the defaults. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[] | undefined;
}

/** `Proxy-Authorization` for credentials embedded in the proxy URL, if any. @internal */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

class ProxyTunnelAgent extends https.Agent {
  readonly #proxy: URL;

  constructor(proxy: URL, tlsOptions: ProxyTlsOptions) {
    super(tlsOptions.ca === undefined ? { keepAlive: true } : { keepAlive: true, ca: tlsOptions.ca as string | Buffer | (string | Buffer)[] });
    this.#proxy = proxy;
  }

  override createConnection(options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const done = callback ?? (() => {});
    const host = options.hostname ?? options.host ?? 'localhost';
    const port = Number(options.port ?? 443);
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const proxy = this.#proxy;
    const headers: Record<string, string> = { Host: target };
    const auth = proxyAuthorization(proxy);
    if (auth) headers['Proxy-Authorization'] = auth;
    const request = (proxy.protocol === 'https:' ? https : http).request({
      host: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers,
      agent: false,
    });
    request.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        // The message names the proxy host only, never its credentials.
        done(new Error(`proxy ${proxy.host} refused CONNECT ${target} with HTTP ${response.statusCode}`), socket);
        return;
      }
      const tlsOptions = options as ConnectionOptions;
      // node:tls is loaded on the first tunnel: an ES-module import of it builds the list of root
      // certificates (~200 KB) in every process that imports qq-sdk, proxy or not.
      import('node:tls').then(
        (tls) => done(null, tls.connect({ ...tlsOptions, socket, servername: tlsOptions.servername ?? host })),
        (error: unknown) => {
          socket.destroy();
          done(error instanceof Error ? error : new Error(String(error)), socket);
        },
      );
    });
    request.once('error', (error) => done(error, request.socket ?? (undefined as unknown as Duplex)));
    request.end();
    return undefined;
  }
}
