import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostHttpRoute } from '../../src/index.js';

/**
 * A stand-in for the OpenClaw gateway's HTTP server: `registerHttpRoute` as the host offers it to
 * plugins (exact and prefix routes, first match wins, the handler owns the response), served on
 * 127.0.0.1. Unclaimed paths get 404, as on the gateway. Like the gateway (2026.9), each request's
 * handler runs under a work admission that ends with the response: work started in that async
 * context afterwards is refused (`refusesLateWork`).
 */
export interface FakeGatewayHttp {
  /** What the plugin registered. */
  readonly routes: HostHttpRoute[];
  /** `api.registerHttpRoute`. */
  registerHttpRoute(route: HostHttpRoute): void;
  /** The base URL, e.g. `http://127.0.0.1:43210`. */
  readonly url: string;
  /** Throws as the gateway does when called in the context of a request that has been answered. */
  refusesLateWork(): void;
  close(): Promise<void>;
}

export async function startFakeGatewayHttp(): Promise<FakeGatewayHttp> {
  const routes: HostHttpRoute[] = [];
  const admission = new AsyncLocalStorage<{ released: boolean }>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    const route = routes.find((r) => ((r.match ?? 'exact') === 'exact' ? r.path === path : path === r.path || path.startsWith(`${r.path}/`)));
    if (route === undefined) {
      res.writeHead(404).end('Not Found');
      return;
    }
    const admitted = { released: false };
    res.once('finish', () => (admitted.released = true));
    void admission.run(admitted, () =>
      Promise.resolve(route.handler(req, res)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    routes,
    registerHttpRoute: (route) => void routes.push(route),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refusesLateWork: () => {
      if (admission.getStore()?.released === true) throw new Error('GatewayDrainingError: Gateway is draining; new tasks are not accepted');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
