import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProxyFetch } from '../../src/rest/createProxyFetch.js';
import { RestClient } from '../../src/rest/RestClient.js';
import { TokenManager } from '../../src/auth/TokenManager.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const cert = readFileSync(join(fixtures, 'localhost-cert.pem'));
const key = readFileSync(join(fixtures, 'localhost-key.pem'));

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function listen(server: http.Server | https.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** A proxy that answers forward requests itself and tunnels CONNECT to the requested host. */
async function startProxy(): Promise<{ port: number; seen: string[]; auth: (string | undefined)[] }> {
  const seen: string[] = [];
  const auth: (string | undefined)[] = [];
  const proxy = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    auth.push(req.headers['proxy-authorization']);
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-tps-trace-id', 'via-proxy');
    res.end(JSON.stringify({ via: 'forward', url: req.url }));
  });
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    seen.push(`CONNECT ${req.url}`);
    auth.push(req.headers['proxy-authorization']);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  return { port: await listen(proxy), seen, auth };
}

describe('proxy', () => {
  it('sends plain-HTTP targets as forward-proxy requests with credentials', async () => {
    const proxy = await startProxy();
    const proxied = createProxyFetch(`http://bot:p%40ss@127.0.0.1:${proxy.port}`);
    const res = await proxied('http://simulator.local:8080/users/@me', { headers: { accept: 'application/json' } });
    expect(await res.json()).toEqual({ via: 'forward', url: 'http://simulator.local:8080/users/@me' });
    expect(proxy.auth[0]).toBe(`Basic ${Buffer.from('bot:p@ss').toString('base64')}`);
  });

  it('tunnels HTTPS REST and token traffic through CONNECT', async () => {
    const target = https.createServer({ cert, key }, (req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/app/getAppAccessToken') {
        res.end(JSON.stringify({ access_token: 'tunnelled', expires_in: 7200 }));
        return;
      }
      res.setHeader('x-tps-trace-id', 'tls-trace');
      res.end(JSON.stringify({ id: 'bot', auth: req.headers.authorization }));
    });
    const targetPort = await listen(target);
    const proxy = await startProxy();
    const fetchViaProxy = createProxyFetch(`http://127.0.0.1:${proxy.port}`, { ca: cert });
    const base = `https://localhost:${targetPort}`;
    const tokens = new TokenManager({ appId: '1', clientSecret: 'secret-value', tokenUrl: `${base}/app/getAppAccessToken`, fetch: fetchViaProxy });
    const rest = new RestClient({ token: tokens }, { apiBaseUrl: base, fetch: fetchViaProxy });
    const me = await rest.request<{ id: string; auth: string }>({ method: 'GET', path: '/users/@me' });
    expect(me).toEqual({ id: 'bot', auth: 'QQBot tunnelled' });
    expect(proxy.seen.every((line) => line === `CONNECT localhost:${targetPort}`)).toBe(true);
    expect(proxy.seen.length).toBeGreaterThanOrEqual(1);
  });

  it('reports a refused CONNECT as a connection error', async () => {
    const proxy = http.createServer();
    proxy.on('connect', (_req: http.IncomingMessage, client: net.Socket) => {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    const port = await listen(proxy);
    const rest = new RestClient({ token: TokenManager.fromSource(async () => 't') }, { proxy: `http://127.0.0.1:${port}`, maxRetries: 0 });
    await expect(rest.request({ method: 'GET', path: '/users/@me' })).rejects.toMatchObject({ name: 'QQConnectionError' });
  });
});
