import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, PLATFORM_CLOSE_CODES, QQSimulator, SimulatorTimeoutError, shardForEvent } from '../../src/testing/index.js';
import { GROUP_AND_C2C, PUBLIC_GUILD, RawClient, getToken, identify } from './wsClient.js';

let sim: QQSimulator | undefined;
const clients: RawClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  await sim?.close();
  sim = undefined;
});

async function start(options: Parameters<typeof QQSimulator.start>[0] = {}): Promise<QQSimulator> {
  sim = await QQSimulator.start({ heartbeatIntervalMs: 500, ...options });
  return sim;
}

async function connect(s: QQSimulator, opts: Parameters<typeof identify>[1] = {}) {
  const result = await identify(s, opts);
  clients.push(result.client);
  return result;
}

// Opens a connection, waits for Hello and identifies with `token`; returns the client and the
// first op 9 answer (tests that expect a refusal).
async function identifyExpectingOp9(s: QQSimulator, token: string) {
  const client = await RawClient.open(s.wsUrl);
  clients.push(client);
  await client.next((f) => f.op === 10);
  client.send({ op: 2, d: { token: `QQBot ${token}`, intents: GROUP_AND_C2C } });
  return { client, answer: await client.next((f) => f.op === 9) };
}

function resumeFrame(token: string, sessionId: string, seq: number) {
  return { op: 6, d: { token: `QQBot ${token}`, session_id: sessionId, seq } };
}

describe('server lifecycle', () => {
  it('listens on 127.0.0.1 and refuses connections after close()', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.wsUrl).toBe(`${s.url.replace('http', 'ws')}/websocket`);
    expect(s.tokenUrl).toBe(`${s.url}/app/getAppAccessToken`);
    const { client } = await connect(s);
    await s.close();
    sim = undefined;
    expect(await client.closed()).toBe(1006);
    await expect(fetch(`${s.url}/gateway`)).rejects.toThrow();
  });
});

describe('options', () => {
  it('refuses impossible option values, naming the option', async () => {
    await expect(QQSimulator.start({ shards: 0 })).rejects.toThrow(/option shards/);
    await expect(QQSimulator.start({ heartbeatIntervalMs: -1 })).rejects.toThrow(/option heartbeatIntervalMs/);
  });
});

describe('token endpoint', () => {
  it('returns expires_in as a string, the same token while valid, a new one in the last 60 s', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const s = await start({ clock, tokenLifetimeSeconds: 7200 });
    const call = async () => {
      const res = await fetch(s.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: s.appId, clientSecret: s.clientSecret }),
      });
      return (await res.json()) as { access_token: string; expires_in: string };
    };
    const first = await call();
    expect(first.expires_in).toBe('7200');
    clock.advance(1000_000);
    const second = await call();
    expect(second.access_token).toBe(first.access_token);
    expect(second.expires_in).toBe('6200');
    clock.advance(6200_000 - 30_000); // 30 s left
    const third = await call();
    expect(third.access_token).not.toBe(first.access_token);
    expect(third.expires_in).toBe('7200');
    // The old token still works until its own expiry.
    const auth = (t: string) => fetch(`${s.url}/gateway`, { headers: { authorization: `QQBot ${t}` } });
    expect((await auth(first.access_token)).status).toBe(200);
    clock.advance(31_000);
    const expired = await auth(first.access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 11244, err_code: 11244 });
    expect((await auth(third.access_token)).status).toBe(200);
    expect(s.tokenRequests).toBe(3);
  });

  it('answers a wrong appId or secret with the platform error body', async () => {
    const s = await start();
    const post = (body: unknown) => fetch(s.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const wrongApp = await post({ appId: 'nope', clientSecret: s.clientSecret });
    expect(wrongApp.status).toBe(400);
    const body = (await wrongApp.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 100007, err_code: 100007, message: 'appid invalid' });
    expect(wrongApp.headers.get('x-tps-trace-id')).toBe(body['trace_id']);
    const wrongSecret = await post({ appId: s.appId, clientSecret: 'wrong' });
    expect(await wrongSecret.json()).toMatchObject({ code: 100016 });
    expect(s.tokenRequests).toBe(2);
    // The read-back never holds the secret (failing tests print it).
    expect(s.requestsTo('POST /app/getAppAccessToken')[1]?.body).toEqual({ appId: s.appId, clientSecret: '<redacted>' });
    expect(JSON.stringify(s.requests)).not.toContain(s.clientSecret);
  });
});

