import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, QQSimulator, type SimulatorOptions } from '../../src/testing/index.js';
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

async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown>; traceHeader: string | null }> {
  const res = await fetch(`${sim!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `QQBot ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, traceHeader: res.headers.get('x-tps-trace-id') };
}

const text = (content: string, extra: Record<string, unknown> = {}) => ({ msg_type: 0, content, ...extra });

describe('group and C2C passive replies', () => {
  it('accepts a passive reply and records it per target', async () => {
    const s = await start();
    const event = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'GROUP1' });
    const res = await post('/v2/groups/GROUP1/messages', text('收到', { msg_id: event.data.id, msg_seq: 1 }));
    expect(res.status).toBe(200);
    expect(res.body['id']).toMatch(/^ROBOT1\.0_/);
    expect(typeof res.body['timestamp']).toBe('string');
    expect(s.messagesTo('GROUP1')).toEqual([
      expect.objectContaining({ scene: 'group', target: 'GROUP1', text: '收到', passive: true, msgId: event.data.id, msgSeq: 1 }),
    ]);
  });

  it('refuses a reused msg_seq with 40054005 and the platform error body', async () => {
    const s = await start();
    const event = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'GROUP1' });
    await post('/v2/groups/GROUP1/messages', text('a', { msg_id: event.data.id }));
    const dup = await post('/v2/groups/GROUP1/messages', text('b', { msg_id: event.data.id, msg_seq: 1 }));
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      message: expect.any(String),
      code: 40054005,
      err_code: 40054005,
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(dup.traceHeader).toBe(dup.body['trace_id']);
    expect(s.messagesTo('GROUP1')).toHaveLength(1);
  });

  it('guild sends have no msg_seq: several replies to one channel message are all accepted', async () => {
    const s = await start();
    const event = s.inject('AT_MESSAGE_CREATE', { channel_id: 'CH1' });
    for (const content of ['a', 'b', 'c']) {
      expect((await post('/channels/CH1/messages', { content, msg_id: event.data.id })).status).toBe(200);
    }
    expect(s.sentMessages.map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });

  it('allows 5 group replies per msg_id, then 22009', async () => {
    const s = await start();
    const event = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'G' });
    for (let seq = 1; seq <= 5; seq++) {
      expect((await post('/v2/groups/G/messages', text(`r${seq}`, { msg_id: event.data.id, msg_seq: seq }))).status).toBe(200);
    }
    const sixth = await post('/v2/groups/G/messages', text('r6', { msg_id: event.data.id, msg_seq: 6 }));
    expect(sixth.body['code']).toBe(22009);
  });

  it('allows 4 C2C replies per msg_id by default, configurable', async () => {
    const s = await start();
    const e1 = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U1' } });
    for (let seq = 1; seq <= 4; seq++) {
      expect((await post('/v2/users/U1/messages', text('x', { msg_id: e1.data.id, msg_seq: seq }))).status).toBe(200);
    }
    expect((await post('/v2/users/U1/messages', text('x', { msg_id: e1.data.id, msg_seq: 5 }))).body['code']).toBe(22009);
    s.configure({ replyQuotas: { c2c: 5 } });
    expect((await post('/v2/users/U1/messages', text('x', { msg_id: e1.data.id, msg_seq: 5 }))).status).toBe(200);
  });

  it('enforces the reply windows on the injected clock (group 5 min, C2C 60 min, guild 5 min)', async () => {
    const clock = new ManualClock();
    const s = await start({ clock });
    const group = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'G' });
    const c2c = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U' } });
    const guild = s.inject('AT_MESSAGE_CREATE', { channel_id: 'C' });
    clock.advance(5 * 60_000 + 1);
    expect((await post('/v2/groups/G/messages', text('late', { msg_id: group.data.id }))).body['code']).toBe(40034005);
    expect((await post('/channels/C/messages', { content: 'late', msg_id: guild.data.id })).body['code']).toBe(304027);
    expect((await post('/v2/users/U/messages', text('ok', { msg_id: c2c.data.id }))).status).toBe(200);
    clock.advance(55 * 60_000);
    expect((await post('/v2/users/U/messages', text('late', { msg_id: c2c.data.id, msg_seq: 2 }))).body['code']).toBe(40034005);
  });

  it('refuses a msg_id from another chat or an unknown one with 40034024', async () => {
    const s = await start();
    const event = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'G1' });
    expect((await post('/v2/groups/G2/messages', text('x', { msg_id: event.data.id }))).body['code']).toBe(40034024);
    expect((await post('/v2/users/G1/messages', text('x', { msg_id: event.data.id }))).body['code']).toBe(40034024);
    expect((await post('/v2/groups/G1/messages', text('x', { msg_id: 'ROBOT1.0_unknown' }))).body['code']).toBe(40034024);
  });

  it('accepts replies by event_id to replyable events', async () => {
    const s = await start();
    const added = s.inject('GROUP_ADD_ROBOT', { group_openid: 'G' });
    expect((await post('/v2/groups/G/messages', text('欢迎', { event_id: added.id }))).status).toBe(200);
    expect(s.messagesTo('G')[0]).toMatchObject({ eventId: added.id, passive: true });
    expect((await post('/v2/groups/G/messages', text('x', { event_id: 'nope' }))).body['code']).toBe(40034025);
  });
});

