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

async function receive(frame: object): Promise<Message> {
  sim ??= await QQSimulator.start({ heartbeatIntervalMs: 1000 });
  if (!bot) {
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
  }
  const received = new Promise<Message>((resolve) => (waiting = resolve));
  sim.injectRaw(JSON.stringify(frame));
  return received;
}

const now = () => new Date().toISOString();
const BOT_MEMBER = 'BOTMEMBEROPENID0001';

describe("the bot's own mention is not part of msg.content", () => {
  it('GROUP_MESSAGE_CREATE: the <qqbot-at-user id="…" /> tag of the bot (is_you) is stripped; others stay', async () => {
    const content = `<qqbot-at-user id="${BOT_MEMBER}" /> ping <qqbot-at-user id="OTHER01" />`;
    const msg = await receive({
      op: 0,
      t: 'GROUP_MESSAGE_CREATE',
      id: 'GROUP_MESSAGE_CREATE:m1',
      d: {
        id: 'ROBOT1.0_m1',
        content,
        group_openid: 'G1',
        timestamp: now(),
        author: { member_openid: 'M1', id: 'M1' },
        mentions: [
          { member_openid: BOT_MEMBER, is_you: true, bot: true },
          { member_openid: 'OTHER01', is_you: false },
        ],
      },
    });
    expect(msg.content).toBe('ping <qqbot-at-user id="OTHER01" />');
    expect(msg.rawContent).toBe(content);
    expect(msg.mentionedBot).toBe(true);
  });

  it('GROUP_AT_MESSAGE_CREATE: a leading tag is stripped even without mention data, so content === "ping" matches', async () => {
    const msg = await receive({
      op: 0,
      t: 'GROUP_AT_MESSAGE_CREATE',
      id: 'GROUP_AT_MESSAGE_CREATE:m2',
      d: { id: 'ROBOT1.0_m2', content: `<qqbot-at-user id="${BOT_MEMBER}"/> ping`, group_openid: 'G1', timestamp: now(), author: { member_openid: 'M1' } },
    });
    expect(msg.content).toBe('ping');
  });

  it('a group message mentioning someone else keeps the tag and does not count as mentioning the bot', async () => {
    const msg = await receive({
      op: 0,
      t: 'GROUP_MESSAGE_CREATE',
      id: 'GROUP_MESSAGE_CREATE:m3',
      d: {
        id: 'ROBOT1.0_m3',
        content: '<qqbot-at-user id="OTHER01" /> hi',
        group_openid: 'G1',
        timestamp: now(),
        author: { member_openid: 'M1' },
        mentions: [{ member_openid: 'OTHER01', is_you: false }],
      },
    });
    expect(msg.content).toBe('<qqbot-at-user id="OTHER01" /> hi');
    expect(msg.mentionedBot).toBe(false);
  });

  it("guild channels: <@!bot> is stripped as before (the simulator's bot user id)", async () => {
    const msg = await receive({
      op: 0,
      t: 'AT_MESSAGE_CREATE',
      id: 'AT_MESSAGE_CREATE:m4',
      d: {
        id: 'g-m4',
        content: '<@!6158788878435714165> ping',
        channel_id: 'C1',
        guild_id: 'GU1',
        timestamp: now(),
        author: { id: 'U1', username: 'u', bot: false },
      },
    });
    expect(msg.content).toBe('ping');
    expect(msg.rawContent).toBe('<@!6158788878435714165> ping');
  });
});
