import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator, SimulatorError } from '../../src/testing/index.js';

// Official known-answer vector (reference §6.6 KAT-1): this secret's public key. Using the raw key
// keeps this test independent of the SDK's own key derivation.
const SECRET = 'naOC0ocQE3shWLAfffVLB1rhYPG7';
const PUBLIC_KEY_HEX = 'd7c362fe78aef81ff23287b493628b5db02a3c4fe30b215e4d19609b5d76673a';
const publicKey = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(PUBLIC_KEY_HEX, 'hex')]),
  format: 'der',
  type: 'spki',
});
// Seed = the secret repeated to 32 bytes (KAT-1).
const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(`${SECRET}naOC`)]),
  format: 'der',
  type: 'pkcs8',
});

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let sim: QQSimulator | undefined;
let server: Server | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A bare webhook endpoint: records each POST and answers with `answer(n)` for the n-th one. */
async function endpoint(answer: (n: number, body: string) => { status: number; body: string }) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body });
      const reply = answer(received.length, body);
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  return { url, received };
}

const ACK = { status: 200, body: '{"op":12}' };

describe('webhook delivery', () => {
  it('posts a signed op 0 callback with the platform headers', async () => {
    sim = await QQSimulator.start({ appId: '11111111', clientSecret: SECRET });
    const { url, received } = await endpoint(() => ACK);
    const result = await sim.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { content: ' 你好' });
    expect(result.acknowledged).toBe(true);
    expect(result.attempts).toHaveLength(1);
    const [first] = received;
    expect(first!.headers).toMatchObject({
      'user-agent': 'QQBot-Callback',
      'x-bot-appid': '11111111',
      'content-type': 'application/json',
    });
    const timestamp = first!.headers['x-signature-timestamp'] as string;
    const signature = first!.headers['x-signature-ed25519'] as string;
    expect(timestamp).toMatch(/^\d+$/);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(verify(null, Buffer.from(timestamp + first!.body), publicKey, Buffer.from(signature, 'hex'))).toBe(true);
    const envelope = JSON.parse(first!.body) as Record<string, any>;
    expect(envelope).toMatchObject({ op: 0, t: 'GROUP_AT_MESSAGE_CREATE', id: result.id, d: { content: ' 你好' } });
  });

  it('re-posts an unacknowledged callback up to 3 times with the same id and body', async () => {
    sim = await QQSimulator.start({ clientSecret: SECRET, webhookRetryDelayMs: 5 });
    const { url, received } = await endpoint((n) => (n === 1 ? { status: 500, body: '' } : { status: 200, body: '{"code":0}' }));
    const result = await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE');
    expect(result.acknowledged).toBe(false);
    expect(result.attempts.map((a) => a.status)).toEqual([500, 200, 200, 200]);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(received[3]!.body).id).toBe(result.id);
  });

  it('stops re-posting once acknowledged', async () => {
    sim = await QQSimulator.start({ clientSecret: SECRET, webhookRetryDelayMs: 5 });
    const { url } = await endpoint((n) => (n < 3 ? { status: 503, body: '' } : ACK));
    const result = await sim.deliverWebhook(url, 'FRIEND_ADD');
    expect(result.attempts.map((a) => a.acknowledged)).toEqual([false, false, true]);
    expect(result.acknowledged).toBe(true);
  });

  it('delivers twice after deliverTwice()', async () => {
    sim = await QQSimulator.start({ clientSecret: SECRET });
    const { url, received } = await endpoint(() => ACK);
    sim.deliverTwice();
    await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE');
    expect(received).toHaveLength(2);
    expect(received[0]!.body).toBe(received[1]!.body);
  });

  it('makes delivered message events replyable', async () => {
    sim = await QQSimulator.start({ clientSecret: SECRET });
    const { url } = await endpoint(() => ACK);
    const result = await sim.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { group_openid: 'G' });
    const d = (JSON.parse(result.body) as { d: { id: string } }).d;
    const token = (await (await fetch(sim.tokenUrl, { method: 'POST', body: JSON.stringify({ appId: sim.appId, clientSecret: SECRET }) })).json()) as {
      access_token: string;
    };
    const res = await fetch(`${sim.url}/v2/groups/G/messages`, {
      method: 'POST',
      headers: { authorization: `QQBot ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ msg_type: 0, content: 'ok', msg_id: d.id }),
    });
    expect(res.status).toBe(200);
  });

  it('only delivers to the loopback interface', async () => {
    sim = await QQSimulator.start();
    await expect(sim.deliverWebhook('http://example.com/hook', 'C2C_MESSAGE_CREATE')).rejects.toBeInstanceOf(SimulatorError);
  });

  it('cancels waiting re-posts on close()', async () => {
    sim = await QQSimulator.start({ clientSecret: SECRET, webhookRetryDelayMs: 60_000 });
    const { url, received } = await endpoint(() => ({ status: 500, body: '' }));
    const pending = sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE');
    await sim.waitFor(() => received.length === 1);
    await sim.close();
    const result = await pending;
    expect(result.attempts).toHaveLength(1);
    expect(result.acknowledged).toBe(false);
  });
});

describe('callback URL validation (op 13)', () => {
  it('accepts an answer signed with the derived key, rejects a wrong one', async () => {
    sim = await QQSimulator.start({ appId: '11111111', clientSecret: SECRET });
    let forge = false;
    const { url, received } = await endpoint((_n, body) => {
      const { d } = JSON.parse(body) as { d: { plain_token: string; event_ts: string } };
      const signature = sign(null, Buffer.from(d.event_ts + d.plain_token), privateKey).toString('hex');
      return {
        status: 200,
        body: JSON.stringify({ plain_token: d.plain_token, signature: forge ? (signature[0] === '0' ? '1' : '0') + signature.slice(1) : signature }),
      };
    });
    const ok = await sim.validateWebhook(url);
    expect(ok.valid).toBe(true);
    expect(JSON.parse(received[0]!.body)).toEqual({ op: 13, d: { plain_token: ok.plainToken, event_ts: ok.eventTs } });
    expect(received[0]!.headers).toMatchObject({ 'user-agent': 'QQBot-Callback', 'x-bot-appid': '11111111' });
    forge = true;
    expect((await sim.validateWebhook(url)).valid).toBe(false);
  });
});