describe('active messages, markdown, URLs', () => {
  it('refuses active messages (40034102 v2, 304045 guild) unless allowed', async () => {
    const s = await start();
    expect((await post('/v2/groups/G/messages', text('hi'))).body['code']).toBe(40034102);
    expect((await post('/channels/C/messages', { content: 'hi' })).body['code']).toBe(304045);
    s.configure({ allowActiveMessages: ['G'] });
    expect((await post('/v2/groups/G/messages', text('hi'))).status).toBe(200);
    expect((await post('/v2/groups/OTHER/messages', text('hi'))).body['code']).toBe(40034102);
    expect(s.messagesTo('G')[0]).toMatchObject({ passive: false });
  });

  it('refuses native markdown per target with 40034012, accepts templates', async () => {
    const s = await start({ markdownRefused: ['G1'], allowActiveMessages: true });
    const md = { msg_type: 2, markdown: { content: '## 标题' } };
    expect((await post('/v2/groups/G1/messages', md)).body['code']).toBe(40034012);
    expect((await post('/v2/groups/G2/messages', md)).status).toBe(200);
    const template = { msg_type: 2, markdown: { custom_template_id: 't1', params: [{ key: 'k', values: ['v'] }] } };
    expect((await post('/v2/groups/G1/messages', template)).status).toBe(200);
    expect(s.messagesTo('G2')[0]?.text).toBe('## 标题');
  });

  it('refuses unregistered URLs (40054010 v2, 304003 guild), accepts registered domains and subdomains', async () => {
    const s = await start({ allowActiveMessages: true, registeredDomains: ['example.com'] });
    expect((await post('/v2/groups/G/messages', text('看 https://evil.cn/x'))).body['code']).toBe(40054010);
    expect(s.messagesTo('G')).toEqual([]);
    expect((await post('/v2/groups/G/messages', text('bare qq.com domain'))).body['code']).toBe(40054010);
    expect((await post('/channels/C/messages', { content: 'http://evil.cn' })).body['code']).toBe(304003);
    expect((await post('/v2/groups/G/messages', text('see https://docs.example.com/a?b=1'))).status).toBe(200);
    expect((await post('/v2/groups/G/messages', text('版本 1.5 没问题'))).status).toBe(200);
    const md = { msg_type: 2, markdown: { content: '[link](https://evil.cn)' } };
    expect((await post('/v2/groups/G/messages', md)).body['code']).toBe(40054010);
  });

  it('answers 429 over the optional rate limit', async () => {
    const clock = new ManualClock();
    const s = await start({ clock, allowActiveMessages: true, rateLimit: { limit: 2, windowMs: 1000 } });
    expect((await post('/v2/groups/G/messages', text('1'))).status).toBe(200);
    expect((await post('/v2/groups/G/messages', text('2'))).status).toBe(200);
    const limited = await post('/v2/groups/G/messages', text('3'));
    expect(limited.status).toBe(429);
    expect((await post('/v2/groups/OTHER/messages', text('1'))).status).toBe(200);
    clock.advance(1001);
    expect((await post('/v2/groups/G/messages', text('4'))).status).toBe(200);
    expect(s.messagesTo('G').map((m) => m.text)).toEqual(['1', '2', '4']);
  });

  it('refuses empty and mismatched bodies (50006, 22006)', async () => {
    await start({ allowActiveMessages: true });
    expect((await post('/v2/groups/G/messages', text('  '))).body['code']).toBe(50006);
    expect((await post('/v2/groups/G/messages', { msg_type: 2 })).body['code']).toBe(22006);
    expect((await post('/channels/C/messages', {})).body['code']).toBe(50006);
  });
});

