// The example of docs/testing.md, verbatim, so the guide cannot drift from the API. This is the one
// test here that uses the SDK's client; the simulator's own tests use a plain ws client and fetch.
import { afterEach, expect, it } from 'vitest';
import { QQBot } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';

let sim: QQSimulator;
let bot: QQBot;
afterEach(async () => {
  await bot.stop();
  await sim.close();
});

it('answers a group @-message', async () => {
  sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
  bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
  });
  bot.on('message', (msg) => msg.reply('收到！'));
  await bot.start();

  const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好' });
  const reply = await sim.waitFor(() => sim.messagesTo(event.data.group_openid)[0]);
  expect(reply).toMatchObject({ text: '收到！', passive: true, msgId: event.data.id, msgSeq: 1 });
});