describe('/gateway and /gateway/bot', () => {
  it('needs a token, reports shards and consumes session_start_limit with identifies', async () => {
    const s = await start({ shards: 2, sessionStartLimit: { total: 10, remaining: 5 } });
    expect((await fetch(`${s.url}/gateway`)).status).toBe(401);
    const token = await getToken(s);
    const headers = { authorization: `QQBot ${token}` };
    expect(await (await fetch(`${s.url}/gateway`, { headers })).json()).toEqual({ url: s.wsUrl });
    const bot = (await (await fetch(`${s.url}/gateway/bot`, { headers })).json()) as Record<string, unknown>;
    expect(bot).toMatchObject({ url: s.wsUrl, shards: 2, session_start_limit: { total: 10, remaining: 5 } });
    await connect(s, { token, shard: [0, 2] });
    await connect(s, { token, shard: [1, 2] });
    const after = (await (await fetch(`${s.url}/gateway/bot`, { headers })).json()) as {
      session_start_limit: { remaining: number };
    };
    expect(after.session_start_limit.remaining).toBe(3);
  });

  it('refuses identifies with op 9 once no sessions are left', async () => {
    const s = await start({ sessionStartLimit: { remaining: 1 } });
    await connect(s);
    const { answer } = await identifyExpectingOp9(s, await getToken(s));
    expect(answer).toEqual({ op: 9, d: false });
  });
});

describe('session_start_limit over time', () => {
  it('counts reset_after down on the clock and gives back total sessions when it reaches 0', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const s = await start({ clock, sessionStartLimit: { total: 3, remaining: 1, reset_after: 60_000 } });
    const token = await getToken(s);
    await connect(s, { token });
    expect(s.sessionStartLimit).toMatchObject({ remaining: 0, reset_after: 60_000 });
    clock.advance(59_000);
    expect(s.sessionStartLimit).toMatchObject({ remaining: 0, reset_after: 1_000 });
    expect((await identifyExpectingOp9(s, token)).answer).toEqual({ op: 9, d: false });

    clock.advance(1_000);
    // The next 24 h window: `total` again, and /gateway/bot says so.
    expect(s.sessionStartLimit).toMatchObject({ total: 3, remaining: 3, reset_after: 86_400_000 });
    const bot = (await (await fetch(`${s.url}/gateway/bot`, { headers: { authorization: `QQBot ${token}` } })).json()) as {
      session_start_limit: Record<string, number>;
    };
    expect(bot.session_start_limit).toMatchObject({ remaining: 3, reset_after: 86_400_000 });
    await connect(s, { token });
    expect(s.sessionStartLimit.remaining).toBe(2);
    // Several windows later (a clock jump): one reset, measured from the last window's end.
    clock.advance(3 * 86_400_000 + 5_000);
    expect(s.sessionStartLimit).toMatchObject({ remaining: 3, reset_after: 86_400_000 - 5_000 });
  });
});

describe('identify throttling', () => {
  it('refuses identifies beyond max_concurrency per 5 s when enforceMaxConcurrency is on', async () => {
    const clock = new ManualClock();
    const s = await start({ clock, enforceMaxConcurrency: true, sessionStartLimit: { max_concurrency: 1 } });
    const token = await getToken(s);
    await connect(s, { token });
    const { client: c, answer } = await identifyExpectingOp9(s, token);
    expect(answer).toEqual({ op: 9, d: false });
    clock.advance(5000);
    c.send({ op: 2, d: { token: `QQBot ${token}`, intents: GROUP_AND_C2C } });
    await c.next((f) => f.t === 'READY');
    expect(s.sessionStartLimit.remaining).toBe(998);
  });
});

