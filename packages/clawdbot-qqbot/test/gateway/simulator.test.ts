import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import { createQQBot, createQQBotChannelPlugin, type HostAccountStatus, type HostReplyPayload } from '../../src/index.js';
import { fakeRuntime } from '../support/fakeRuntime.js';
import { startSimulatedAccount, type HostScript } from '../support/runPluginAccount.js';

// The plugin with the real QQBot (createQQBot) against the qq-sdk/testing simulator over real
// sockets on 127.0.0.1; only the OpenClaw runtime is a stand-in.

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function startPlugin(script: HostScript, channel: Record<string, unknown> = {}, simOptions: Parameters<typeof QQSimulator.start>[0] = {}) {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000, ...simOptions });
  cleanup.push(() => sim.close());
  const { plugin, record, status } = await startSimulatedAccount(sim, { channel, answer: script }, cleanup);
  return { sim, plugin, record, status };
}

describe('plugin + QQBot + simulator', () => {
  it.each([
    ['GROUP_AT_MESSAGE_CREATE', 'group', (d: Record<string, any>) => d['group_openid']],
    ['C2C_MESSAGE_CREATE', 'direct', (d: Record<string, any>) => d['author']['user_openid']],
    ['AT_MESSAGE_CREATE', 'channel', (d: Record<string, any>) => d['channel_id']],
    ['DIRECT_MESSAGE_CREATE', 'direct', (d: Record<string, any>) => d['guild_id']],
  ] as const)(
    '%s: inbound as chat type %s, the answer goes back as a passive reply (msg_id, and the next msg_seq in C2C and groups)',
    async (type, chatType, targetOf) => {
      const { sim, record } = await startPlugin(() => [[{ text: '收到' }, 'final']]);
      const event = sim.inject(type, { content: ' 你好' } as never);
      const target = targetOf(event.data as Record<string, any>) as string;
      const [sent] = await sim.waitFor(() => sim.messagesTo(target).length > 0 && sim.messagesTo(target), { timeoutMs: 10_000 });
      // In C2C a typing notice goes first and spends msg_seq 1; elsewhere the answer is the first reply.
      const typed = type === 'C2C_MESSAGE_CREATE';
      expect(sim.typingNotices.filter((notice) => notice.msgId === (event.data as { id: string }).id)).toHaveLength(typed ? 1 : 0);
      // Guild sends have no msg_seq field.
      const guild = type === 'AT_MESSAGE_CREATE' || type === 'DIRECT_MESSAGE_CREATE';
      expect(sent).toMatchObject({ passive: true, msgId: (event.data as { id: string }).id, text: '收到' });
      expect(sent?.msgSeq).toBe(guild ? undefined : typed ? 2 : 1);
      expect(record.contexts[0]).toMatchObject({ ChatType: chatType, Body: '你好', MessageSid: (event.data as { id: string }).id });
    },
  );

  it('C2C answers stream into one bubble (stream_messages) when the host streams; groups get an ordinary reply', async () => {
    const script: HostScript = () => [
      [{ text: '正在' }, 'partial'],
      [{ text: '正在查询天气' }, 'partial'],
      [{ text: '正在查询天气：明天晴' }, 'final'],
    ];
    const { sim, record } = await startPlugin(script);
    const c2c = sim.inject('C2C_MESSAGE_CREATE', { content: '天气' });
    const openid = String(c2c.data.author.user_openid);
    const [bubble] = await sim.waitFor(
      () => {
        const list = sim.messagesTo(openid);
        return list.some((m) => m.text === '正在查询天气：明天晴') && list;
      },
      { timeoutMs: 10_000 },
    );
    expect(sim.messagesTo(openid)).toHaveLength(1);
    expect(bubble).toMatchObject({ passive: true, msgId: c2c.data.id });
    expect(bubble?.streamChunks).toBeGreaterThanOrEqual(2);
    expect(record.replyOptions[0]).toMatchObject({ disableBlockStreaming: true });
    const group = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 天气' });
    const [reply] = await sim.waitFor(() => sim.messagesTo(group.data.group_openid).length > 0 && sim.messagesTo(group.data.group_openid), {
      timeoutMs: 10_000,
    });
    expect(reply).toMatchObject({ passive: true, msgSeq: 1, text: '正在查询天气：明天晴' });
    expect(reply?.streamChunks).toBeUndefined();
    expect(record.replyOptions[1]).toBeUndefined();
  });

  it('group messages without @ reach the agent only with requireMention: false', async () => {
    const { sim, record } = await startPlugin(() => [[{ text: 'seen' }, 'final']], { requireMention: false });
    const event = sim.inject('GROUP_MESSAGE_CREATE', { content: '大家好' });
    await sim.waitFor(() => sim.messagesTo(event.data.group_openid).length > 0, { timeoutMs: 10_000 });
    expect(record.contexts[0]).toMatchObject({ ChatType: 'group', WasMentioned: false });
  });

  it('a long turn (9 blocks) is coalesced: 5 passive replies with msg_seq 1..5, the final text in the last', async () => {
    const script: HostScript = () => [
      ...Array.from({ length: 9 }, (_, i): [HostReplyPayload, 'block'] => [{ text: `block ${i + 1}` }, 'block']),
      [{ text: 'FINAL' }, 'final'],
    ];
    const { sim } = await startPlugin(script);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 长回答' });
    const sent = await sim.waitFor(
      () => {
        const list = sim.messagesTo(event.data.group_openid);
        return list.some((m) => m.text.includes('FINAL')) && list;
      },
      { timeoutMs: 10_000 },
    );
    expect(sent.map((m) => m.msgSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(sent.every((m) => m.passive && m.msgId === event.data.id)).toBe(true);
    expect(sent[4]?.text).toMatch(/block 5[\s\S]*block 9[\s\S]*FINAL$/);
  });

  it('markdown goes out as markdown in C2C and falls back to text where the platform refuses it', async () => {
    const { sim } = await startPlugin(() => [[{ text: '**粗体**' }, 'final']], {}, { markdownRefused: true });
    const event = sim.inject('C2C_MESSAGE_CREATE', { content: 'md' });
    const openid = String(event.data.author.user_openid);
    const [sent] = await sim.waitFor(() => sim.messagesTo(openid).length > 0 && sim.messagesTo(openid), { timeoutMs: 10_000 });
    expect(sent).toMatchObject({ passive: true, text: '**粗体**' });
    expect(sent?.body['msg_type']).toBe(0);
  });

  it('media replies are uploaded through the SDK and sent as rich media', async () => {
    const { sim } = await startPlugin(
      () => [[{ text: '图', mediaUrl: 'https://example.cn/cat.png' }, 'final']],
      { registeredDomains: ['example.cn'] },
      { registeredDomains: ['example.cn'] },
    );
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 发图' });
    const [sent] = await sim.waitFor(() => sim.messagesTo(event.data.group_openid).length > 0 && sim.messagesTo(event.data.group_openid), {
      timeoutMs: 10_000,
    });
    expect(sent).toMatchObject({ passive: true, msgId: event.data.id });
    expect(sent?.body['msg_type']).toBe(7);
    expect(sim.requests.some((r) => /\/files$/.test(r.path ?? ''))).toBe(true);
  });

  it('core-initiated sends reply passively to the newest message of the conversation', async () => {
    const { sim, plugin, record } = await startPlugin(() => []);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' hi' });
    await sim.waitFor(() => record.contexts.length === 1, { timeoutMs: 10_000, description: 'the inbound turn' });
    await plugin.outbound.sendText({ cfg: {}, to: `qqbot:group:${event.data.group_openid}`, text: 'cron says hi' });
    const [sent] = sim.messagesTo(event.data.group_openid);
    expect(sent).toMatchObject({ passive: true, msgId: event.data.id, text: 'cron says hi' });
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('webhook transport', () => {
  it('transport: "webhook" takes signed callbacks and answers through the same reply path', async () => {
    const port = await freePort();
    const { sim, record } = await startPlugin(() => [[{ text: '回调收到' }, 'final']], {
      transport: 'webhook',
      webhook: { host: '127.0.0.1', port, path: '/qq/callback' },
    });
    const delivery = await sim.deliverWebhook(`http://127.0.0.1:${port}/qq/callback`, 'GROUP_AT_MESSAGE_CREATE', { content: ' 你好' });
    expect(delivery.acknowledged).toBe(true);
    const [sent] = await sim.waitFor(() => sim.sentMessages.length > 0 && sim.sentMessages, { timeoutMs: 10_000 });
    expect(sent).toMatchObject({ passive: true, msgSeq: 1, text: '回调收到' });
    expect(record.contexts[0]).toMatchObject({ ChatType: 'group', Body: '你好' });
  });
});

describe('fatal start errors', () => {
  it('rejected credentials block the account with the explanation instead of a restart loop', async () => {
    const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000 });
    cleanup.push(() => sim.close());
    const cfg = { channels: { qqbot: { appId: sim.appId, clientSecret: 'wrongSecret', apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl } } };
    const plugin = createQQBotChannelPlugin({ createBot: createQQBot, sources: { env: () => ({}), readFile: () => '' } });
    const controller = new AbortController();
    let status: HostAccountStatus = {};
    const running = plugin.gateway.startAccount({
      cfg,
      accountId: 'default',
      account: plugin.config.resolveAccount(cfg, 'default'),
      abortSignal: controller.signal,
      getStatus: () => status,
      setStatus: (next) => (status = next),
      channelRuntime: fakeRuntime().runtime,
    });
    await sim.waitFor(() => status.lifecycle === 'blocked', { timeoutMs: 10_000, description: 'the account to be blocked' });
    expect(status).toMatchObject({ terminalDisconnect: true, lastError: expect.stringMatching(/^QQAuthError/) });
    expect(status.lastError).not.toContain('wrongSecret');
    controller.abort();
    await expect(running).resolves.toBeUndefined();
  });
});

describe("the QQ client's group-settings panel (claw_cfg)", () => {
  it('is answered from the configuration, and a change to require_mention takes effect in that group', async () => {
    const { sim, record } = await startPlugin(() => [[{ text: '在' }, 'final']], { requireMention: true });
    const group = 'C9F778FE6ADF9D1D1DBE395BF744A33A';
    const query = sim.inject('INTERACTION_CREATE', { scene: 'group', chat_type: 1, group_openid: group, data: { type: 2001, resolved: {} } } as never);
    const answered = await sim.waitFor(() => sim.interactionAcks.find((ack) => ack.interactionId === query.id), { timeoutMs: 10_000 });
    expect(answered).toMatchObject({ code: 0, data: { claw_cfg: { require_mention: 'mention', group_policy: 'open' } } });

    // A plain group message is ignored while a mention is required…
    sim.inject('GROUP_MESSAGE_CREATE', { group_openid: group, content: 'hello', mentions: [] } as never);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(record.contexts).toHaveLength(0);

    // …until the panel switches the group to "always".
    const change = sim.inject('INTERACTION_CREATE', {
      scene: 'group',
      chat_type: 1,
      group_openid: group,
      data: { type: 2002, resolved: { claw_cfg: { require_mention: 'always' } } },
    } as never);
    const changed = await sim.waitFor(() => sim.interactionAcks.find((ack) => ack.interactionId === change.id), { timeoutMs: 10_000 });
    expect(changed).toMatchObject({ code: 0, data: { claw_cfg: { require_mention: 'always' } } });
    sim.inject('GROUP_MESSAGE_CREATE', { group_openid: group, content: 'hello again', mentions: [] } as never);
    await sim.waitFor(() => record.contexts.length === 1, { timeoutMs: 10_000 });
    expect(record.contexts[0]).toMatchObject({ CommandBody: 'hello again' });

    // group_policy "disabled" turns the bot off in that group.
    const off = sim.inject('INTERACTION_CREATE', {
      scene: 'group',
      chat_type: 1,
      group_openid: group,
      data: { type: 2002, resolved: { claw_cfg: { group_policy: 'disabled' } } },
    } as never);
    await sim.waitFor(() => sim.interactionAcks.some((ack) => ack.interactionId === off.id), { timeoutMs: 10_000 });
    sim.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: group, content: ' are you there' } as never);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(record.contexts).toHaveLength(1);
  });
});

