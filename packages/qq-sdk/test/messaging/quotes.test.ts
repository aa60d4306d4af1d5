import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, type Message } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
let waiting: ((msg: Message) => void) | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

async function start(): Promise<{ sim: QQSimulator; bot: QQBot }> {
  sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
  bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    logLevel: 'silent',
  });
  bot.on('message', (msg) => waiting?.(msg));
  await bot.start();
  return { sim, bot };
}

function next(): Promise<Message> {
  return new Promise((resolve) => (waiting = resolve));
}

const USER = 'E4F3A1B2C3D4E5F60718293A4B5C6D7E';

describe('quoted messages', () => {
  it("a C2C quote carries the quoted text and attachments (msg_elements) and the message's own index", async () => {
    const { sim } = await start();
    const received = next();
    sim.injectRaw({
      t: 'C2C_MESSAGE_CREATE',
      d: {
        id: 'ROBOT1.0_q1',
        author: { user_openid: USER },
        content: '这是什么意思？',
        timestamp: new Date().toISOString(),
        message_type: 103,
        message_scene: { source: 'default', ext: ['msg_idx=REFIDX_self', 'ref_msg_idx=REFIDX_quoted'] },
        msg_elements: [
          {
            msg_idx: 'REFIDX_quoted',
            message_type: 0,
            content: '原来的话',
            attachments: [{ content_type: 'image/png', url: 'https://multimedia.nt.qq.com.cn/download?x=1', filename: 'a.png' }],
          },
        ],
      },
    });
    const msg = await received;
    expect(msg.refIdx).toBe('REFIDX_self');
    expect(msg.quote).toEqual({ refIdx: 'REFIDX_quoted', content: '原来的话', attachments: [expect.objectContaining({ kind: 'image', filename: 'a.png' })] });
  });

  it("a quote of the bot's own message carries its index, which the bot got back when it sent it", async () => {
    const { sim } = await start();
    const first = next();
    sim.inject('C2C_MESSAGE_CREATE', { content: 'hi', author: { id: USER, user_openid: USER } });
    const sent = await (await first).reply('我是机器人的回答');
    const refIdx = sent.messages[0]?.refIdx;
    expect(refIdx).toMatch(/^REFIDX_/u);
    expect(sim.sentMessages[0]?.refIdx).toBe(refIdx);
    const quoting = next();
    sim.injectRaw({
      t: 'C2C_MESSAGE_CREATE',
      d: {
        id: 'ROBOT1.0_q2',
        author: { user_openid: USER },
        content: '展开说说',
        timestamp: new Date().toISOString(),
        message_type: 103,
        message_scene: { source: 'default', ext: [`ref_msg_idx=${refIdx}`] },
      },
    });
    expect((await quoting).quote).toEqual({ refIdx, attachments: [] });
  });

  it('an ordinary message has no quote; a guild reply has the quoted id', async () => {
    const { sim } = await start();
    const plain = next();
    sim.inject('C2C_MESSAGE_CREATE', { content: 'plain', author: { id: USER, user_openid: USER } });
    expect((await plain).quote).toBeUndefined();
    const guild = next();
    sim.inject('AT_MESSAGE_CREATE', { content: '<@!6158788878435714165> re', message_reference: { message_id: 'guild-msg-1' } } as never);
    expect((await guild).quote).toEqual({ messageId: 'guild-msg-1', attachments: [] });
  });
});
