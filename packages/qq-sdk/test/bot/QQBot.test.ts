import { afterEach, describe, expect, it } from 'vitest';
import { QQApiError, ReplyQuotaExceededError, ReplyWindowExpiredError, messages, type Message, type QQBot } from '../../src/index.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock, type QQSimulator } from '../../src/testing/index.js';
import { createNodeWebhookHandler } from '../../src/webhook/index.js';
import { startBot } from './startBot.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function setup(...args: Parameters<typeof startBot>): Promise<{ sim: QQSimulator; bot: QQBot }> {
  const started = await startBot(...args);
  stop = started.stop;
  return started;
}

/** Resolves with the next normalized message the bot receives. */
function nextMessage(bot: QQBot): Promise<Message> {
  return new Promise((resolve) => {
    const handler = (msg: Message): void => {
      bot.off('message', handler);
      resolve(msg);
    };
    bot.on('message', handler);
  });
}

describe('QQBot over the gateway', () => {
  it('normalizes a group @-message and replies passively with msg_id and msg_seq 1', async () => {
    const { sim, bot } = await setup();
    bot.on('message', async (msg) => {
      await msg.reply(`收到：${msg.content}`);
    });
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好 机器人' });
    const [sent] = await sim.waitFor(() => {
      const list = sim.messagesTo(event.data.group_openid);
      return list.length > 0 && list;
    });
    expect(sent).toMatchObject({ scene: 'group', passive: true, msgId: event.data.id, msgSeq: 1, text: '收到：你好 机器人' });
  });

  it('exposes scene, ids, author, attachments and timestamp on the Message', async () => {
    const { sim, bot } = await setup();
    const received = nextMessage(bot);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', {
      content: ' 看看这张图',
      attachments: [{ content_type: 'image/jpeg', url: 'multimedia.nt.qq.com.cn/download?id=1', width: 10, height: 20 }],
    });
    const msg = await received;
    expect(msg.scene).toBe('group');
    expect(msg.id).toBe(event.data.id);
    expect(msg.eventId).toBe(event.id);
    expect(msg.groupOpenid).toBe(event.data.group_openid);
    expect(msg.target).toEqual({ scene: 'group', groupOpenid: event.data.group_openid });
    expect(msg.author.id).toBe(event.data.author.member_openid);
    expect(msg.content).toBe('看看这张图');
    expect(msg.mentionedBot).toBe(true);
    expect(msg.attachments).toEqual([expect.objectContaining({ kind: 'image', url: 'https://multimedia.nt.qq.com.cn/download?id=1', width: 10, height: 20 })]);
    expect(msg.timestamp).toBeInstanceOf(Date);
    expect(msg.replyQuota).toMatchObject({ used: 0, remaining: 5 });
  });

  it('answers C2C messages in the c2c scene', async () => {
    const { sim, bot } = await setup();
    bot.on('message', (msg) => msg.reply(`scene=${msg.scene}`));
    const event = sim.inject('C2C_MESSAGE_CREATE', { content: '你好' });
    const openid = event.data.author.user_openid ?? '';
    const [sent] = await sim.waitFor(() => sim.messagesTo(openid).length > 0 && sim.messagesTo(openid));
    expect(sent).toMatchObject({ scene: 'c2c', text: 'scene=c2c', msgId: event.data.id, msgSeq: 1 });
  });

  it('strips the bot mention from guild @-messages and replies in the channel', async () => {
    const { sim, bot } = await setup();
    const received = nextMessage(bot);
    await sim.waitFor(() => bot.botUserId !== undefined);
    const event = sim.inject('AT_MESSAGE_CREATE', { content: `<@!${bot.botUserId}> /help` });
    const msg = await received;
    expect(msg.scene).toBe('guild');
    expect(msg.content).toBe('/help');
    await msg.reply('帮助');
    const [sent] = sim.messagesTo(event.data.channel_id);
    expect(sent).toMatchObject({ scene: 'channel', text: '帮助', msgId: event.data.id });
  });

  it('allows five replies to one group message; the sixth throws ReplyQuotaExceededError', async () => {
    const { sim, bot } = await setup();
    const received = nextMessage(bot);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' hi' });
    const msg = await received;
    for (let i = 1; i <= 5; i++) await msg.reply(`reply ${i}`);
    const error = await msg.reply('reply 6').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyQuotaExceededError);
    expect(error).toMatchObject({ remaining: 0 });
    expect(sim.messagesTo(event.data.group_openid).map((m) => m.msgSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(msg.replyQuota.remaining).toBe(0);
  });

  it('falls back to an active message when asked, and surfaces the platform refusing it', async () => {
    const { sim, bot } = await setup();
    const received = nextMessage(bot);
    sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' hi' });
    const msg = await received;
    for (let i = 1; i <= 5; i++) await msg.reply(`reply ${i}`);
    // The simulator refuses active messages by default, as the platform does for most bots.
    const refused = await msg.reply('sixth', { onQuotaExhausted: 'active' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QQApiError);
    expect(refused).toMatchObject({ code: 40034102 });
    sim.configure({ allowActiveMessages: true });
    const delivered = await msg.reply('seventh', { onQuotaExhausted: 'active' });
    expect(delivered.mode).toBe('active');
    expect(sim.messagesTo(msg.groupOpenid ?? '').at(-1)).toMatchObject({ passive: false, text: 'seventh' });
  });

  it('never repeats a msg_seq under concurrent replies', async () => {
    const { sim, bot } = await setup();
    const received = nextMessage(bot);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' hi' });
    const msg = await received;
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => msg.reply(`r${i}`)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ReplyQuotaExceededError);
    const seqs = sim.messagesTo(event.data.group_openid).map((m) => m.msgSeq);
    expect([...seqs].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('throws ReplyWindowExpiredError after the group window, without calling the platform', async () => {
    const clock = new ManualClock(Date.parse('2026-11-25T10:00:00Z'));
    const { sim, bot } = await setup({ clock }, { clock });
    const received = nextMessage(bot);
    sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' hi' });
    const msg = await received;
    clock.advance(5 * 60_000 + 1);
    const before = sim.requests.length;
    const error = await msg.reply('too late').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyWindowExpiredError);
    expect(sim.requests.length).toBe(before);
  });

  it('defangs unregistered URLs and passes registered domains', async () => {
    const { sim, bot } = await setup({ allowedDomains: ['qq.com'] }, { registeredDomains: ['qq.com'] });
    const received = nextMessage(bot);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' link?' });
    const msg = await received;
    await msg.reply('官网 https://bot.q.qq.com/wiki 和 https://example.com/x');
    expect(sim.messagesTo(event.data.group_openid)[0]?.text).toBe('官网 https://bot.q.qq.com/wiki 和 example[.]com/x');
  });

  it('resends refused markdown as text and remembers the target', async () => {
    const { sim, bot } = await setup({}, { markdownRefused: true });
    const received = nextMessage(bot);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' md' });
    const msg = await received;
    const first = await msg.reply(messages.markdown('**加粗**', { fallbackText: '加粗' }));
    expect(first.messages).toHaveLength(1);
    await msg.reply(messages.markdown('**第二次**', { fallbackText: '第二次' }));
    const calls = sim.requestsTo('POST /v2/groups/{group_openid}/messages');
    // One refused markdown attempt, then text; the second markdown goes straight out as text.
    expect(calls.map((c) => (c.body as { msg_type: number }).msg_type)).toEqual([2, 0, 0]);
    expect(sim.messagesTo(event.data.group_openid).map((m) => m.text)).toEqual(['加粗', '第二次']);
  });

  it('uploads media and then sends msg_type 7 with the file_info, in one call', async () => {
    const { sim, bot } = await setup();
    const received = nextMessage(bot);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 图' });
    const msg = await received;
    await msg.reply(messages.image('https://example.com/cat.png'));
    const upload = sim.requestsTo('POST /v2/groups/{group_openid}/files');
    expect(upload).toHaveLength(1);
    expect(upload[0]?.body).toMatchObject({ file_type: 1, url: 'https://example.com/cat.png' });
    const [sent] = sim.messagesTo(event.data.group_openid);
    expect(sent?.body).toMatchObject({ msg_type: 7, media: { file_info: (upload[0]?.response as { file_info: string }).file_info }, msg_seq: 1 });
  });

  it('splits long text into chunks, each a reply with its own msg_seq', async () => {
    const { sim, bot } = await setup({ maxMessageLength: 100 });
    const received = nextMessage(bot);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' long' });
    const msg = await received;
    const text = Array.from({ length: 40 }, (_, i) => `第${i}句话。`).join('');
    const result = await msg.reply(text);
    expect(result.messages.length).toBeGreaterThan(1);
    const sent = sim.messagesTo(event.data.group_openid);
    expect(sent.map((m) => m.msgSeq)).toEqual(result.messages.map((_, i) => i + 1));
    expect(sent.map((m) => m.text).join('')).toBe(text);
  });

  it('delivers typed platform events and replies to them with event_id', async () => {
    const { sim, bot } = await setup();
    const done = new Promise<void>((resolve) => {
      bot.on('GROUP_ADD_ROBOT', async (event, meta) => {
        await bot.send({ scene: 'group', groupOpenid: event.group_openid }, '谢谢邀请', {
          replyToEvent: { eventId: meta.eventId ?? '', receivedAt: new Date(meta.receivedAt) },
        });
        resolve();
      });
    });
    const event = sim.inject('GROUP_ADD_ROBOT');
    await done;
    expect(sim.messagesTo(event.data.group_openid)[0]).toMatchObject({ passive: true, eventId: event.id, text: '谢谢邀请' });
  });

  it('stop() waits for handlers in flight before resolving', async () => {
    const { sim, bot } = await setup();
    let finished = false;
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    bot.on('message', async (msg) => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await msg.reply('late but delivered');
      finished = true;
    });
    const event = sim.inject('C2C_MESSAGE_CREATE', { content: 'slow' });
    await handlerStarted;
    await bot.stop();
    expect(finished).toBe(true);
    expect(sim.messagesTo(event.data.author.user_openid ?? '')).toHaveLength(1);
    expect(sim.openConnections).toBe(0);
  });
});

