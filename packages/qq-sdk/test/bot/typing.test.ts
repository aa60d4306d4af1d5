import { afterEach, describe, expect, it } from 'vitest';
import { type Message, type QQBot, type QQBotOptions } from '../../src/index.js';
import { type InteractionEvent } from '../../src/entries/events.js';
import { answerClawConfigQuery, isClawConfigQuery, parseClawConfigUpdate, type ClawConfigUpdate } from '../../src/entries/messaging.js';
import type { QQSimulator, SimulatorOptions } from '../../src/testing/index.js';
import { startBot } from './startBot.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function receive(
  type: 'C2C_MESSAGE_CREATE' | 'GROUP_AT_MESSAGE_CREATE' | 'AT_MESSAGE_CREATE',
  botOptions: Partial<QQBotOptions> = {},
  simOptions: SimulatorOptions = {},
): Promise<{ sim: QQSimulator; bot: QQBot; msg: Message }> {
  const started = await startBot(botOptions, simOptions);
  stop = started.stop;
  const { sim, bot } = started;
  const received = new Promise<Message>((resolve) => bot.on('message', resolve));
  sim.inject(type, { content: '帮我查一下' });
  return { sim, bot, msg: await received };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const typingRequests = (sim: QQSimulator) => sim.requestsTo('POST /v2/users/{openid}/messages').filter((r) => (r.body as { msg_type?: number }).msg_type === 6);

describe('msg.typing()', () => {
  it('sends a C2C typing notice anchored to the message, spending one reply; the answer takes the next msg_seq', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE');
    const result = await msg.typing();
    expect(result).toEqual({ sent: true, spentReply: true, msgSeq: 1 });
    expect(typingRequests(sim)[0]?.body).toEqual({ msg_type: 6, input_notify: { input_type: 1, input_second: 60 }, msg_id: msg.id, msg_seq: 1 });
    expect(sim.typingNotices).toEqual([expect.objectContaining({ target: msg.userOpenid, msgId: msg.id, msgSeq: 1, spentReply: true })]);
    expect(sim.sentMessages).toHaveLength(0);
    expect(msg.replyQuota.remaining).toBe(3);
    const reply = await msg.reply('查到了');
    expect(reply.messages[0]?.msgSeq).toBe(2);
  });

  it('never takes the last reply: it is skipped, and the answer still goes out', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE');
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await msg.typing({ seconds: 10 }));
    expect(results.map((r) => r.sent)).toEqual([true, true, true, false, false]);
    expect(results[3]).toEqual({ sent: false, skipped: 'reply-budget', spentReply: false });
    expect(typingRequests(sim)).toHaveLength(3);
    await msg.reply('答案');
    expect(sim.sentMessages.map((m) => m.msgSeq)).toEqual([4]);
    expect(sim.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('with replyRules.c2c.typingSpendsReply false (and the simulator agreeing) spends nothing and uses a msg_seq outside the replies', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE', { replyRules: { c2c: { typingSpendsReply: false } } }, { typingSpendsReply: false });
    for (let i = 0; i < 5; i++) expect((await msg.typing()).sent).toBe(true);
    expect(msg.replyQuota.remaining).toBe(4);
    const seqs = typingRequests(sim).map((r) => (r.body as { msg_seq: number }).msg_seq);
    expect(seqs.every((seq) => seq >= 10_000 && seq <= 65_535)).toBe(true);
    for (let i = 0; i < 4; i++) await msg.reply(`第${i + 1}条`);
    expect(sim.sentMessages.map((m) => m.msgSeq)).toEqual([1, 2, 3, 4]);
  });

  it('is a no-op in groups and guilds: nothing is sent, nothing spent', async () => {
    const { sim, msg } = await receive('GROUP_AT_MESSAGE_CREATE');
    await expect(msg.typing()).resolves.toEqual({ sent: false, skipped: 'unsupported-scene', spentReply: false });
    const keepAlive = msg.keepTyping({ intervalMs: 20 });
    expect(keepAlive.active).toBe(false);
    expect(keepAlive.stopReason).toBe('unsupported-scene');
    await sleep(60);
    expect(sim.requests.filter((r) => r.route?.startsWith('POST /v2/groups'))).toHaveLength(0);
    expect(msg.replyQuota.remaining).toBe(5);
  });

  it('refuses bad options naming the field, before anything is sent', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE');
    await expect(msg.typing({ seconds: 0 })).rejects.toMatchObject({ name: 'QQValidationError', field: 'seconds' });
    expect(() => msg.keepTyping({ seconds: 10, intervalMs: 20_000 })).toThrow(expect.objectContaining({ field: 'intervalMs' }));
    expect(typingRequests(sim)).toHaveLength(0);
  });
});

