import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookHandlerOptions } from '../../src/webhook/WebhookReceiver.js';
import type { DispatchEnvelope } from '../../src/events/DispatchEnvelope.js';
import { APP_ID, OTHER_SECRET, SECRET, dispatchBody, signedHeaders, waitFor } from './helpers.js';

/** A server under test: its callback URL and how to stop it. */
export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

export type StartServer = (options: WebhookHandlerOptions) => Promise<StartedServer>;

const KAT2_SIGNATURE = '87befc99c42c651b3aac0278e71ada338433ae26fcb24307bdc5ad38c1adc2d01bcfcadc0842edac85e85205028a1132afe09280305f13aa6909ffc2d652c706';

/** POSTs with node:http so a server that answers before reading the whole body is observed as is. */
export function rawPost(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
  options: { chunked?: boolean } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(5000, () => req.destroy(new Error('request timed out')));
    // The server may cut the connection after answering 413; the response has already been read.
    req.on('error', (error) => (req.destroyed && (error as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(error)));
    if (options.chunked) {
      const data = Buffer.from(body);
      const step = 16 * 1024;
      for (let i = 0; i < data.length; i += step) req.write(data.subarray(i, i + step));
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** The behaviour every adapter must show over real HTTP on 127.0.0.1. */
export function adapterSuite(name: string, start: StartServer): void {
  describe(`${name} adapter over HTTP`, () => {
    let server: StartedServer | undefined;
    const envelopes: DispatchEnvelope[] = [];

    afterEach(async () => {
      await server?.close();
      server = undefined;
      envelopes.length = 0;
    });

    const boot = async (extra: Partial<WebhookHandlerOptions> = {}): Promise<string> => {
      server = await start({
        appId: APP_ID,
        secret: SECRET,
        additionalSecrets: [OTHER_SECRET],
        dispatcher: (envelope) => void envelopes.push(envelope),
        maxBodyBytes: 64 * 1024,
        logLevel: 'silent',
        ...extra,
      } as WebhookHandlerOptions);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      return server.url;
    };

    it('acknowledges a signed dispatch with op 12 and dispatches it', async () => {
      const url = await boot();
      const body = dispatchBody(`${name}-ok`);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(url, { method: 'POST', headers: signedHeaders(body, { timestamp }), body });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ op: 12 });
      await waitFor(() => envelopes.length === 1);
      expect(envelopes[0]?.id).toBe(`${name}-ok`);
    });

    it('refuses a tampered body with 401 and dispatches nothing', async () => {
      const url = await boot();
      const body = dispatchBody(`${name}-tampered`);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(url, {
        method: 'POST',
        headers: signedHeaders(body, { timestamp }),
        body: body.replace('你好', '你坏'),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'invalid_signature' });
      const follow = dispatchBody(`${name}-after`);
      await fetch(url, { method: 'POST', headers: signedHeaders(follow, { timestamp }), body: follow });
      await waitFor(() => envelopes.length === 1);
      expect(envelopes.map((e) => e.id)).toEqual([`${name}-after`]);
    });

    it('answers the op 13 validation', async () => {
      const url = await boot({ secret: 'DG5g3B4j9X2KOErG' });
      const body = JSON.stringify({ d: { plain_token: 'Arq0D5A61EgUu4OxUvOp', event_ts: '1725442341' }, op: 13 });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-appid': APP_ID, 'user-agent': 'QQBot-Callback' },
        body,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ plain_token: 'Arq0D5A61EgUu4OxUvOp', signature: KAT2_SIGNATURE });
    });

    it('refuses a GET with 405 and a non-JSON content type with 415', async () => {
      const url = await boot();
      expect((await fetch(url)).status).toBe(405);
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
      expect(response.status).toBe(415);
    });

    it('refuses an oversized body with 413, declared or streamed', async () => {
      const url = await boot();
      const big = Buffer.alloc(200 * 1024, 0x20);
      const headers = { 'content-type': 'application/json', ...signedHeaders(big) };
      const declared = await rawPost(url, big, headers);
      expect(declared.status).toBe(413);
      const streamed = await rawPost(url, big, { ...headers, 'transfer-encoding': 'chunked' }, { chunked: true });
      expect(streamed.status).toBe(413);
      expect(envelopes).toHaveLength(0);
    });
  });
}
