import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, type Message } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';
import { identify } from './wsClient.js';

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

// A sparse C2C message as the platform sends it (the shape of the docs' example): no attachments,
// no message_scene, an author with only the openids. Stamped now, so its reply window is open.
const SPARSE_C2C = `{"op":0,"s":3,"t":"C2C_MESSAGE_CREATE","id":"C2C_MESSAGE_CREATE:ab1cdef","d":{"author":{"user_openid":"E4F3A1B2C3D4E5F60718293A4B5C6D7E","union_openid":"E4F3A1B2C3D4E5F60718293A4B5C6D7E"},"content":"hi","id":"ROBOT1.0_raw1","timestamp":"${new Date().toISOString().replace(/\.\d+Z$/u, '+00:00')}"}}`;

describe('injectRaw(): a captured payload replayed verbatim', () => {
  it('sends d byte for byte: key order, spacing and numbers beyond 2^53 kept; only s is the session own', async () => {
    sim = await QQSimulator.start();
    const { client } = await identify(sim);
    const d = '{ "zeta": 1, "id": "ROBOT1.0_big", "channel_id": 12345678901234567890, "alpha": [1, {"b": null}] }';
    sim.injectRaw(`{"op":0,"s":99,"t":"AT_MESSAGE_CREATE","id":"AT_MESSAGE_CREATE:x1","d":${d}}`);
    const frame = await client.next((f) => f.t === 'AT_MESSAGE_CREATE');
    const text = client.texts.find((t) => t.includes('AT_MESSAGE_CREATE:x1'));
    expect(text).toContain(`"d":${d}`);
    expect(frame.id).toBe('AT_MESSAGE_CREATE:x1');
    expect(frame.s).not.toBe(99);
    client.terminate();
  });

  it('adds nothing to a sparse payload: the bot sees exactly what the platform sent, and can reply to it', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'silent',
    });
    const received = new Promise<Message>((resolve) => bot!.on('message', resolve));
    await bot.start();
    const injected = sim.injectRaw(SPARSE_C2C);
    const msg = await received;
    const d = (JSON.parse(SPARSE_C2C) as { d: Record<string, unknown> }).d;
    // Nothing added, nothing lost; the SDK only turns the timestamp into a Date.
    expect(msg.raw).toEqual({ ...d, timestamp: new Date(d['timestamp'] as string) });
    expect(Object.keys(msg.raw as object)).toEqual(Object.keys(d));
    expect(injected).toMatchObject({ type: 'C2C_MESSAGE_CREATE', id: 'C2C_MESSAGE_CREATE:ab1cdef', delivered: 1 });
    await msg.reply('hello');
    expect(sim.messagesTo('E4F3A1B2C3D4E5F60718293A4B5C6D7E')[0]).toMatchObject({ passive: true, msgId: 'ROBOT1.0_raw1', msgSeq: 1 });
  });

  it('takes the frame as an object too, and refuses what is not a dispatch with a reason', async () => {
    sim = await QQSimulator.start();
    const { client } = await identify(sim);
    sim.injectRaw({ t: 'GROUP_AT_MESSAGE_CREATE', d: { id: 'ROBOT1.0_g', group_openid: 'G1', content: ' x', author: { member_openid: 'M1' } } });
    const frame = await client.next((f) => f.t === 'GROUP_AT_MESSAGE_CREATE');
    expect(frame.d).toEqual({ id: 'ROBOT1.0_g', group_openid: 'G1', content: ' x', author: { member_openid: 'M1' } });
    expect(frame.id).toMatch(/^GROUP_AT_MESSAGE_CREATE:/u);
    expect(() => sim!.injectRaw('{"op":11}')).toThrow(/op 11 is not a dispatch/u);
    expect(() => sim!.injectRaw('not json')).toThrow(/not JSON/u);
    expect(() => sim!.injectRaw({ t: 'X' } as never)).toThrow(/payload in `d`/u);
    client.terminate();
  });

  it('has an HTTP twin for bots in other processes: POST /_simulator/inject-raw with the frame as the body', async () => {
    sim = await QQSimulator.start({ controlApi: true });
    const { client } = await identify(sim);
    const response = await fetch(`${sim.url}/_simulator/inject-raw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: SPARSE_C2C });
    expect(response.status).toBe(200);
    await client.next((f) => f.t === 'C2C_MESSAGE_CREATE');
    expect(client.texts.some((t) => t.includes(`"d":${SPARSE_C2C.slice(SPARSE_C2C.indexOf('"d":') + 4, -1)}`))).toBe(true);
    const bad = await fetch(`${sim.url}/_simulator/inject-raw`, { method: 'POST', body: '{"op":1}' });
    expect(bad.status).toBe(400);
    client.terminate();
  });
});
