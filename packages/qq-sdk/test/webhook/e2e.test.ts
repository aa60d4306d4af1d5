import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventDispatcher } from '../../src/events/EventDispatcher.js';
import { RestClient } from '../../src/rest/RestClient.js';
import { API } from '../../src/rest/API.js';
import { QQSimulator } from '../../src/testing/QQSimulator.js';
import { createNodeWebhookHandler } from '../../src/webhook/createNodeWebhookHandler.js';
import { createWebhookServer, type WebhookServer } from '../../src/webhook/createWebhookServer.js';
import { WebhookReceiver } from '../../src/webhook/WebhookReceiver.js';

describe('end to end: simulator → HTTP POST on loopback → webhook → bot handler → REST reply → simulator', () => {
  let sim: QQSimulator;
  let webhook: WebhookServer | undefined;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    sim = await QQSimulator.start({ webhookRetryDelayMs: 20, logLevel: 'silent' });
  });

  afterEach(async () => {
    await webhook?.close();
    webhook = undefined;
    for (const close of closers.splice(0)) await close();
    await sim.close();
  });

  /** An echo bot: C2C messages get a passive reply through the REST client, pointed at the simulator. */
  function echoBot(): { dispatcher: EventDispatcher; handled: string[] } {
    const rest = new RestClient({ appId: sim.appId, clientSecret: sim.clientSecret }, { apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl, logLevel: 'silent' });
    const api = new API(rest);
    const dispatcher = new EventDispatcher({ logLevel: 'silent' });
    const handled: string[] = [];
    dispatcher.on('C2C_MESSAGE_CREATE', async (message, meta) => {
      expect(meta.transport).toBe('webhook');
      handled.push(message.content);
      const openid = message.author.user_openid;
      if (openid === undefined) throw new Error('a C2C message without author.user_openid');
      await api.messages.sendC2C(openid, {
        msg_type: 0,
        content: `echo: ${message.content}`,
        msg_id: message.id,
        msg_seq: 1,
      });
    });
    return { dispatcher, handled };
  }

  it('passes the op 13 validation and answers a C2C message with a passive reply', async () => {
    const { dispatcher, handled } = echoBot();
    webhook = createWebhookServer({ appId: sim.appId, secret: sim.clientSecret, dispatcher, path: '/qq/callback', logLevel: 'silent' });
    const { url } = await webhook.listen();

    const validation = await sim.validateWebhook(url);
    expect(validation.valid).toBe(true);

    const delivery = await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: '你好' });
    expect(delivery.acknowledged).toBe(true);
    expect(delivery.attempts).toHaveLength(1);
    expect(JSON.parse(delivery.attempts[0]?.body ?? '')).toEqual({ op: 12 });

    const openid = (JSON.parse(delivery.body) as { d: { author: { user_openid: string } } }).d.author.user_openid;
    const [reply] = await sim.waitFor(() => {
      const sent = sim.messagesTo(openid);
      return sent.length > 0 ? sent : undefined;
    });
    expect(reply?.text).toBe('echo: 你好');
    expect(reply?.passive).toBe(true);
    expect(handled).toEqual(['你好']);
    expect(webhook.receiver.stats).toMatchObject({ dispatched: 1, validations: 1, rejected: 0 });
  });

  it('a lost ACK makes the simulator re-post; the retry is acknowledged and the bot still replies once', async () => {
    const { dispatcher, handled } = echoBot();
    const receiver = new WebhookReceiver({ appId: sim.appId, secret: sim.clientSecret, dispatcher, logLevel: 'silent' });
    const handler = createNodeWebhookHandler(receiver);
    let attempts = 0;
    // A flaky proxy: the bot gets the first delivery, but the platform sees a 502 instead of the ACK.
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      attempts++;
      if (attempts === 1) {
        const writeHead = res.writeHead.bind(res);
        res.writeHead = ((_status: number, headers?: Record<string, string>) => writeHead(502, headers)) as typeof res.writeHead;
      }
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    const delivery = await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: 'retry me' });
    expect(delivery.attempts.map((a) => a.status)).toEqual([502, 200]);
    expect(delivery.acknowledged).toBe(true);

    const openid = (JSON.parse(delivery.body) as { d: { author: { user_openid: string } } }).d.author.user_openid;
    await sim.waitFor(() => sim.messagesTo(openid).length > 0);
    // The re-post was dropped either by the replay store (same second, same signature) or by the
    // dispatcher's dedup (new timestamp, same event id); wait until every dispatch has settled.
    await receiver.idle();
    expect(receiver.stats.dispatched + receiver.stats.replays).toBe(2);
    expect(handled).toEqual(['retry me']);
    expect(sim.messagesTo(openid)).toHaveLength(1);
  });

  it('an unacknowledged callback is re-posted 3 times and nothing is dispatched when the secret is wrong', async () => {
    const { dispatcher, handled } = echoBot();
    webhook = createWebhookServer({ appId: sim.appId, secret: 'not-the-app-secret', dispatcher, logLevel: 'silent' });
    const { url } = await webhook.listen();
    const delivery = await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: 'forged?' });
    expect(delivery.acknowledged).toBe(false);
    expect(delivery.attempts.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(handled).toEqual([]);
    expect((await sim.validateWebhook(url)).valid).toBe(false);
  });
});