describe('quoted messages reach the agent', () => {
  it("a quote of the bot's own answer gives the agent that answer; a quote of a user message gives its text", async () => {
    const { sim, record } = await startPlugin(() => [[{ text: '明天晴，最高 25 度' }, 'final']]);
    const user = 'E4F3A1B2C3D4E5F60718293A4B5C6D7E';
    sim.inject('C2C_MESSAGE_CREATE', { content: '天气', author: { id: user, user_openid: user } });
    const answer = await sim.waitFor(() => sim.messagesTo(user).find((m) => m.text.includes('25')), { timeoutMs: 10_000 });
    expect(answer.refIdx).toMatch(/^REFIDX_/u);
    sim.injectRaw({
      t: 'C2C_MESSAGE_CREATE',
      d: {
        id: 'ROBOT1.0_quote1',
        author: { user_openid: user },
        content: '那后天呢？',
        timestamp: new Date().toISOString(),
        message_type: 103,
        message_scene: { source: 'default', ext: [`ref_msg_idx=${answer.refIdx}`] },
      },
    });
    await sim.waitFor(() => record.contexts.length === 2, { timeoutMs: 10_000 });
    expect(record.contexts[1]).toMatchObject({ ReplyToId: answer.refIdx, ReplyToBody: '明天晴，最高 25 度', ReplyToSender: 'assistant' });

    sim.injectRaw({
      t: 'C2C_MESSAGE_CREATE',
      d: {
        id: 'ROBOT1.0_quote2',
        author: { user_openid: user },
        content: '翻译一下',
        timestamp: new Date().toISOString(),
        message_type: 103,
        message_scene: { source: 'default', ext: ['ref_msg_idx=REFIDX_user'] },
        msg_elements: [
          {
            msg_idx: 'REFIDX_user',
            content: 'good morning',
            attachments: [{ content_type: 'image/jpeg', url: 'https://multimedia.nt.qq.com.cn/x', filename: 'sky.jpg' }],
          },
        ],
      },
    });
    await sim.waitFor(() => record.contexts.length === 3, { timeoutMs: 10_000 });
    expect(record.contexts[2]).toMatchObject({ ReplyToId: 'REFIDX_user', ReplyToBody: 'good morning\n[image: sky.jpg]' });
  });
});

