import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from 'qq-sdk';
import { ReplyUndeliverableError, type HostReplyPayload } from '../../src/index.js';
import { StreamedReply } from '../../src/outbound/StreamedReply.js';
import { TurnReplier } from '../../src/outbound/TurnReplier.js';
import { replySender } from '../../src/outbound/replySender.js';
import { mediaKindOf, toOutgoingMessages } from '../../src/outbound/toOutgoingMessages.js';
import { fakeMessage } from '../support/fakeMessage.js';

const text = (sent: { content: string | OutgoingMessage }): string => {
  const content = sent.content;
  return typeof content === 'string' ? content : 'content' in content ? content.content : '';
};

describe('outbound kinds (host ReplyPayload -> qq-sdk OutgoingMessage)', () => {
  it('a MEDIA:<path> line left in the text (OpenClaw 2026.7) is sent as media, never shown as a server path', () => {
    const out = toOutgoingMessages({ text: '这是图表：\nMEDIA:/home/bot/.openclaw/media/chart.png\n请查看' }, { scene: 'group', markdown: false });
    expect(out).toEqual([{ kind: 'media', media: 'image', source: { path: '/home/bot/.openclaw/media/chart.png' }, caption: '这是图表：\n\n请查看' }]);
    expect(JSON.stringify(out)).not.toMatch(/MEDIA:/u);
  });

  it('text is markdown in C2C and groups (SDK falls back where refused), plain text in guilds and DMs or when disabled', () => {
    expect(toOutgoingMessages({ text: '**hi**' }, { scene: 'c2c', markdown: true })).toEqual([{ kind: 'markdown', content: '**hi**' }]);
    expect(toOutgoingMessages({ text: '**hi**' }, { scene: 'group', markdown: true })).toEqual([{ kind: 'markdown', content: '**hi**' }]);
    expect(toOutgoingMessages({ text: '**hi**' }, { scene: 'guild', markdown: true })).toEqual([{ kind: 'text', content: '**hi**' }]);
    expect(toOutgoingMessages({ text: '**hi**' }, { scene: 'direct', markdown: true })).toEqual([{ kind: 'text', content: '**hi**' }]);
    expect(toOutgoingMessages({ text: '**hi**' }, { scene: 'c2c', markdown: false })).toEqual([{ kind: 'text', content: '**hi**' }]);
    expect(toOutgoingMessages({ text: '   ' }, { scene: 'c2c', markdown: true })).toEqual([]);
  });

  it('media: image, video, voice (any audio; the send step converts it), file; URL or local path; text rides as the first caption', () => {
    const out = toOutgoingMessages(
      { text: '看图', mediaUrls: ['https://cdn.example.com/a.png?x=1', '/tmp/clip.mp4', 'file:///tmp/report.pdf'] },
      { scene: 'group', markdown: true },
    );
    expect(out).toEqual([
      { kind: 'media', media: 'image', source: { url: 'https://cdn.example.com/a.png?x=1' }, caption: '看图' },
      { kind: 'media', media: 'video', source: { path: '/tmp/clip.mp4' } },
      { kind: 'media', media: 'file', source: { path: '/tmp/report.pdf' } },
    ]);
    expect(toOutgoingMessages({ mediaUrl: '/tmp/a.silk' }, { scene: 'c2c', markdown: true })).toEqual([
      { kind: 'media', media: 'voice', source: { path: '/tmp/a.silk' } },
    ]);
    expect(mediaKindOf('/tmp/a.mp3')).toBe('voice');
    expect(mediaKindOf('/tmp/a.bin')).toBe('file');
  });
});