describe('gateway protocol', () => {
  it('sends Hello with the configured interval, READY after Identify, and records the identify', async () => {
    const s = await start({ heartbeatIntervalMs: 1234, botUser: { id: '42', username: 'bot' } });
    const { client, ready, sessionId } = await connect(s, { intents: GROUP_AND_C2C });
    expect(client.frames[0]).toEqual({ op: 10, d: { heartbeat_interval: 1234 } });
    expect(ready).toMatchObject({ op: 0, s: 1, t: 'READY', d: { version: 1, user: { id: '42', username: 'bot', bot: true }, shard: [0, 1] } });
    expect(s.identifies).toHaveLength(1);
    expect(s.identifies[0]).toMatchObject({ intents: GROUP_AND_C2C, shard: [0, 1], tokenValid: true, result: { ok: true, sessionId } });
    expect(s.connections[0]).toMatchObject({ id: 1, sessionId, shard: [0, 1] });
  });

  it('acks heartbeats, records them, and stops acking on stopAcks()', async () => {
    const s = await start();
    const { client } = await connect(s);
    client.send({ op: 1, d: 1 });
    expect(await client.next((f) => f.op === 11)).toEqual({ op: 11 });
    s.stopAcks();
    client.send({ op: 1, d: 1 });
    await s.waitFor(() => s.heartbeats.length === 2);
    s.resumeAcks();
    client.send({ op: 1, d: null });
    await client.next((f) => f.op === 11);
    expect(s.heartbeats.map((h) => [h.seq, h.acked])).toEqual([
      [1, true],
      [1, false],
      [null, true],
    ]);
    expect(client.frames.filter((f) => f.op === 11)).toHaveLength(2);
  });

  it('closes with 4002 on an invalid payload and 4001 on an unknown opcode', async () => {
    const s = await start();
    const a = await RawClient.open(s.wsUrl);
    const b = await RawClient.open(s.wsUrl);
    clients.push(a, b);
    a.ws.send('not json');
    b.send({ op: 42 });
    expect(await a.closed()).toBe(4002);
    expect(await b.closed()).toBe(4001);
  });

  it('injects events with fixture defaults, the partial merged in, and fresh ids', async () => {
    const s = await start();
    const { client } = await connect(s);
    const event = s.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好', author: { username: '小王' } });
    expect(event.delivered).toBe(1);
    const frame = await client.next((f) => f.t === 'GROUP_AT_MESSAGE_CREATE');
    expect(frame).toMatchObject({ op: 0, s: 2, id: event.id });
    const d = frame.d as Record<string, any>;
    expect(d['content']).toBe(' 你好');
    expect(d['author']).toMatchObject({ username: '小王', member_role: 'member' });
    expect(d['group_openid']).toMatch(/^[0-9A-F]{32}$/);
    expect(d['attachments']).toHaveLength(1);
    const again = s.inject('GROUP_AT_MESSAGE_CREATE');
    expect(again.id).not.toBe(event.id);
    expect(again.data.id).not.toBe(event.data.id);
  });

  it('filters events by the identified intents', async () => {
    const s = await start();
    const guildOnly = await connect(s, { intents: PUBLIC_GUILD });
    const groups = await connect(s, { intents: GROUP_AND_C2C });
    expect(s.inject('C2C_MESSAGE_CREATE').delivered).toBe(1);
    expect(s.inject('AT_MESSAGE_CREATE').delivered).toBe(1);
    await groups.client.next((f) => f.t === 'C2C_MESSAGE_CREATE');
    await guildOnly.client.next((f) => f.t === 'AT_MESSAGE_CREATE');
    expect(guildOnly.client.frames.some((f) => f.t === 'C2C_MESSAGE_CREATE')).toBe(false);
    expect(groups.client.frames.some((f) => f.t === 'AT_MESSAGE_CREATE')).toBe(false);
  });

  it('checks intents and shard on Identify (4013, 4014, 4010, 4011)', async () => {
    const s = await start({ permittedIntents: GROUP_AND_C2C, shards: 2 });
    const token = await getToken(s);
    const tryIdentify = async (d: Record<string, unknown>) => {
      const c = await RawClient.open(s.wsUrl);
      clients.push(c);
      await c.next((f) => f.op === 10);
      c.send({ op: 2, d: { token: `QQBot ${token}`, ...d } });
      return c.closed();
    };
    expect(await tryIdentify({ intents: 1 << 5, shard: [0, 2] })).toBe(4013);
    expect(await tryIdentify({ intents: PUBLIC_GUILD, shard: [0, 2] })).toBe(4014);
    expect(await tryIdentify({ intents: GROUP_AND_C2C, shard: [2, 2] })).toBe(4010);
    expect(await tryIdentify({ intents: GROUP_AND_C2C, shard: [0, 1] })).toBe(4011);
    expect(s.identifies.map((i) => i.result)).toEqual([
      { ok: false, closeCode: 4013 },
      { ok: false, closeCode: 4014 },
      { ok: false, closeCode: 4010 },
      { ok: false, closeCode: 4011 },
    ]);
  });

  it('closes an Identify with an invalid token with 4004, or answers op 9 with invalidGatewayToken: invalid-session', async () => {
    const s = await start();
    const client = await RawClient.open(s.wsUrl);
    clients.push(client);
    await client.next((f) => f.op === 10);
    client.send({ op: 2, d: { token: 'QQBot forged-token', intents: GROUP_AND_C2C, shard: [0, 1] } });
    expect(await client.closed()).toBe(4004);
    expect(s.identifies[0]).toMatchObject({ tokenValid: false, result: { ok: false, closeCode: 4004 } });
    await s.close();
    const lenient = await start({ invalidGatewayToken: 'invalid-session' });
    expect((await identifyExpectingOp9(lenient, 'forged')).answer).toEqual({ op: 9, d: false });
    expect(lenient.identifies[0]).toMatchObject({ tokenValid: false, result: { ok: false, invalidSession: true } });
  });
});

