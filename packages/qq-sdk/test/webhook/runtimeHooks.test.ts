import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createWebhookHandler } from '../../src/webhook/createWebhookHandler.js';
import { createWebhookServer } from '../../src/webhook/createWebhookServer.js';
import { honoWebhook } from '../../src/webhook/honoWebhook.js';
import { WebhookReceiver } from '../../src/webhook/WebhookReceiver.js';
import { APP_ID, SECRET, dispatchBody, fixedClock, recordingSink, signedHeaders, waitFor } from './helpers.js';

function signedRequest(id: string): Request {
  const body = dispatchBody(id);
  return new Request('http://127.0.0.1/qq', { method: 'POST', headers: signedHeaders(body), body });
}

describe('runtime hooks', () => {
  it('hands the background dispatch to waitUntil (Workers-style runtimes)', async () => {
    const recorded = recordingSink();
    const handler = createWebhookHandler({ appId: APP_ID, secret: SECRET, dispatcher: recorded.sink, clock: fixedClock });
    const kept: Promise<unknown>[] = [];
    const response = await handler(signedRequest('wait-1'), { waitUntil: (promise) => void kept.push(promise) });
    expect(response.status).toBe(200);
    expect(kept).toHaveLength(1);
    await kept[0];
    expect(recorded.envelopes.map((e) => e.id)).toEqual(['wait-1']);
  });

  it("uses Hono's executionCtx when present and survives the getter throwing elsewhere", async () => {
    const recorded = recordingSink();
    const handler = honoWebhook({ appId: APP_ID, secret: SECRET, dispatcher: recorded.sink, clock: fixedClock });
    const kept: Promise<unknown>[] = [];
    const withCtx = { req: { raw: signedRequest('hono-1') }, executionCtx: { waitUntil: (p: Promise<unknown>) => void kept.push(p) } };
    expect((await handler(withCtx)).status).toBe(200);
    expect(kept).toHaveLength(1);
    const throwing = {
      req: { raw: signedRequest('hono-2') },
      get executionCtx(): never {
        throw new Error('This context has no ExecutionContext');
      },
    };
    expect((await handler(throwing)).status).toBe(200);
    await waitFor(() => recorded.envelopes.length === 2);
  });

  it('refuses a streamed fetch body over the limit without buffering it all', async () => {
    const handler = createWebhookHandler({ secret: SECRET, dispatcher: () => {}, maxBodyBytes: 1024 });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(new Uint8Array(512));
      },
    });
    const request = new Request('http://127.0.0.1/qq', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await handler(request)).status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it('survives a client that disconnects mid-body, dispatching nothing', async () => {
    const recorded = recordingSink();
    const receiver = new WebhookReceiver({ secret: SECRET, dispatcher: recorded.sink, logLevel: 'silent' });
    const webhook = createWebhookServer(receiver);
    const { port } = await webhook.listen();
    try {
      const body = dispatchBody('cut');
      const headers = signedHeaders(body, { timestamp: String(Math.floor(Date.now() / 1000)) });
      const requested = new Promise((resolve) => webhook.server.once('request', resolve));
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      const head = Object.entries({ ...headers, 'content-length': String(body.length) })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n');
      socket.write(`POST / HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}\r\n\r\n${body.slice(0, 20)}`);
      // The server has the request and part of the body when the client goes away.
      await requested;
      socket.destroy();
      await new Promise((resolve) => socket.once('close', resolve));
      // The server is still healthy: a complete request goes through afterwards.
      const ok = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers, body });
      expect(ok.status).toBe(200);
      await receiver.idle();
      expect(recorded.envelopes.map((e) => e.id)).toEqual(['cut']);
      expect(receiver.stats.received).toBe(1);
    } finally {
      await webhook.close();
    }
  });
});