describe('TurnReplier: a turn within the reply budget', () => {
  const blocks = (n: number): HostReplyPayload[] => Array.from({ length: n }, (_, i) => ({ text: `block ${i + 1}` }));

  it('9 blocks + final on a 5-reply message: at most 5 replies, the final text is delivered, nothing is lost', async () => {
    const message = fakeMessage('group');
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    for (const block of blocks(9)) await replier.deliver(block, { kind: 'block' });
    await replier.deliver({ text: 'FINAL ANSWER' }, { kind: 'final' });
    expect(message.sent).toHaveLength(5);
    expect(message.sent.every((sent) => sent.mode === 'passive')).toBe(true);
    expect(message.sent.slice(0, 4).map(text)).toEqual(['block 1', 'block 2', 'block 3', 'block 4']);
    const last = text(message.sent[4]!);
    expect(last.endsWith('FINAL ANSWER')).toBe(true);
    for (let i = 5; i <= 9; i += 1) expect(last).toContain(`block ${i}`);
  });

  it('a final answer that repeats the streamed blocks (OpenClaw 2026.7) is not sent twice: each block goes out once', async () => {
    const message = fakeMessage('group');
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    const texts = Array.from({ length: 9 }, (_, i) => `Paragraph ${i + 1} of the answer.`);
    for (const block of texts) await replier.deliver({ text: block }, { kind: 'block' });
    await replier.deliver({ text: `${texts.join('\n\n')}\n\nThe end.` }, { kind: 'final' });
    expect(message.sent).toHaveLength(5);
    const all = message.sent.map(text).join('\n');
    for (const block of texts) expect(all.split(block)).toHaveLength(2);
    expect(text(message.sent[4]!).endsWith('The end.')).toBe(true);
  });

  it('a repeating final answer is recognised even where the blocks left out a few characters at their seams (OpenClaw 2026.7)', async () => {
    const message = fakeMessage('group');
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    const paragraphs = Array.from({ length: 8 }, (_, i) => `Part ${i + 1}: 这一段是长回答中的一个流式块，不会丢掉结尾。`);
    // Each block lost its last two characters.
    for (const paragraph of paragraphs) await replier.deliver({ text: paragraph.slice(0, -2) }, { kind: 'block' });
    await replier.deliver({ text: `${paragraphs.join('\n\n')}\n\nFINAL` }, { kind: 'final' });
    const all = message.sent.map(text).join('\n');
    for (let i = 1; i <= 8; i++) expect(all.split(`Part ${i}:`)).toHaveLength(2);
    expect(all.endsWith('FINAL')).toBe(true);
    expect(message.sent).toHaveLength(5);
  });

  it('a final answer that repeats only the last held blocks (OpenClaw 2026.9) drops those held copies', async () => {
    const message = fakeMessage('group');
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    for (const block of blocks(7)) await replier.deliver(block, { kind: 'block' });
    await replier.deliver({ text: 'block 6\n\nblock 7' }, { kind: 'final' });
    expect(message.sent.map(text)).toEqual(['block 1', 'block 2', 'block 3', 'block 4', 'block 5\n\nblock 6\n\nblock 7']);
  });

  it('a final answer that is new text is sent as it is, even when a block is contained in it elsewhere', async () => {
    const message = fakeMessage('group');
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    await replier.deliver({ text: 'step one' }, { kind: 'block' });
    await replier.deliver({ text: 'Summary: after step one, done.' }, { kind: 'final' });
    expect(message.sent.map(text)).toEqual(['step one', 'Summary: after step one, done.']);
  });

  it('respects a smaller remaining budget (C2C 4 per message, some already used)', async () => {
    const message = fakeMessage('c2c', { budget: 2 });
    const replier = new TurnReplier(message, { scene: 'c2c', markdown: true }, replySender({}));
    for (const block of blocks(3)) await replier.deliver(block, { kind: 'block' });
    await replier.deliver({ text: 'done' }, { kind: 'final' });
    expect(message.sent.map(text)).toEqual(['block 1', 'block 2\n\nblock 3\n\ndone']);
  });

  it('flushes held blocks when a turn ends without a final delivery', async () => {
    const message = fakeMessage('group', { budget: 1 });
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    await replier.deliver({ text: 'a' }, { kind: 'block' });
    await replier.deliver({ text: 'b' }, { kind: 'tool' });
    expect(message.sent).toHaveLength(0);
    await replier.flush();
    await replier.flush();
    expect(message.sent.map(text)).toEqual(['a\n\nb']);
  });

  it('when the budget is gone: default reports an undeliverable reply to the host, never a silent drop', async () => {
    const message = fakeMessage('group', { budget: 0 });
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    await expect(replier.deliver({ text: 'late' }, { kind: 'final' })).rejects.toBeInstanceOf(ReplyUndeliverableError);
    await expect(new TurnReplier(message, { scene: 'group', markdown: false }, replySender({})).deliver({ text: 'late' }, { kind: 'final' })).rejects.toThrow(
      /not delivered: Reply quota exhausted/,
    );
  });

  it('onReplyUnavailable: "active" asks the SDK for an active message instead', async () => {
    const message = fakeMessage('group', { budget: 0 });
    await new TurnReplier(message, { scene: 'group', markdown: false }, replySender({ onReplyUnavailable: 'active' })).deliver(
      { text: 'late' },
      { kind: 'final' },
    );
    expect(message.sent).toEqual([
      { content: { kind: 'text', content: 'late' }, options: { onQuotaExhausted: 'active', overflow: 'document' }, mode: 'active' },
    ]);
  });

  it('merges media that no longer fits into a note on the last message', async () => {
    const message = fakeMessage('group', { budget: 2 });
    const replier = new TurnReplier(message, { scene: 'group', markdown: false }, replySender({}));
    await replier.deliver({ text: 'pics', mediaUrls: ['https://a/1.png', 'https://a/2.png', 'https://a/3.png'] }, { kind: 'final' });
    expect(message.sent).toHaveLength(2);
    expect(message.sent[0]?.content).toMatchObject({ kind: 'media', caption: 'pics' });
    expect(text(message.sent[1]!)).toMatch(/2 attachment\(s\) not sent/);
  });
});

