import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QQAbortError } from '../../src/errors/QQAbortError.js';
import { QQConnectionError } from '../../src/errors/QQConnectionError.js';
import { QQTimeoutError } from '../../src/errors/QQTimeoutError.js';
import { directExchange, fetchWithTimeout } from '../../src/rest/fetchWithTimeout.js';
import { createNodeHttpFetch, type NodeHttpFetch } from '../../src/rest/nodeHttpFetch.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let connections = 0;
const seen: Seen[] = [];
let respond: (req: IncomingMessage, res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      respond(req, res);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let transport: NodeHttpFetch;
afterEach(() => {
  transport.destroy();
  seen.length = 0;
  connections = 0;
});

describe('createNodeHttpFetch', () => {
  it('sends method, headers and a JSON body, and returns status, headers and body', async () => {
    transport = createNodeHttpFetch();
    respond = (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-tps-trace-id': 'trace-1' });
      res.end('{"id":"m1"}');
    };
    const response = await transport.fetch(`${base}/v2/groups/G1/messages`, {
      method: 'POST',
      headers: { Authorization: 'QQBot t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: '你好', msg_type: 0 }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-tps-trace-id')).toBe('trace-1');
    expect(response.headers.get('X-Tps-Trace-Id')).toBe('trace-1');
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.has('content-type')).toBe(true);
    expect(await response.text()).toBe('{"id":"m1"}');
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v2/groups/G1/messages', body: '{"content":"你好","msg_type":0}' });
    expect(seen[0]?.headers['authorization']).toBe('QQBot t');
    expect(seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength('{"content":"你好","msg_type":0}')));
  });

  it('accepts headers as a Headers instance or as pairs', async () => {
    transport = createNodeHttpFetch();
    respond = (_req, res) => res.end('{}');
    await (await transport.fetch(`${base}/a`, { headers: new Headers({ 'X-Union-Appid': '102000000' }) })).text();
    await (await transport.fetch(`${base}/b`, { headers: [['x-union-appid', '102000001']] })).text();
    expect(seen.map((s) => s.headers['x-union-appid'])).toEqual(['102000000', '102000001']);
  });

  it('reuses one keep-alive connection for sequential calls', async () => {
    transport = createNodeHttpFetch();
    respond = (_req, res) => res.end('{}');
    for (let i = 0; i < 5; i++) await (await transport.fetch(`${base}/gateway`)).text();
    expect(seen).toHaveLength(5);
    expect(connections).toBe(1);
  });

  it('returns an empty body for 204 and the status of errors as is', async () => {
    transport = createNodeHttpFetch();
    respond = (req, res) => {
      res.statusCode = req.url === '/empty' ? 204 : 404;
      res.end(req.url === '/empty' ? undefined : '{"code":11241}');
    };
    const empty = await transport.fetch(`${base}/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const missing = await transport.fetch(`${base}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 11241 });
  });

  it('rejects when the signal aborts', async () => {
    transport = createNodeHttpFetch();
    respond = () => {}; // never answers
    const controller = new AbortController();
    const pending = transport.fetch(`${base}/slow`, { signal: controller.signal });
    await expect.poll(() => seen.length, { timeout: 2000 }).toBe(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('hands FormData bodies to the global fetch', async () => {
    transport = createNodeHttpFetch();
    respond = (_req, res) => res.end('{}');
    const form = new FormData();
    form.set('file_type', '1');
    const response = await transport.fetch(`${base}/upload`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.body).toContain('name="file_type"');
  });
});

describe('createNodeHttpFetch: the direct exchange the REST client uses', () => {
  const meta = (extra: { timeoutMs?: number; signal?: AbortSignal } = {}) => ({ method: 'POST', route: '/v2/groups/G1/messages', timeoutMs: 2000, ...extra });

  it('is what fetchWithTimeout runs, and returns status, headers and the body as text', async () => {
    transport = createNodeHttpFetch();
    expect(typeof (transport.fetch as unknown as Record<symbol, unknown>)[directExchange]).toBe('function');
    respond = (_req, res) => {
      res.writeHead(200, { 'x-tps-trace-id': 'trace-2' });
      res.write('{"id":');
      setTimeout(() => res.end('"m2"}'), 20);
    };
    const result = await fetchWithTimeout(
      transport.fetch,
      `${base}/v2/groups/G1/messages`,
      { method: 'POST', headers: { Authorization: 'QQBot t' }, body: '{"content":"pong"}' },
      meta(),
    );
    expect(result.status).toBe(200);
    expect(result.headers.get('X-Tps-Trace-Id')).toBe('trace-2');
    expect(result.text).toBe('{"id":"m2"}');
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"content":"pong"}' });
    expect(seen[0]?.headers['content-length']).toBe('18');
  });

  it('times out a stalled body as QQTimeoutError and drops the socket', async () => {
    transport = createNodeHttpFetch();
    let closed = false;
    respond = (req, res) => {
      res.writeHead(200);
      res.write('{"id":'); // never ends
      req.socket.on('close', () => (closed = true));
    };
    const pending = fetchWithTimeout(transport.fetch, `${base}/slow-body`, { method: 'POST', body: '{}' }, meta({ timeoutMs: 150 }));
    await expect(pending).rejects.toBeInstanceOf(QQTimeoutError);
    await expect.poll(() => closed, { timeout: 2000 }).toBe(true);
  });

  it("turns the caller's abort into QQAbortError, and refuses at once when the signal has already aborted", async () => {
    transport = createNodeHttpFetch();
    respond = () => {}; // never answers
    const controller = new AbortController();
    const pending = fetchWithTimeout(transport.fetch, `${base}/never`, { method: 'POST', body: '{}' }, meta({ signal: controller.signal }));
    await expect.poll(() => seen.length, { timeout: 2000 }).toBe(1);
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toBeInstanceOf(QQAbortError);
    const before = seen.length;
    await expect(
      fetchWithTimeout(transport.fetch, `${base}/never`, { method: 'POST', body: '{}' }, meta({ signal: controller.signal })),
    ).rejects.toBeInstanceOf(QQAbortError);
    expect(seen.length).toBe(before);
  });

  it('reports a refused connection and a response cut short as QQConnectionError', async () => {
    transport = createNodeHttpFetch();
    const closedServer = createServer();
    await new Promise<void>((resolve) => closedServer.listen(0, '127.0.0.1', resolve));
    const deadPort = (closedServer.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closedServer.close(() => resolve()));
    await expect(fetchWithTimeout(transport.fetch, `http://127.0.0.1:${deadPort}/x`, { method: 'GET' }, meta())).rejects.toBeInstanceOf(QQConnectionError);

    respond = (req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"id":');
      setTimeout(() => req.socket.destroy(), 20);
    };
    await expect(fetchWithTimeout(transport.fetch, `${base}/cut`, { method: 'GET' }, meta())).rejects.toBeInstanceOf(QQConnectionError);
  });

  it('hands a FormData upload to the global fetch under the same contract', async () => {
    transport = createNodeHttpFetch();
    respond = (_req, res) => res.end('{"file_info":"f"}');
    const form = new FormData();
    form.set('file_type', '1');
    const result = await fetchWithTimeout(transport.fetch, `${base}/upload`, { method: 'POST', body: form }, meta());
    expect(result).toMatchObject({ status: 200, text: '{"file_info":"f"}' });
    expect(seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });
});
