import { afterEach, describe, expect, it } from 'vitest';
import { MessageTooLongError, messages, QQValidationError, type Message, type QQBotOptions } from '../../src/index.js';
import { API, RestClient } from '../../src/entries/rest.js';
import { MemoryReplyLedgerStore, ReplyQuota } from '../../src/entries/messaging.js';
import type { QQSimulator } from '../../src/testing/index.js';
import { startBot } from '../bot/startBot.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

type Scene = 'GROUP_AT_MESSAGE_CREATE' | 'C2C_MESSAGE_CREATE' | 'AT_MESSAGE_CREATE';

async function setup(scene: Scene = 'GROUP_AT_MESSAGE_CREATE', options: Partial<QQBotOptions> = {}) {
  // Active messages accepted, so the per-call cap is what stops a send (production refuses most).
  const started = await startBot(options, { allowActiveMessages: true });
  stop = started.stop;
  const received = new Promise<Message>((resolve) => started.bot.on('message', resolve));
  started.sim.inject(scene, { content: 'tell me everything' });
  return { ...started, msg: await received };
}

/** Messages and uploads the bot posted (token requests aside). */
const posts = (sim: QQSimulator) => sim.requests.filter((r) => r.method === 'POST' && !r.path.includes('getAppAccessToken'));

/** Words, so splitting finds boundaries; ~100 KB. */
const HUGE = Array.from({ length: 17_000 }, (_, i) => `word${i % 100}`).join(' ');
const withoutSpace = (text: string) => text.replace(/\s+/gu, '');

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('a long passive reply is planned before anything is sent', () => {
  it('100 KB into a group: a typed error before any send, and the budget is intact', async () => {
    const { sim, msg } = await setup();
    const error = await failure(msg.reply(HUGE));
    expect(error).toBeInstanceOf(MessageTooLongError);
    expect(error).toMatchObject({ partsAllowed: 5, partsNeeded: expect.any(Number) as number, length: HUGE.length });
    expect((error as MessageTooLongError).partsNeeded).toBeGreaterThan(45);
    expect((error as Error).message).toContain("overflow: 'document'");
    expect(posts(sim)).toHaveLength(0);
    expect(msg.replyQuota.remaining).toBe(5);
    await msg.reply('short');
    expect(sim.sentMessages.map((m) => m.msgSeq)).toEqual([1]);
  });

  it("overflow: 'document' delivers the whole answer as one file in one reply", async () => {
    const { sim, msg } = await setup();
    const result = await msg.reply(HUGE, { overflow: 'document' });
    expect(result.messages).toHaveLength(1);
    expect(sim.sentMessages).toHaveLength(1);
    expect(sim.sentMessages[0]?.body).toMatchObject({ msg_type: 7, msg_seq: 1 });
    const upload = sim.requests.find((r) => r.path.endsWith('/files'));
    const body = upload?.body as { file_type: number; file_data: string };
    expect(body.file_type).toBe(4);
    expect(Buffer.from(body.file_data, 'base64').toString('utf8')).toBe(HUGE);
    expect(msg.replyQuota.remaining).toBe(4);
  });

  it("overflow: 'partial' sends what fits and hands back the rest, losing nothing", async () => {
    const { sim, msg } = await setup();
    const result = await msg.reply(HUGE, { overflow: 'partial' });
    expect(result.messages).toHaveLength(5);
    expect(sim.sentMessages.every((m) => m.text.length <= 2000)).toBe(true);
    expect(result.unsent).toEqual(expect.any(String));
    expect(withoutSpace(sim.sentMessages.map((m) => m.text).join('') + (result.unsent ?? ''))).toBe(withoutSpace(HUGE));
  });

  it('packs text that needs more replies at paragraph breaks into fuller ones that fit', async () => {
    const { sim, msg } = await setup();
    const paragraph = Array.from({ length: 220 }, (_, i) => `w${i % 10}xyz`).join(' '); // ~1,300 characters
    const text = Array.from({ length: 7 }, () => paragraph).join('\n\n');
    const result = await msg.reply(text);
    expect(result.messages.length).toBeLessThanOrEqual(5);
    expect(withoutSpace(sim.sentMessages.map((m) => m.text).join(''))).toBe(withoutSpace(text));
  });

  it('counts the replies already spent: C2C with one reply used has three left', async () => {
    const { sim, msg } = await setup('C2C_MESSAGE_CREATE');
    await msg.reply('first');
    const error = await failure(msg.reply(HUGE.slice(0, 9_000)));
    expect(error).toMatchObject({ name: 'MessageTooLongError', limitedBy: 'reply-budget', partsAllowed: 3 });
    expect(sim.sentMessages).toHaveLength(1);
  });

  it("hands back the rest when another process spends the budget after the plan (overflow 'partial')", async () => {
    const store = new MemoryReplyLedgerStore();
    const { sim, msg } = await setup('GROUP_AT_MESSAGE_CREATE', { replyLedger: store });
    // Another replica answers the same message three times after this one looked at the budget.
    const other = new ReplyQuota({ replyLedger: store });
    const source = { target: msg.target, sourceId: msg.id, receivedAt: new Date() };
    for (let i = 0; i < 3; i++) await other.claim(source);
    const text = HUGE.slice(0, 9_000);
    const result = await msg.reply(text, { overflow: 'partial' });
    expect(result.messages).toHaveLength(2);
    expect(withoutSpace(sim.sentMessages.map((m) => m.text).join('') + (result.unsent ?? ''))).toBe(withoutSpace(text));
  });

  it('markdown packs and overflows the same way, as a .md document', async () => {
    const { sim, msg } = await setup();
    const result = await msg.reply(messages.markdown(`# Report\n\n${HUGE}`), { overflow: 'document' });
    expect(result.messages).toHaveLength(1);
    const upload = sim.requests.find((r) => r.path.endsWith('/files'));
    expect(Buffer.from((upload?.body as { file_data: string }).file_data, 'base64').toString('utf8')).toBe(`# Report\n\n${HUGE}`);
  });

  it('a guild channel cannot take a document: the typed error says so and nothing is sent', async () => {
    const { sim, msg } = await setup('AT_MESSAGE_CREATE');
    const error = await failure(msg.reply(HUGE, { overflow: 'document' }));
    expect(error).toBeInstanceOf(MessageTooLongError);
    expect((error as Error).message).toContain('C2C and groups');
    expect(posts(sim)).toHaveLength(0);
  });
});