describe('resume and session effects', () => {
  it('replays every dispatch after the given seq, then RESUMED, after a dropped connection', async () => {
    const s = await start();
    const token = await getToken(s);
    const { client, sessionId } = await connect(s, { token });
    for (let i = 0; i < 3; i++) s.inject('C2C_MESSAGE_CREATE', { content: `m${i}` });
    const firstSeen = await client.next((f) => f.t === 'C2C_MESSAGE_CREATE');
    expect(s.dropConnection()).toBe(1);
    expect(await client.closed()).toBe(1006);
    await s.waitFor(() => s.openConnections === 0);
    for (let i = 3; i < 5; i++) s.inject('C2C_MESSAGE_CREATE', { content: `m${i}` });
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, sessionId, firstSeen.s!));
    const resumed = await next.next((f) => f.t === 'RESUMED');
    const replayed = next.frames.filter((f) => f.t === 'C2C_MESSAGE_CREATE');
    expect(replayed.map((f) => (f.d as { content: string }).content)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(replayed.map((f) => f.s)).toEqual([3, 4, 5, 6]);
    expect(resumed).toEqual({ op: 0, s: 7, t: 'RESUMED', d: '' });
    expect(s.resumes).toEqual([expect.objectContaining({ sessionId, seq: firstSeen.s, tokenValid: true, result: { ok: true, replayed: 4 } })]);
    expect(s.connections[0]).toMatchObject({ closeCode: 1006, closedBy: 'server' });
    // Live dispatches continue on the resumed connection with the next seq.
    s.inject('C2C_MESSAGE_CREATE');
    expect((await next.next((f) => f.t === 'C2C_MESSAGE_CREATE')).s).toBe(8);
  });

  it('sends op 7 on reconnect(); the session stays resumable', async () => {
    const s = await start();
    const token = await getToken(s);
    const { client, sessionId } = await connect(s, { token });
    expect(s.reconnect()).toBe(1);
    expect(await client.next((f) => f.op === 7)).toEqual({ op: 7 });
    client.ws.close(1000);
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, sessionId, 1));
    await next.next((f) => f.t === 'RESUMED');
    expect(s.identifies).toHaveLength(1);
  });

  it('op 9 false ends the session: a later Resume gets op 9 too; op 9 true keeps it', async () => {
    const s = await start();
    const token = await getToken(s);
    const a = await connect(s, { token });
    expect(s.invalidSession(true)).toBe(1);
    expect(await a.client.next((f) => f.op === 9)).toEqual({ op: 9, d: true });
    expect(s.sessions.map((x) => x.id)).toEqual([a.sessionId]);
    s.invalidSession(false);
    expect(await a.client.next((f) => f.op === 9)).toEqual({ op: 9, d: false });
    expect(s.sessions).toEqual([]);
    a.client.terminate();
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, a.sessionId, 1));
    expect(await next.next((f) => f.op === 9)).toEqual({ op: 9, d: false });
  });

  const table = Object.entries(PLATFORM_CLOSE_CODES)
    .filter(([, entry]) => !entry.sticky)
    .map(([code, entry]) => [Number(code), entry.resumable] as const);
  it.each([...table, [4905, false] as const, [4913, false] as const, [1000, true] as const])(
    'close(%i) leaves the session resumable: %s',
    async (code, resumable) => {
      const s = await start();
      const token = await getToken(s);
      const { client, sessionId } = await connect(s, { token });
      s.close(code);
      expect(await client.closed()).toBe(code);
      const next = await RawClient.open(s.wsUrl);
      clients.push(next);
      await next.next((f) => f.op === 10);
      next.send(resumeFrame(token, sessionId, 1));
      const answer = await next.next((f) => f.t === 'RESUMED' || f.op === 9);
      expect(answer.t === 'RESUMED').toBe(resumable);
    },
  );

  it.each([4914, 4915])('keeps %i in force for a later Resume too', async (code) => {
    const s = await start();
    const token = await getToken(s);
    const { client, sessionId } = await connect(s, { token });
    s.close(code);
    expect(await client.closed()).toBe(code);
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, sessionId, 1));
    expect(await next.closed()).toBe(code);
  });

  it('closes connections with 4009 after connectionLifetimeMs; the session resumes', async () => {
    const s = await start({ connectionLifetimeMs: 50 });
    const token = await getToken(s);
    const { client, sessionId } = await connect(s, { token });
    expect(await client.closed()).toBe(4009);
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, sessionId, 1));
    await next.next((f) => f.t === 'RESUMED');
    expect(await next.closed()).toBe(4009);
    await s.waitFor(() => s.openConnections === 0);
    expect(s.connections.map((c) => c.closeCode)).toEqual([4009, 4009]);
  });

  it('refuses close codes that cannot be sent, pointing at dropConnection()', async () => {
    const s = await start();
    expect(() => s.close(1006)).toThrow(/dropConnection/);
  });

  it('keeps 4914 / 4915 in force for later identifies until unban()', async () => {
    const s = await start();
    const token = await getToken(s);
    const { client } = await connect(s, { token });
    s.close(4914);
    expect(await client.closed()).toBe(4914);
    const again = await RawClient.open(s.wsUrl);
    clients.push(again);
    await again.next((f) => f.op === 10);
    again.send({ op: 2, d: { token: `QQBot ${token}`, intents: GROUP_AND_C2C } });
    expect(await again.closed()).toBe(4914);
    s.unban();
    await connect(s, { token });
    expect(s.identifies.map((i) => i.result.ok)).toEqual([true, false, true]);
  });

  it('closes a Resume with a seq ahead of the session with 4007', async () => {
    const s = await start();
    const token = await getToken(s);
    const { client, sessionId } = await connect(s, { token });
    client.terminate();
    await s.waitFor(() => s.openConnections === 0);
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, sessionId, 999));
    expect(await next.closed()).toBe(4007);
  });

  it('after expireToken(), REST answers 401 and a Resume is closed with 4004; the session resumes with a fresh token', async () => {
    const s = await start();
    const token = await getToken(s);
    const { client, sessionId } = await connect(s, { token });
    s.expireToken();
    client.terminate();
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, sessionId, 1));
    expect(await next.closed()).toBe(4004);
    const again = await RawClient.open(s.wsUrl);
    clients.push(again);
    await again.next((f) => f.op === 10);
    again.send(resumeFrame(await getToken(s), sessionId, 1));
    await again.next((f) => f.t === 'RESUMED');
  });

  it('with invalidGatewayToken: invalid-session, a Resume with an expired token gets op 9 true instead', async () => {
    const s = await start({ invalidGatewayToken: 'invalid-session' });
    const token = await getToken(s);
    const { client, sessionId } = await connect(s, { token });
    s.expireToken();
    const res = await fetch(`${s.url}/gateway`, { headers: { authorization: `QQBot ${token}` } });
    expect(res.status).toBe(401);
    client.terminate();
    const next = await RawClient.open(s.wsUrl);
    clients.push(next);
    await next.next((f) => f.op === 10);
    next.send(resumeFrame(token, sessionId, 1));
    expect(await next.next((f) => f.op === 9)).toEqual({ op: 9, d: true });
    const fresh = await getToken(s);
    expect(fresh).not.toBe(token);
    next.send(resumeFrame(fresh, sessionId, 1));
    await next.next((f) => f.t === 'RESUMED');
  });

  it('delivers an event twice with the same id after deliverTwice()', async () => {
    const s = await start();
    const { client } = await connect(s);
    s.deliverTwice();
    const event = s.inject('C2C_MESSAGE_CREATE');
    const first = await client.next((f) => f.t === 'C2C_MESSAGE_CREATE');
    const second = await client.next((f) => f.t === 'C2C_MESSAGE_CREATE');
    expect([first.id, second.id]).toEqual([event.id, event.id]);
    expect(second.s).toBe(first.s! + 1);
  });
});

