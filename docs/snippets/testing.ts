import { QQBot } from 'qq-sdk';
import { QQSimulator } from 'qq-sdk/testing';
import { expect, it } from 'vitest';

it('answers ping in a group', async () => {
  const sim = await QQSimulator.start();
  const bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
  });
  bot.on('message', (msg) => msg.reply('pong'));
  await bot.start();

  const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' ping' });
  const reply = await sim.waitFor(() => sim.messagesTo(event.data.group_openid)[0]);
  expect(reply).toMatchObject({ text: 'pong', passive: true, msgId: event.data.id, msgSeq: 1 });

  await bot.stop();
  await sim.close();
});
