import { afterEach, describe, expect, it } from 'vitest';
import { messages, ReplyQuotaExceededError, type Message } from '../../src/index.js';
import { BudgetedAnswer, DEFAULT_REPLY_RULES } from '../../src/entries/messaging.js';
import type { QQSimulator } from '../../src/testing/index.js';
import { startBot } from '../bot/startBot.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function received(scene: 'GROUP_AT_MESSAGE_CREATE' | 'C2C_MESSAGE_CREATE' | 'AT_MESSAGE_CREATE'): Promise<{ sim: QQSimulator; msg: Message }> {
  const started = await startBot();
  stop = started.stop;
  const message = new Promise<Message>((resolve) => started.bot.on('message', resolve));
  started.sim.inject(scene, { content: 'answer me' });
  return { sim: started.sim, msg: await message };
}

const texts = (sim: QQSimulator): string[] => sim.sentMessages.map((sent) => sent.text);
const image = (n: number) => messages.image({ url: `https://example.com/${n}.png` });

describe('BudgetedAnswer: one answer in several parts within the reply budget', () => {
  it('in a group: parts go out while more than one reply is left, the final reply carries the rest, and the platform accepts every one', async () => {
    const { sim, msg } = await received('GROUP_AT_MESSAGE_CREATE');
    const answer = new BudgetedAnswer(msg);
    const outcomes = [];
    for (let i = 1; i <= 7; i++) outcomes.push(await answer.part([messages.text(`block ${i}`)]));
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'sent', 'held', 'held', 'held']);
    await answer.finish([messages.text('FINAL')]);
    expect(sim.sentMessages).toHaveLength(DEFAULT_REPLY_RULES.group.maxReplies);
    expect(sim.sentMessages.map((sent) => sent.msgSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(texts(sim)).toEqual(['block 1', 'block 2', 'block 3', 'block 4', 'block 5\n\nblock 6\n\nblock 7\n\nFINAL']);
    expect(answer.sent).toHaveLength(5);
    expect(answer.remaining).toBe(0);
  });

  it('in C2C: the scene budget (4) bounds it, and a lower cap bounds it further', async () => {
    const { sim, msg } = await received('C2C_MESSAGE_CREATE');
    const answer = new BudgetedAnswer(msg, { maxReplies: 2 });
    expect(answer.remaining).toBe(2);
    expect(await answer.part([messages.text('a')])).toBe('sent');
    expect(await answer.part([messages.text('b')])).toBe('held');
    await answer.finish([messages.text('c')]);
    expect(texts(sim)).toEqual(['a', 'b\n\nc']);
    expect(msg.replyQuota.remaining).toBe(DEFAULT_REPLY_RULES.c2c.maxReplies - 2);
  });

  it('a part never overtakes a held one: once something is held, later parts wait for finish', async () => {
    const { sim, msg } = await received('GROUP_AT_MESSAGE_CREATE');
    const answer = new BudgetedAnswer(msg, { maxReplies: 3 });
    // Two messages would leave one reply: sent. The next two would leave none: held.
    expect(await answer.part([messages.text('one')])).toBe('sent');
    expect(await answer.part([messages.text('two'), messages.text('three')])).toBe('held');
    // 'four' alone would leave one reply, but it must not arrive before 'two' and 'three'.
    expect(answer.remaining - 1).toBeGreaterThanOrEqual(1);
    expect(await answer.part([messages.text('four')])).toBe('held');
    expect(texts(sim)).toEqual(['one']);
    await answer.finish();
    expect(texts(sim)).toEqual(['one', 'two', 'three\n\nfour']);
  });

  it('attachments that no longer fit become a note on the last reply, never a silent drop', async () => {
    const { sim, msg } = await received('GROUP_AT_MESSAGE_CREATE');
    const answer = new BudgetedAnswer(msg, { maxReplies: 2 });
    await answer.finish([image(1), image(2), image(3), messages.text('done')]);
    expect(sim.sentMessages).toHaveLength(2);
    expect(sim.sentMessages[1]?.text).toBe('done\n\n(2 attachment(s) not sent: no replies left for this message)');
  });

  it('overflow with markdown is merged as markdown; a custom merge replaces the default', async () => {
    const { sim, msg } = await received('GROUP_AT_MESSAGE_CREATE');
    const merged: string[][] = [];
    const answer = new BudgetedAnswer(msg, {
      maxReplies: 1,
      merge: (overflow) => {
        merged.push(overflow.map((item) => item.kind));
        return messages.text('custom');
      },
    });
    await answer.finish([messages.markdown('**a**'), image(1)]);
    expect(merged).toEqual([['markdown', 'media']]);
    expect(texts(sim)).toEqual(['custom']);
  });

  it('reviseHeld changes held parts before they go out and drops the ones left empty', async () => {
    const { sim, msg } = await received('GROUP_AT_MESSAGE_CREATE');
    const answer = new BudgetedAnswer<string>(msg, { maxReplies: 2 });
    expect(await answer.part([messages.text('first')], 'first')).toBe('sent');
    await answer.part([messages.text('kept')], 'kept');
    await answer.part([messages.text('repeated')], 'repeated');
    await answer.part([messages.text('also repeated'), image(1)], 'also repeated');
    expect(answer.held.map((part) => part.label)).toEqual(['kept', 'repeated', 'also repeated']);
    answer.reviseHeld((part) => (part.label === 'kept' ? part.messages : part.messages.filter((item) => item.kind === 'media')));
    expect(answer.held.map((part) => part.label)).toEqual(['kept', 'also repeated']);
    await answer.finish([messages.text('final')]);
    // 'repeated' is gone, 'also repeated' kept only its image.
    expect(texts(sim)).toEqual(['first', 'kept\n\nfinal\n\n(1 attachment(s) not sent: no replies left for this message)']);
    expect(texts(sim).join()).not.toContain('repeated');
  });

  it('sendNow goes out at once and spends budget; finish twice sends what came in between', async () => {
    const { sim, msg } = await received('GROUP_AT_MESSAGE_CREATE');
    const answer = new BudgetedAnswer(msg, { maxReplies: 3 });
    await answer.sendNow(messages.text('approve?'));
    expect(answer.remaining).toBe(2);
    await answer.finish([messages.text('first end')]);
    await answer.part([messages.text('late')]);
    expect(texts(sim)).toEqual(['approve?', 'first end']);
    await answer.finish();
    await answer.finish();
    expect(texts(sim)).toEqual(['approve?', 'first end', 'late']);
  });

  it('guild channels set no count: only the cap holds the answer back', async () => {
    const { sim, msg } = await received('AT_MESSAGE_CREATE');
    expect(new BudgetedAnswer(msg).remaining).toBe(Number.POSITIVE_INFINITY);
    const answer = new BudgetedAnswer(msg, { maxReplies: 3 });
    for (let i = 1; i <= 4; i++) await answer.part([messages.text(`p${i}`)]);
    await answer.finish();
    expect(texts(sim)).toEqual(['p1', 'p2', 'p3\n\np4']);
  });

  it('an exhausted budget is reported by the send, not hidden', async () => {
    const { msg } = await received('C2C_MESSAGE_CREATE');
    for (let i = 0; i < DEFAULT_REPLY_RULES.c2c.maxReplies; i++) await msg.reply(`r${i}`);
    const answer = new BudgetedAnswer(msg);
    expect(answer.remaining).toBe(0);
    await expect(answer.finish([messages.text('too late')])).rejects.toBeInstanceOf(ReplyQuotaExceededError);
  });
});
