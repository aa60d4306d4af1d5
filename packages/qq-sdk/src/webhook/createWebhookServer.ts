import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeWebhookHandler } from './createNodeWebhookHandler.js';
import { WebhookReceiver, type WebhookHandlerOptions } from './WebhookReceiver.js';
import { toReceiver } from './toReceiver.js';

/** Where a {@link WebhookServer} listens. */
export interface WebhookListenOptions {
  /** TCP port; 0 picks a free one. The platform only calls ports 80, 443, 8080 and 8443 (usually via a proxy). @defaultValue 0 */
  readonly port?: number;
  /** Interface to bind. @defaultValue '127.0.0.1' */
  readonly host?: string;
}

/** Where {@link createWebhookServer} serves callbacks (and, with a shared receiver, its limits). */
export interface WebhookPathOptions extends WebhookServerLimits {
  /** The callback path; other paths get 404. @defaultValue '/' */
  readonly path?: string;
}

import { DefaultWebhookServerLimits, type WebhookServerLimits } from './WebhookServerLimits.js';

export { DefaultWebhookServerLimits, type WebhookServerLimits };

/** Options of {@link createWebhookServer}: the bot(s), the common options, the path and the limits. */
export type WebhookServerOptions = WebhookHandlerOptions & WebhookPathOptions & WebhookServerLimits;

/** A running (or ready to run) node:http server for QQ callbacks. */
export interface WebhookServer {
  /** The underlying server, for tuning timeouts or attaching to a TLS terminator. */
  readonly server: Server;
  /** The receiver, for its counters and {@link WebhookReceiver.idle}. */
  readonly receiver: WebhookReceiver;
  /**
   * Starts listening.
   *
   * @returns The callback URL (`http://host:port/path`) and the bound port.
   */
  listen(options?: WebhookListenOptions): Promise<{ url: string; port: number }>;
  /** Stops accepting connections, closes idle and open sockets, and resolves once closed. */
  close(): Promise<void>;
}

/**
 * Creates a `node:http` server that serves QQ callbacks on one path. The platform needs HTTPS:
 * put the server behind a TLS-terminating proxy, or pass `server` to your own `https` setup via
 * {@link createNodeWebhookHandler}.
 *
 * @param source - The bot(s), the common options and the path; or a {@link WebhookReceiver} to share
 *   (then give the path in `options`).
 * @param options - The path, when `source` is a receiver (it overrides `source.path` otherwise).
 * @returns The server; call `listen()` to start it.
 *
 * @example
 * ```ts
 * const webhook = createWebhookServer({ appId, clientSecret, dispatcher, path: '/qq/callback' });
 * const { url } = await webhook.listen({ port: 8080, host: '0.0.0.0' });
 * // or share a receiver: createWebhookServer(receiver, { path: '/qq/callback' })
 * ```
 */
export function createWebhookServer(source: WebhookReceiver | WebhookServerOptions, options: WebhookPathOptions = {}): WebhookServer {
  const path = options.path ?? (source instanceof WebhookReceiver ? undefined : source.path) ?? '/';
  const limits = { ...DefaultWebhookServerLimits, ...definedLimits(source instanceof WebhookReceiver ? {} : source), ...definedLimits(options) };
  const receiver = toReceiver(source);
  const handler = createNodeWebhookHandler(receiver);
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== path) {
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found', message: `QQ callbacks are served on ${path}.` }));
      return;
    }
    handler(req, res);
  };
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks these timeouts every 30 s by default: far too late for a limit of seconds.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(shortest / 4))),
    },
    serve,
  );
  server.maxConnections = limits.maxConnections;
  return {
    server,
    receiver,
    listen: ({ port = 0, host = '127.0.0.1' } = {}) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const bound = (server.address() as AddressInfo).port;
          const shownHost = host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${shownHost}:${bound}${path}`, port: bound });
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function definedLimits(options: WebhookServerLimits): WebhookServerLimits {
  const out: { -readonly [K in keyof WebhookServerLimits]: WebhookServerLimits[K] } = {};
  for (const key of Object.keys(DefaultWebhookServerLimits) as (keyof WebhookServerLimits)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