describe('QQBot over webhooks', () => {
  it('receives signed callbacks and replies through REST, with the same handlers', async () => {
    const { sim, bot } = await setup({ transport: 'webhook' });
    let url = '';
    bot.on('webhookListening', (info) => {
      url = info.url;
    });
    bot.on('message', (msg) => msg.reply(`via ${msg.scene}`));
    await bot.start();
    const validation = await sim.validateWebhook(url);
    expect(validation).toMatchObject({ valid: true });
    const delivery = await sim.deliverWebhook(url, 'GROUP_AT_MESSAGE_CREATE', { content: ' hook' });
    expect(delivery.acknowledged).toBe(true);
    const sent = await sim.waitFor(() => sim.sentMessages.length > 0 && sim.sentMessages);
    expect(sent[0]).toMatchObject({ scene: 'group', text: 'via group', passive: true, msgSeq: 1 });
  });

  it('with webhook.listen false opens no server: the receiver it exposes serves callbacks on a server the caller runs, until stop()', async () => {
    const { sim, bot } = await setup({ transport: 'webhook', webhook: { listen: false } });
    let listened = false;
    bot.on('webhookListening', () => {
      listened = true;
    });
    bot.on('message', (msg) => msg.reply(`mounted ${msg.scene}`));
    expect(bot.webhookReceiver).toBeUndefined();
    // The caller's own server: it looks the receiver up per request, as a host route would.
    const server: Server = createServer((req, res) => {
      const receiver = bot.webhookReceiver;
      if (receiver === undefined) res.writeHead(503).end();
      else createNodeWebhookHandler(receiver)(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mounted`;
      await bot.start();
      expect(listened).toBe(false);
      expect(bot.webhook).toBeUndefined();
      expect(bot.webhookReceiver).toBeDefined();
      expect(await sim.validateWebhook(url)).toMatchObject({ valid: true });
      const delivery = await sim.deliverWebhook(url, 'C2C_MESSAGE_CREATE', { content: 'hi' });
      expect(delivery.acknowledged).toBe(true);
      const sent = await sim.waitFor(() => sim.sentMessages.length > 0 && sim.sentMessages);
      expect(sent[0]).toMatchObject({ scene: 'c2c', text: 'mounted c2c', passive: true });
      // A body signed with another secret is refused and dispatches nothing.
      const forged = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature-ed25519': '00'.repeat(64), 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) },
        body: JSON.stringify({ op: 0, id: 'x', t: 'C2C_MESSAGE_CREATE', d: {} }),
      });
      expect(forged.status).toBe(401);
      await bot.stop();
      expect(bot.webhookReceiver).toBeUndefined();
      expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(503);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
