import { QQBot } from 'qq-sdk';
import { QQSimulator } from 'qq-sdk/testing';

// A QQ platform on 127.0.0.1: token endpoint, REST API and WebSocket gateway. No account needed.
const sim = await QQSimulator.start();

// Your bot. On the real platform you pass only appId, clientSecret and intents.
const bot = new QQBot({
  appId: sim.appId,
  clientSecret: sim.clientSecret,
  intents: ['GROUP_AND_C2C_EVENT'],
  apiBaseUrl: sim.url,
  tokenUrl: sim.tokenUrl,
});

bot.on('message', async (msg) => {
  if (msg.content === 'ping') await msg.reply('pong');
  else await msg.reply(`你说：${msg.content}`);
});

await bot.start();
console.log('bot connected to the simulator');

// A group member @-mentions the bot with "ping". The simulator records everything the bot sends.
const inGroup = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' ping' });
const groupReply = await sim.waitFor(() => sim.sentMessages.find((sent) => sent.msgId === inGroup.data.id));
console.log(`group: ping -> bot: ${groupReply.text}`);

// A user writes to the bot privately (C2C).
const inC2C = sim.inject('C2C_MESSAGE_CREATE', { content: '你好' });
const c2cReply = await sim.waitFor(() => sim.sentMessages.find((sent) => sent.msgId === inC2C.data.id));
console.log(`c2c: 你好 -> bot: ${c2cReply.text}`);

await bot.stop();
await sim.close();