describe('guild channel and DM', () => {
  it('answers a guild message object for channel and DM replies', async () => {
    const s = await start({ botUser: { id: '99', username: 'bot' } });
    const at = s.inject('AT_MESSAGE_CREATE', { channel_id: 'C1' });
    const res = await post('/channels/C1/messages', { content: '好的', msg_id: at.data.id });
    expect(res.body).toMatchObject({ channel_id: 'C1', content: '好的', author: { id: '99', bot: true } });
    const dm = s.inject('DIRECT_MESSAGE_CREATE', { guild_id: 'DMG' });
    expect((await post('/dms/DMG/messages', { content: '私信', msg_id: dm.data.id })).status).toBe(200);
    expect(s.sentMessages.map((m) => [m.scene, m.target])).toEqual([
      ['channel', 'C1'],
      ['dm', 'DMG'],
    ]);
  });
});

describe('media upload', () => {
  it('returns file_info usable in the same scene only', async () => {
    const s = await start();
    const event = s.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'G' });
    const up = await post('/v2/groups/G/files', { file_type: 1, url: 'https://example.com/a.png', srv_send_msg: false });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ file_uuid: expect.any(String), file_info: expect.any(String), ttl: 3600 });
    const media = { msg_type: 7, content: ' ', media: { file_info: up.body['file_info'] }, msg_id: event.data.id };
    expect((await post('/v2/groups/G/messages', media)).status).toBe(200);
    const c2c = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U' } });
    expect((await post('/v2/users/U/messages', { ...media, msg_id: c2c.data.id })).body['code']).toBe(40034004);
    expect((await post('/v2/users/U/files', { file_type: 9, url: 'x' })).body['code']).toBe(850019);
  });

  it('records each upload (file_type, bytes or URL) and links a media message to it; voice bytes are checked for SILK', async () => {
    const s = await start();
    const event = s.inject('C2C_MESSAGE_CREATE', { author: { user_openid: 'U' } });
    // Tencent's encoder writes 0x02 before the magic; other SILK encoders start with it.
    const tencent = Buffer.concat([Buffer.from([0x02]), Buffer.from('#!SILK_V3'), Buffer.from([0x14, 0x00])]);
    const voice = await post('/v2/users/U/files', { file_type: 3, file_data: tencent.toString('base64'), srv_send_msg: false });
    await post('/v2/users/U/files', { file_type: 3, file_data: Buffer.from('#!SILK_V3\u0000').toString('base64'), srv_send_msg: false });
    await post('/v2/users/U/files', { file_type: 3, file_data: Buffer.from('RIFF....WAVE').toString('base64'), srv_send_msg: false });
    await post('/v2/users/U/files', { file_type: 1, url: 'https://example.com/a.png', srv_send_msg: false });
    expect(s.uploads.map((u) => [u.fileType, u.silk, u.url])).toEqual([
      [3, true, undefined],
      [3, true, undefined],
      [3, false, undefined],
      [1, undefined, 'https://example.com/a.png'],
    ]);
    expect(Buffer.from(s.uploads[0]!.data!)).toEqual(tencent);
    const sent = await post('/v2/users/U/messages', { msg_type: 7, content: ' ', media: { file_info: voice.body['file_info'] }, msg_id: event.data.id });
    expect(sent.status).toBe(200);
    expect(s.messagesTo('U')[0]?.media).toMatchObject({ scene: 'c2c', target: 'U', fileType: 3, silk: true });
  });

  it('treats srv_send_msg as an active message', async () => {
    const s = await start();
    const refused = await post('/v2/users/U/files', { file_type: 1, file_data: 'aGVsbG8=', srv_send_msg: true });
    expect(refused.body['code']).toBe(40034102);
    s.configure({ allowActiveMessages: true });
    const sent = await post('/v2/users/U/files', { file_type: 1, file_data: 'aGVsbG8=', srv_send_msg: true });
    expect(sent.body['id']).toMatch(/^ROBOT1\.0_/);
    expect(s.messagesTo('U')).toHaveLength(1);
  });
});