describe('active sends have a per-call cap', () => {
  it('bot.send() of 100 KB throws before sending instead of sending 50 messages', async () => {
    const { sim, bot } = await setup();
    const error = await failure(bot.send({ scene: 'group', groupOpenid: 'G1' }, HUGE));
    expect(error).toMatchObject({ name: 'MessageTooLongError', limitedBy: 'send-cap', partsAllowed: 5 });
    expect(posts(sim)).toHaveLength(0);
  });

  it('maxMessagesPerSend raises the cap, and is checked', async () => {
    const { sim, msg } = await setup('GROUP_AT_MESSAGE_CREATE', { maxMessagesPerSend: 8 });
    const text = HUGE.slice(0, 13_000);
    const result = await msg.send(text);
    expect(result.mode).toBe('active');
    expect(result.messages.length).toBeGreaterThan(5);
    expect(withoutSpace(sim.sentMessages.map((m) => m.text).join(''))).toBe(withoutSpace(text));
    await expect(startBot({ maxMessagesPerSend: 0 })).rejects.toMatchObject({ name: 'QQValidationError', field: 'maxMessagesPerSend' });
  });

  it('refuses an unknown overflow value, naming the field', async () => {
    const { msg } = await setup();
    const error = await failure(msg.reply('x', { overflow: 'squash' as 'throw' }));
    expect(error).toMatchObject({ name: 'QQValidationError', field: 'overflow' });
  });
});

describe('the REST layer checks content length before sending', () => {
  it('api.messages.* refuses oversized content and markdown naming the field; maxContentLength raises the limit', async () => {
    const { sim, bot } = await setup();
    const before = posts(sim).length;
    for (const [send, field] of [
      [() => bot.api.messages.sendGroup('G1', { msg_type: 0, content: HUGE }), 'content'],
      [() => bot.api.messages.sendC2C('U1', { msg_type: 2, markdown: { content: HUGE } }), 'markdown.content'],
      [() => bot.api.messages.sendChannel('C1', { content: 'x'.repeat(5001) }), 'content'],
    ] as const) {
      const error = await failure(send());
      expect(error).toBeInstanceOf(QQValidationError);
      expect((error as QQValidationError).field).toBe(field);
      expect((error as Error).message).toContain('maxContentLength');
    }
    expect(posts(sim)).toHaveLength(before);
    const rest = new RestClient(
      { appId: sim.appId, clientSecret: sim.clientSecret },
      { apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl, maxContentLength: 8000, logLevel: 'silent' },
    );
    await new API(rest).messages.sendGroup('G1', { msg_type: 0, content: 'y'.repeat(6000) });
    expect(sim.sentMessages.at(-1)?.text).toHaveLength(6000);
  });
});
