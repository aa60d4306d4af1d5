// The simulator does what production does where a production client or the docs decide it
// (platform reference §10), checked with a plain client, and with the SDK's bot on top.
import { afterEach, describe, expect, it } from 'vitest';
import { QQBot } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';
import { GROUP_AND_C2C, getToken, identify, RawClient } from './wsClient.js';

let sim: QQSimulator | undefined;
const clients: RawClient[] = [];
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  for (const client of clients.splice(0)) client.terminate();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

async function start(options: Parameters<typeof QQSimulator.start>[0] = {}): Promise<QQSimulator> {
  sim = await QQSimulator.start({ heartbeatIntervalMs: 500, ...options });
  return sim;
}

describe('op 7 is followed by a 4009 close (botgo: "发了 reconnect 之后马上关闭连接")', () => {
  it('closes with 4009 shortly after op 7, and the session stays resumable', async () => {
    const s = await start({ reconnectCloseDelayMs: 50 });
    const token = await getToken(s);
    const { client, sessionId } = await identify(s, { token });
    clients.push(client);
    const sentAt = Date.now();
    expect(s.reconnect()).toBe(1);
    await client.next((f) => f.op === 7);
    expect(await client.closed()).toBe(4009);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(40);
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send({ op: 6, d: { token: `QQBot ${token}`, session_id: sessionId, seq: 1 } });
    await next.next((f) => f.t === 'RESUMED');
  });

  it('leaves the connection open with reconnectCloseDelayMs: null', async () => {
    const s = await start({ reconnectCloseDelayMs: null });
    const { client } = await identify(s);
    clients.push(client);
    s.reconnect();
    await client.next((f) => f.op === 7);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.closeCode).toBeUndefined();
  });

  it('a bot that acts on op 7 and then sees the 4009 resumes once, not twice', async () => {
    const s = await start({ reconnectCloseDelayMs: 20 });
    bot = new QQBot({
      appId: s.appId,
      clientSecret: s.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: s.url,
      tokenUrl: s.tokenUrl,
      logLevel: 'silent',
    });
    await bot.start();
    s.reconnect();
    await s.waitFor(() => s.resumes.some((r) => r.result.ok));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(s.resumes.filter((r) => r.result.ok)).toHaveLength(1);
    expect(s.identifies).toHaveLength(1);
    expect(s.openConnections).toBe(1);
  });
});

describe('tokens at the gateway', () => {
  it('accepts a Resume with the bare token, as botgo sends it, and an Identify with or without the prefix', async () => {
    const s = await start();
    const token = await getToken(s);
    const { client, sessionId } = await identify(s, { token });
    client.terminate();
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send({ op: 6, d: { token, session_id: sessionId, seq: 1 } });
    await next.next((f) => f.t === 'RESUMED');
    const bare = await RawClient.open(s.wsUrl);
    clients.push(bare);
    await bare.next((f) => f.op === 10);
    bare.send({ op: 2, d: { token, intents: GROUP_AND_C2C, shard: [0, 1] } });
    await bare.next((f) => f.t === 'READY');
  });

  it('closes a repeated Identify on one connection with 4005 (botgo: 重复的身份校验)', async () => {
    const s = await start();
    const token = await getToken(s);
    const { client } = await identify(s, { token });
    clients.push(client);
    client.send({ op: 2, d: { token: `QQBot ${token}`, intents: GROUP_AND_C2C, shard: [0, 1] } });
    expect(await client.closed()).toBe(4005);
  });

  it('a bot whose token expired is refused with 4004, refreshes it and resumes its session (events replayed)', async () => {
    const s = await start();
    const seen: string[] = [];
    bot = new QQBot({
      appId: s.appId,
      clientSecret: s.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: s.url,
      tokenUrl: s.tokenUrl,
      logLevel: 'silent',
    });
    bot.on('message', (msg) => void seen.push(msg.content));
    await bot.start();
    const tokensBefore = s.tokenRequests;
    s.expireToken();
    s.dropConnection();
    s.inject('C2C_MESSAGE_CREATE', { content: 'while away' });
    await s.waitFor(() => s.resumes.some((r) => r.result.ok), { timeoutMs: 5000 });
    expect(s.resumes.some((r) => !r.result.ok && r.result.closeCode === 4004)).toBe(true);
    expect(s.tokenRequests).toBeGreaterThan(tokensBefore);
    expect(s.identifies).toHaveLength(1);
    await s.waitFor(() => seen.includes('while away'));
  });
});