describe('sharding', () => {
  it('routes group events by the hash rule and guild events by (guild_id >> 22) % shards', async () => {
    const s = await start({ shards: 2 });
    const token = await getToken(s);
    const shard0 = await connect(s, { token, shard: [0, 2] });
    const shard1 = await connect(s, { token, shard: [1, 2] });
    const groups = ['G0', 'G1', 'G2', 'G3', 'G4', 'G5'].map((g) => `${g}A1B2C3D4E5F60718293A4B5C6D7E8F`);
    for (const group_openid of groups) s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid });
    const guildA = String(5n << 22n); // shard 1
    const guildB = String(4n << 22n); // shard 0
    s.inject('AT_MESSAGE_CREATE', { guild_id: guildA });
    s.inject('AT_MESSAGE_CREATE', { guild_id: guildB });
    await s.waitFor(() => s.sessions.reduce((n, x) => n + x.seq, 0) === 2 + groups.length + 2);
    const seen = (c: RawClient, t: string, key: string) => c.frames.filter((f) => f.t === t).map((f) => (f.d as Record<string, string>)[key]);
    await s.waitFor(() => shard0.client.frames.length + shard1.client.frames.length >= 4 + groups.length + 2);
    expect(seen(shard0.client, 'GROUP_AT_MESSAGE_CREATE', 'group_openid')).toEqual(groups.filter((g) => shardForEvent({ group_openid: g }, 2) === 0));
    expect(seen(shard1.client, 'GROUP_AT_MESSAGE_CREATE', 'group_openid')).toEqual(groups.filter((g) => shardForEvent({ group_openid: g }, 2) === 1));
    expect(seen(shard1.client, 'AT_MESSAGE_CREATE', 'guild_id')).toEqual([guildA]);
    expect(seen(shard0.client, 'AT_MESSAGE_CREATE', 'guild_id')).toEqual([guildB]);
  });
});

describe('waitFor', () => {
  it('rejects with SimulatorTimeoutError when the condition never holds', async () => {
    const s = await start();
    await expect(s.waitFor(() => false, { timeoutMs: 50, description: 'nothing' })).rejects.toBeInstanceOf(SimulatorTimeoutError);
  });
});