describe('msg.keepTyping()', () => {
  it('re-sends every intervalMs within the reply budget, keeping the last reply for the answer', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE');
    const keepAlive = msg.keepTyping({ seconds: 1, intervalMs: 30 });
    await sleep(400);
    expect(keepAlive.active).toBe(false);
    expect(keepAlive.stopReason).toBe('reply-budget');
    expect(keepAlive.noticesSent).toBe(3);
    expect(typingRequests(sim).map((r) => (r.body as { msg_seq: number }).msg_seq)).toEqual([1, 2, 3]);
    const answer = await msg.reply('完成');
    expect(answer.mode).toBe('passive');
  });

  it('stops when the message is answered; the reply follows the last notice', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE', { replyRules: { c2c: { maxReplies: 50 } } }, { replyQuotas: { c2c: 50 } });
    const keepAlive = msg.keepTyping({ seconds: 1, intervalMs: 25 });
    await sleep(120);
    expect(keepAlive.active).toBe(true);
    await msg.reply('好了');
    expect(keepAlive.stopReason).toBe('replied');
    const notices = typingRequests(sim).length;
    await sleep(120);
    expect(typingRequests(sim)).toHaveLength(notices);
    const order = sim.requestsTo('POST /v2/users/{openid}/messages').map((r) => (r.body as { msg_type: number }).msg_type);
    expect(order.at(-1)).toBe(0);
    expect(order.slice(0, -1).every((type) => type === 6)).toBe(true);
  });

  it('stops after maxDurationMs and with stop(); stopOnReply false keeps it through a reply', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE', { replyRules: { c2c: { maxReplies: 100 } } }, { replyQuotas: { c2c: 100 } });
    const bounded = msg.keepTyping({ seconds: 1, intervalMs: 20, maxDurationMs: 90 });
    await sleep(250);
    expect(bounded.stopReason).toBe('max-duration');
    expect(bounded.noticesSent).toBeGreaterThanOrEqual(2);
    expect(bounded.noticesSent).toBeLessThanOrEqual(5);
    const kept = msg.keepTyping({ seconds: 1, intervalMs: 20, stopOnReply: false });
    await msg.reply('中间结果');
    expect(kept.active).toBe(true);
    await kept.stop();
    expect(kept.stopReason).toBe('stopped');
    const count = typingRequests(sim).length;
    await sleep(100);
    expect(typingRequests(sim)).toHaveLength(count);
  });

  it('a notice the platform refuses ends it (logged, not thrown)', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE');
    sim.failNext('POST /v2/users/{openid}/messages', 50059);
    const keepAlive = msg.keepTyping({ seconds: 1, intervalMs: 20 });
    await sleep(100);
    expect(keepAlive.stopReason).toBe('failed');
    expect(keepAlive.lastError).toMatchObject({ code: 50059 });
    expect(typingRequests(sim)).toHaveLength(1);
  });
});

describe('claw-settings interactions', () => {
  async function interactions(): Promise<{ sim: QQSimulator; bot: QQBot; next: () => Promise<InteractionEvent> }> {
    const started = await startBot({ intents: ['GROUP_AND_C2C_EVENT', 'INTERACTION'] });
    stop = started.stop;
    const queue: InteractionEvent[] = [];
    const waiters: ((event: InteractionEvent) => void)[] = [];
    started.bot.on('INTERACTION_CREATE', (event) => {
      const waiter = waiters.shift();
      if (waiter) waiter(event);
      else queue.push(event);
    });
    const next = (): Promise<InteractionEvent> => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
    };
    return { ...started, next };
  }

  it("answers a query (2001) with the bot's settings as claw_cfg", async () => {
    const { sim, bot, next } = await interactions();
    sim.inject('INTERACTION_CREATE', { type: 2001, data: { type: 2001, resolved: {} }, group_openid: 'G1' });
    const event = await next();
    expect(isClawConfigQuery(event)).toBe(true);
    await answerClawConfigQuery(bot.api, event, (e) => ({
      requireMention: e.group_openid !== 'G1',
      mentionPatterns: ['小助手', '@bot'],
      groupPolicy: 'allowlist',
    }));
    expect(sim.interactionAcks).toEqual([
      {
        interactionId: event.id,
        code: 0,
        data: { claw_cfg: { require_mention: 'always', group_policy: 'allowlist', mention_patterns: '小助手,@bot', online_state: 'online' } },
        at: expect.any(Number),
      },
    ]);
  });

  it('parses an update (2002) into a typed object, unknown fields kept, then answers with the new settings', async () => {
    const { sim, bot, next } = await interactions();
    sim.inject('INTERACTION_CREATE', {
      type: 2002,
      group_openid: 'G2',
      group_member_openid: 'OWNER',
      data: { type: 2002, resolved: { claw_cfg: { require_mention: 'always', mention_patterns: 'a, b,,', future_flag: 7 } } },
    });
    const event = await next();
    const update = parseClawConfigUpdate(event);
    expect(update).toEqual<ClawConfigUpdate>({
      interactionId: event.id,
      groupOpenid: 'G2',
      operatorOpenid: 'OWNER',
      requireMention: false,
      mentionPatterns: ['a', 'b'],
      raw: { require_mention: 'always', mention_patterns: 'a, b,,', future_flag: 7 },
    });
    expect(isClawConfigQuery(event)).toBe(false);
    await answerClawConfigQuery(bot.api, event, { requireMention: update?.requireMention ?? true, mentionPatterns: update?.mentionPatterns ?? [] });
    expect(sim.interactionAcks[0]?.data).toEqual({
      claw_cfg: { require_mention: 'always', group_policy: 'open', mention_patterns: 'a,b', online_state: 'online' },
    });
  });

  it('a button interaction is no claw update; bad settings still acknowledge (bare) and then throw', async () => {
    const { sim, bot, next } = await interactions();
    sim.inject('INTERACTION_CREATE', {});
    const event = await next();
    expect(parseClawConfigUpdate(event)).toBeUndefined();
    await expect(answerClawConfigQuery(bot.api, event, { requireMention: 'yes' } as never)).rejects.toMatchObject({ field: 'requireMention' });
    expect(sim.interactionAcks).toEqual([{ interactionId: event.id, code: 0, at: expect.any(Number) }]);
  });
});