describe('recall, DM sessions and interaction ACKs', () => {
  async function del(path: string) {
    const res = await fetch(`${sim!.url}${path}`, { method: 'DELETE', headers: { authorization: `QQBot ${token}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('recalls a sent message within 2 minutes only', async () => {
    const clock = new ManualClock();
    const s = await start({ clock, allowActiveMessages: true });
    const first = await post('/v2/groups/G/messages', text('oops'));
    const second = await post('/v2/groups/G/messages', text('later'));
    expect((await del(`/v2/groups/OTHER/messages/${String(first.body['id'])}`)).body['code']).toBe(306001);
    expect((await del(`/v2/groups/G/messages/${String(first.body['id'])}`)).status).toBe(200);
    expect(s.messagesTo('G')[0]?.recalledAt).toBe(clock.now());
    expect((await del(`/v2/groups/G/messages/${String(first.body['id'])}`)).body['code']).toBe(306001);
    clock.advance(2 * 60_000 + 1);
    expect((await del(`/v2/groups/G/messages/${String(second.body['id'])}`)).body['code']).toBe(306011);
  });

  it('creates DM sessions and records interaction ACKs', async () => {
    const s = await start();
    const dm = await post('/users/@me/dms', { recipient_id: 'USER1', source_guild_id: 'GUILD1' });
    expect(dm.body).toMatchObject({ guild_id: expect.any(String), channel_id: expect.any(String), create_time: expect.any(String) });
    const interaction = s.inject('INTERACTION_CREATE');
    const res = await fetch(`${s.url}/interactions/${interaction.id}`, {
      method: 'PUT',
      headers: { authorization: `QQBot ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 0 }),
    });
    expect(res.status).toBe(200);
    expect(s.interactionAcks).toEqual([{ interactionId: interaction.id, code: 0, at: expect.any(Number) }]);
    expect((await post('/users/@me/dms', {})).body['code']).toBe(50035);
  });
});

describe('failNext and REST read-back', () => {
  it('fails the next calls of a route with a status or platform code, then recovers', async () => {
    const s = await start({ allowActiveMessages: true });
    s.failNext('POST /v2/groups/{group_openid}/messages', 500, 2);
    s.failNext('POST /v2/users/{openid}/messages', 304082);
    const failed = await post('/v2/users/U/messages', text('x'));
    expect(failed).toMatchObject({ status: 500, body: { code: 304082, message: 'upload media info fail' } });
    expect((await post('/v2/groups/G/messages', text('x'))).status).toBe(500);
    expect((await post('/v2/groups/G/messages', text('x'))).status).toBe(500);
    expect((await post('/v2/groups/G/messages', text('x'))).status).toBe(200);
    s.failNext('*', { status: 429, code: 22009, message: 'slow down' });
    const any = await post('/v2/users/U/messages', text('x'));
    expect(any).toMatchObject({ status: 429, body: { code: 22009, message: 'slow down' } });
    expect((await post('/v2/users/U/messages', text('x'))).status).toBe(200);
  });

  it('records every call with route, params, body and a redacted authorization header', async () => {
    const s = await start({ allowActiveMessages: true });
    await post('/v2/groups/G%201/messages', text('hello'));
    const call = s.requestsTo('POST /v2/groups/{group_openid}/messages')[0];
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v2/groups/G%201/messages',
      params: { group_openid: 'G 1' },
      body: { msg_type: 0, content: 'hello' },
      status: 200,
      headers: expect.objectContaining({ authorization: 'QQBot <redacted>' }),
    });
    expect(JSON.stringify(s.requests)).not.toContain(token);
  });

  it('answers 401 with 11241 without a token and 404 for unknown routes', async () => {
    const s = await start();
    const res = await fetch(`${s.url}/v2/groups/G/messages`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 11241 });
    const missing = await fetch(`${s.url}/nope`, { headers: { authorization: `QQBot ${token}` } });
    expect(missing.status).toBe(404);
  });
});
