import { afterEach, describe, expect, it } from 'vitest';
import { QQBot } from '../../src/index.js';
import { ConsoleFeed } from '../../src/testing/console/ConsoleFeed.js';
import { QQSimulator } from '../../src/testing/index.js';

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

describe('ConsoleFeed', () => {
  it('keeps the latest entries up to its capacity, oldest first, and tells its listeners', async () => {
    sim = await QQSimulator.start();
    const feed = new ConsoleFeed(sim, 3);
    const heard: number[] = [];
    const stop = feed.subscribe((entry) => heard.push(entry.seq));
    for (let i = 0; i < 5; i++) feed.push({ kind: 'typing', chat: 'c2c-1' });
    stop();
    feed.push({ kind: 'typing', chat: 'c2c-1' });
    expect(feed.entries().map((entry) => entry.seq)).toEqual([4, 5, 6]);
    expect(heard).toEqual([1, 2, 3, 4, 5]);
  });

  it("turns a bot's reply, and the platform's refusal of the next one, into entries with msg_seq and the code explained", async () => {
    sim = await QQSimulator.start({ console: true, replyQuotas: { group: 1 } });
    bot = new QQBot({
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: ['GROUP_AND_C2C_EVENT'],
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'silent',
      replyRules: { group: { maxReplies: 5 } },
    });
    bot.on('message', async (msg) => {
      await msg.reply('one');
      await msg.reply('two').catch(() => undefined);
    });
    await bot.start();
    const feed = (sim as unknown as { console: { feed: ConsoleFeed } }).console.feed;
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { group_openid: 'C9F778FE6ADF9D1D1DBE395BF744A33A', content: ' hi' });
    await sim.waitFor(() => sim?.requests.filter((request) => request.route === 'POST /v2/groups/{group_openid}/messages').length === 2);
    const entries = feed.entries();
    expect(entries.find((entry) => entry.kind === 'reply')).toMatchObject({ chat: 'group-1', text: 'one', replyTo: event.data.id, msgSeq: 1 });
    const calls = entries.filter((entry) => entry.kind === 'call' && entry.route === 'POST /v2/groups/{group_openid}/messages');
    expect(calls[0]).toMatchObject({ status: 200, msgId: event.data.id, msgSeq: 1, chat: 'group-1' });
    expect(calls[1]).toMatchObject({ msgSeq: 2, chat: 'group-1' });
    const refused = calls[1] as { status: number; code?: number; explanation?: string };
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.code).toBeTypeOf('number');
    expect(refused.explanation).toMatch(/\w/u);
    expect(entries.some((entry) => entry.kind === 'gateway' && entry.what === 'identified')).toBe(true);
  });
});

describe('ConsoleFeed: conversations the console did not start', () => {
  it('lists a chat first seen in an injected event, with its user, message and the reply to it', async () => {
    sim = await QQSimulator.start({ console: true });
    const feed = (sim as unknown as { console: { feed: ConsoleFeed } }).console.feed;
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', {
      group_openid: 'OUTSIDE0GROUP',
      content: ' hello',
      author: { member_openid: 'F00D', username: '外部用户' },
    });
    const entries = feed.entries();
    expect(entries.find((entry) => entry.kind === 'chat')).toMatchObject({
      chat: { id: 'group-OUTSIDE0GROUP', scene: 'group', users: [{ id: 'F00D', name: '外部用户' }] },
    });
    expect(entries.find((entry) => entry.kind === 'inbound')).toMatchObject({
      chat: 'group-OUTSIDE0GROUP',
      eventId: event.id,
      messageId: event.data.id,
      text: 'hello',
    });
    expect(feed.chats().map((chat) => chat.id)).toContain('group-OUTSIDE0GROUP');
  });
});