describe('group talk not addressed to the bot', () => {
  it('is given to the agent with its next answer in that group, at most historyLimit lines, then cleared', async () => {
    const group = 'C9F778FE6ADF9D1D1DBE395BF744A33A';
    const { sim, record } = await startPlugin(() => [[{ text: '好' }, 'final']], { requireMention: true, groups: { [group]: { historyLimit: 2 } } });
    for (const text of ['第一句', '第二句', '第三句'])
      sim.inject('GROUP_MESSAGE_CREATE', {
        group_openid: group,
        content: text,
        mentions: [],
        author: { member_openid: 'M1', id: 'M1', username: '小明' },
      } as never);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(record.contexts).toHaveLength(0);
    sim.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: group, content: ' 你们在聊什么？' } as never);
    await sim.waitFor(() => record.contexts.length === 1, { timeoutMs: 10_000 });
    const forAgent = String(record.contexts[0]?.['BodyForAgent']);
    expect(forAgent).toContain('小明: 第二句\n小明: 第三句');
    expect(forAgent).not.toContain('第一句');
    expect(forAgent.endsWith('你们在聊什么？')).toBe(true);
    expect(record.contexts[0]?.['Body']).toBe('你们在聊什么？');
    sim.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: group, content: ' 再问一次' } as never);
    await sim.waitFor(() => record.contexts.length === 2, { timeoutMs: 10_000 });
    expect(record.contexts[1]?.['BodyForAgent']).toBe('再问一次');
  });
});
