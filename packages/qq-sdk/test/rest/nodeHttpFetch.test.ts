import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
