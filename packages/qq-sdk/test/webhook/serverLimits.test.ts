import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookServer, DefaultWebhookServerLimits, type WebhookServer } from '../../src/webhook/index.js';
import { APP_ID, dispatchBody, fixedClock, recordingSink, SECRET, signedHeaders } from './helpers.js';

let webhook: WebhookServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await webhook?.close();
  webhook = undefined;
});

/** A client that sends the start of a request, then one more byte every 100 ms, forever. */
function trickle(port: number, head: string): { socket: Socket; closed: Promise<number> } {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const started = performance.now();
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write('x');
  }, 100);
  socket.on('error', () => {});
  socket.on('data', () => {});
  socket.write(head);
  const closed = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(performance.now() - started);
    }),
  );
  return { socket, closed };
}

describe('createWebhookServer limits', () => {
  it('has production defaults: seconds, not Node’s minutes, and a connection cap', () => {
    expect(DefaultWebhookServerLimits).toEqual({ headersTimeoutMs: 5000, requestTimeoutMs: 10_000, keepAliveTimeoutMs: 5000, maxConnections: 1024 });
    webhook = createWebhookServer({ appId: APP_ID, secret: SECRET, dispatcher: recordingSink().sink });
    expect(webhook.server.headersTimeout).toBe(5000);
    expect(webhook.server.requestTimeout).toBe(10_000);
    expect(webhook.server.keepAliveTimeout).toBe(5000);
    expect(webhook.server.maxConnections).toBe(1024);
  });

  it('drops 200 trickling clients within the configured timeouts while valid callbacks are answered before any of them is dropped', async () => {
    const { envelopes, sink } = recordingSink();
    webhook = createWebhookServer({
      appId: APP_ID,
      secret: SECRET,
      dispatcher: sink,
      clock: fixedClock,
      headersTimeoutMs: 600,
      requestTimeoutMs: 1200,
    });
    const { url, port } = await webhook.listen();
    // The process's first fetch() loads undici: not the server's latency, so it is not measured.
    const warmUp = dispatchBody('C2C_MESSAGE_CREATE:warm-up');
    expect((await fetch(url, { method: 'POST', headers: signedHeaders(warmUp), body: warmUp })).status).toBe(200);
    // 100 never finish their headers; 100 send headers and then trickle a body they never finish.
    const slow = [
      ...Array.from({ length: 100 }, () => trickle(port, 'POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ')),
      ...Array.from({ length: 100 }, () => trickle(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{')),
    ];
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const body = dispatchBody(`C2C_MESSAGE_CREATE:${i}`);
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: signedHeaders(body), body });
      latencies.push(performance.now() - started);
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const closedAfter = await Promise.all(slow.map((client) => client.closed));

    // Not a speed measurement (bench/ has those): valid callbacks are not queued behind the slow
    // clients, so each is answered well before the 600 ms headers timeout drops the first of them.
    expect(Math.max(...latencies)).toBeLessThan(400);
    expect(envelopes).toHaveLength(11);
    // Headers timeout 600 ms, request timeout 1200 ms, checked every 150 ms.
    expect(Math.max(...closedAfter.slice(0, 100))).toBeLessThan(1500);
    expect(Math.max(...closedAfter.slice(100))).toBeLessThan(2000);
  }, 15_000);

  it('closes connections beyond maxConnections as they arrive', async () => {
    webhook = createWebhookServer({ appId: APP_ID, secret: SECRET, dispatcher: recordingSink().sink, maxConnections: 5 });
    const { port } = await webhook.listen();
    const clients = Array.from({ length: 8 }, () => trickle(port, 'POST / HTTP/1.1\r\nHost: x\r\n'));
    const quick = await Promise.all(
      clients.map((client) => Promise.race([client.closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 400))])),
    );
    expect(quick.filter((ms) => ms >= 0)).toHaveLength(3);
  });
});