describe('replySender: an answer longer than the replies left still goes out whole', () => {
  it('asks for a document in C2C and groups', async () => {
    const message = fakeMessage('group');
    await replySender({})(message, { kind: 'text', content: 'long' });
    expect(message.sent[0]?.options).toEqual({ overflow: 'document' });
  });

  it('continues in further replies in guild scenes until nothing is left unsent', async () => {
    const message = fakeMessage('guild');
    const replies: string[] = [];
    const continuing = {
      ...message,
      reply: async (content: string | OutgoingMessage, options?: { overflow?: string }) => {
        replies.push(`${typeof content === 'string' ? content : text({ content })}|${options?.overflow ?? ''}`);
        const unsent = replies.length < 3 ? `rest${replies.length}` : undefined;
        return { mode: 'passive' as const, messages: [{ id: `m${replies.length}` }], ...(unsent !== undefined ? { unsent } : {}) };
      },
    };
    const result = await replySender({})(continuing, { kind: 'text', content: 'answer' });
    expect(replies).toEqual(['answer|partial', 'rest1|partial', 'rest2|partial']);
    expect(result.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(result.unsent).toBeUndefined();
  });
});

describe('StreamedReply: C2C answers stream into one bubble', () => {
  it('opens on the first partial, appends only new text, and the final text replaces the stream', async () => {
    const message = fakeMessage('c2c', { budget: 4 });
    const streamed = new StreamedReply(message, 'markdown');
    expect(streamed.active).toBe(false);
    streamed.onPartial({ text: '你好' });
    streamed.onPartial({ text: '你好，世界' });
    streamed.onPartial({ text: 'rewritten', replace: true });
    expect(streamed.active).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await streamed.finish('你好，世界！');
    expect(result?.mode).toBe('passive');
    const chunks = message.sent.filter((sent) => sent.mode === 'stream');
    expect(chunks.at(-1)).toMatchObject({ state: 10, content: { content: '你好，世界！' } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.state === 1)).toBe(true);
    expect(message.replyQuota.used).toBeLessThanOrEqual(4);
    await expect(streamed.finish('again')).resolves.toBeUndefined();
  });

  it('without partials nothing is streamed (the final goes through the normal reply path)', async () => {
    const message = fakeMessage('c2c');
    const streamed = new StreamedReply(message, 'text');
    await expect(streamed.finish('x')).resolves.toBeUndefined();
    expect(message.sent).toHaveLength(0);
  });
});
