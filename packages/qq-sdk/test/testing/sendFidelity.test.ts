import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator, type SimulatorOptions } from '../../src/testing/index.js';
import { getToken } from './wsClient.js';

let sim: QQSimulator | undefined;
let token = '';

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: SimulatorOptions = {}): Promise<QQSimulator> {
  sim = await QQSimulator.start(options);
  token = await getToken(sim);
  return sim;
}

async function call(method: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim!.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `QQBot ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
const post = (path: string, body: unknown) => call('POST', path, body);
const notice = (extra: Record<string, unknown> = {}) => ({ msg_type: 6, input_notify: { input_type: 1, input_second: 60 }, ...extra });

describe('text without msg_type (as qq-official-bot sends it)', () => {
  it('is accepted as text in C2C and groups and recorded with its content', async () => {
    const s = await start();
    const c2c = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U1' } });
    const group = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'G1' });
    const a = await post('/v2/users/U1/messages', { content: 'pong', msg_id: c2c.data.id, msg_seq: 1 });
    const b = await post('/v2/groups/G1/messages', { content: 'pong', msg_id: group.data.id, msg_seq: 1 });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(s.sentMessages.map((m) => [m.scene, m.text, m.msgSeq])).toEqual([
      ['c2c', 'pong', 1],
      ['group', 'pong', 1],
    ]);
  });

  it('still refuses an empty text (50006) and spends nothing', async () => {
    const s = await start();
    const c2c = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U1' } });
    expect((await post('/v2/users/U1/messages', { content: ' ', msg_id: c2c.data.id })).body['code']).toBe(50006);
    expect((await post('/v2/users/U1/messages', { content: 'ok', msg_id: c2c.data.id, msg_seq: 1 })).status).toBe(200);
  });
});

describe('send responses', () => {
  it('C2C and group sends answer { id, timestamp, ext_info: { ref_idx } } only (the 2026 wiki)', async () => {
    const s = await start();
    const c2c = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U1' } });
    const res = await post('/v2/users/U1/messages', { msg_type: 0, content: 'x', msg_id: c2c.data.id, msg_seq: 1 });
    expect(Object.keys(res.body).sort()).toEqual(['ext_info', 'id', 'timestamp']);
    expect(res.body['timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(res.body['ext_info']).toEqual({ ref_idx: s.sentMessages[0]?.refIdx });
    expect(s.sentMessages[0]?.refIdx).toMatch(/^REFIDX_/u);
  });

  it("a channel send answers a full Message with the channel's real guild_id and the bot as author", async () => {
    const s = await start({ botUser: { id: 'BOT1', username: '测试机器人' } });
    const event = s.inject('AT_MESSAGE_CREATE', { channel_id: 'CH1', guild_id: 'GUILD1' });
    const res = await post('/channels/CH1/messages', { content: '你好', msg_id: event.data.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(String),
      channel_id: 'CH1',
      guild_id: 'GUILD1',
      content: '你好',
      timestamp: expect.stringMatching(/\+08:00$/),
      tts: false,
      mention_everyone: false,
      author: { id: 'BOT1', username: '测试机器人', avatar: '', bot: true },
      pinned: false,
      type: 0,
      flags: 0,
    });
    expect(res.body['id']).toBe(s.sentMessages[0]!.id);
  });

  it('a channel the simulator never saw gets no invented guild_id', async () => {
    const s = await start({ allowActiveMessages: true });
    const res = await post('/channels/CH9/messages', { content: 'x' });
    expect(res.body['channel_id']).toBe('CH9');
    expect(res.body).not.toHaveProperty('guild_id');
    expect(s.sentMessages).toHaveLength(1);
  });

  it("a DM send answers the DM guild_id with the session's channel_id and src_guild_id, never an invented one", async () => {
    const s = await start({ allowActiveMessages: true });
    const dm = s.inject('DIRECT_MESSAGE_CREATE', { guild_id: 'DMG1', channel_id: 'DMCH1', src_guild_id: 'SRC1' });
    const reply = await post('/dms/DMG1/messages', { content: 'hi', msg_id: dm.data.id });
    expect(reply.body).toMatchObject({ guild_id: 'DMG1', channel_id: 'DMCH1', src_guild_id: 'SRC1', direct_message: true, author: { bot: true } });
    const session = await post('/users/@me/dms', { recipient_id: 'U7', source_guild_id: 'SRC2' });
    const sent = await post(`/dms/${String(session.body['guild_id'])}/messages`, { content: 'hey' });
    expect(sent.body).toMatchObject({ guild_id: session.body['guild_id'], channel_id: session.body['channel_id'], src_guild_id: 'SRC2' });
    const unknown = await post('/dms/NEVER/messages', { content: 'x' });
    expect(unknown.body['guild_id']).toBe('NEVER');
    expect(unknown.body).not.toHaveProperty('channel_id');
  });
});

describe('typing notices (msg_type 6)', () => {
  it('are accepted in C2C, recorded as typing (not as messages), and spend a passive reply by default', async () => {
    const s = await start();
    const e = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U1' } });
    const res = await post('/v2/users/U1/messages', notice({ msg_id: e.data.id, msg_seq: 1 }));
    expect(res.status).toBe(200);
    expect(s.sentMessages).toHaveLength(0);
    expect(s.typingNotices).toEqual([
      expect.objectContaining({ target: 'U1', inputType: 1, inputSeconds: 60, passive: true, msgId: e.data.id, msgSeq: 1, spentReply: true }),
    ]);
    // The same msg_seq again is deduplicated; 3 more replies fill the C2C quota of 4.
    expect((await post('/v2/users/U1/messages', { msg_type: 0, content: 'x', msg_id: e.data.id, msg_seq: 1 })).body['code']).toBe(40054005);
    for (const seq of [2, 3, 4]) {
      expect((await post('/v2/users/U1/messages', { msg_type: 0, content: 'x', msg_id: e.data.id, msg_seq: seq })).status).toBe(200);
    }
    expect((await post('/v2/users/U1/messages', { msg_type: 0, content: 'x', msg_id: e.data.id, msg_seq: 5 })).body['code']).toBe(22009);
    expect((await post('/v2/users/U1/messages', notice({ msg_id: e.data.id, msg_seq: 6 }))).body['code']).toBe(22009);
  });

  it('with typingSpendsReply: false they are checked but spend nothing', async () => {
    const s = await start({ typingSpendsReply: false });
    const e = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U1' } });
    for (let i = 0; i < 6; i++) {
      expect((await post('/v2/users/U1/messages', notice({ msg_id: e.data.id, msg_seq: 1 }))).status).toBe(200);
    }
    for (const seq of [1, 2, 3, 4]) {
      expect((await post('/v2/users/U1/messages', { msg_type: 0, content: 'x', msg_id: e.data.id, msg_seq: seq })).status).toBe(200);
    }
    expect(s.typingNotices.every((t) => !t.spentReply)).toBe(true);
    expect((await post('/v2/users/U1/messages', notice({ msg_id: 'UNKNOWN', msg_seq: 1 }))).body['code']).toBe(40034024);
  });

  it('need input_notify (50059 "input type err"), are C2C only (22006 in groups), and follow the active-message rule', async () => {
    const s = await start();
    const e = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U1' } });
    const missing = await post('/v2/users/U1/messages', { msg_type: 6, msg_id: e.data.id, msg_seq: 1 });
    expect(missing.body).toMatchObject({ code: 50059, message: 'input type err' });
    const g = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'G1' });
    expect((await post('/v2/groups/G1/messages', notice({ msg_id: g.data.id, msg_seq: 1 }))).body['code']).toBe(22006);
    expect((await post('/v2/users/U1/messages', notice())).body['code']).toBe(40034102);
    expect(s.typingNotices).toHaveLength(0);
    // The failed attempts spent nothing.
    expect((await post('/v2/users/U1/messages', notice({ msg_id: e.data.id, msg_seq: 1 }))).status).toBe(200);
  });
});

describe('interaction acknowledgements with data', () => {
  it('records { code, data } and answers 200', async () => {
    const s = await start();
    const claw = { require_mention: 'mention', group_policy: 'open', mention_patterns: '', online_state: 'online' };
    const res = await call('PUT', '/interactions/I1', { code: 0, data: { claw_cfg: claw } });
    expect(res.status).toBe(200);
    await call('PUT', '/interactions/I2', { code: 3 });
    expect(s.interactionAcks).toEqual([
      { interactionId: 'I1', code: 0, data: { claw_cfg: claw }, at: expect.any(Number) },
      { interactionId: 'I2', code: 3, at: expect.any(Number) },
    ]);
  });

  it.each([[{ code: 6 }], [{ code: 0, data: 'x' }], [{ code: 0, data: [1] }], [{}]])('refuses %j with 50035, recording nothing', async (body) => {
    const s = await start();
    expect((await call('PUT', '/interactions/I9', body)).body['code']).toBe(50035);
    expect(s.interactionAcks).toHaveLength(0);
  });
});
