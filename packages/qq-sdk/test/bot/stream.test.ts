import { afterEach, describe, expect, it } from 'vitest';
import type { Message, QQBot } from '../../src/index.js';
import type { QQSimulator } from '../../src/testing/index.js';
import { startBot } from './startBot.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function receive(type: 'C2C_MESSAGE_CREATE' | 'GROUP_AT_MESSAGE_CREATE'): Promise<{ sim: QQSimulator; bot: QQBot; msg: Message }> {
  const started = await startBot();
  stop = started.stop;
  const { sim, bot } = started;
  const received = new Promise<Message>((resolve) => bot.on('message', resolve));
  sim.inject(type, { content: '讲个故事' });
  return { sim, bot, msg: await received };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('msg.stream()', () => {
  it('streams a C2C reply as one message updated in place, ending with the full text', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE');
    const stream = msg.stream({ minIntervalMs: 40 });
    for (const part of ['从前', '有座山，', '山里有座庙。']) {
      stream.write(part);
      await sleep(60);
    }
    const result = await stream.end();
    const sent = sim.messagesTo(msg.userOpenid ?? '');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ text: '从前有座山，山里有座庙。', passive: true, msgId: msg.id });
    expect(sent[0]?.streamChunks).toBeGreaterThan(1);
    expect(result.mode).toBe('passive');
    const chunks = sim.requestsTo('POST /v2/users/{openid}/stream_messages').map((r) => r.body as { index: number; input_state: number; msg_seq: number });
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expect(chunks.at(-1)?.input_state).toBe(10);
    expect(new Set(chunks.map((c) => c.msg_seq)).size).toBe(chunks.length);
  });

  it('keeps one reply of the C2C budget for the final text, however many updates are written', async () => {
    const { sim, msg } = await receive('C2C_MESSAGE_CREATE');
    const stream = msg.stream({ minIntervalMs: 10 });
    for (let i = 0; i < 30; i++) {
      stream.write(`${i} `);
      await sleep(15);
    }
    await stream.end();
    const chunks = sim.requestsTo('POST /v2/users/{openid}/stream_messages');
    expect(chunks.every((c) => c.status === 200)).toBe(true);
    expect(chunks.length).toBeLessThanOrEqual(4); // the C2C budget
    const [sent] = sim.messagesTo(msg.userOpenid ?? '');
    expect(sent?.text).toBe(Array.from({ length: 30 }, (_, i) => `${i} `).join(''));
  });

  it('sends an ordinary reply at the end in groups, which do not support streaming', async () => {
    const { sim, msg } = await receive('GROUP_AT_MESSAGE_CREATE');
    const stream = msg.stream({ minIntervalMs: 10 });
    stream.write('第一段，');
    await sleep(30);
    stream.write('第二段。');
    await stream.end();
    expect(sim.requestsTo('POST /v2/users/{openid}/stream_messages')).toHaveLength(0);
    expect(sim.messagesTo(msg.groupOpenid ?? '').map((m) => m.text)).toEqual(['第一段，第二段。']);
  });

  it('rejects writes after end()', async () => {
    const { msg } = await receive('C2C_MESSAGE_CREATE');
    const stream = msg.stream();
    stream.write('hi');
    await stream.end();
    expect(() => stream.write('more')).toThrow(/already ended/);
  });
});
