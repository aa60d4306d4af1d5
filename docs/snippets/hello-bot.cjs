// The same bot in a CommonJS file: require() instead of import, and no top-level await.
const { QQBot } = require('qq-sdk');
const { QQSimulator } = require('qq-sdk/testing');

async function main() {
  const sim = await QQSimulator.start();
  const bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
  });
  bot.on('message', (msg) => msg.reply(msg.content === 'ping' ? 'pong' : `你说：${msg.content}`));
  await bot.start();

  const inGroup = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' ping' });
  const groupReply = await sim.waitFor(() => sim.sentMessages.find((sent) => sent.msgId === inGroup.data.id));
  console.log(`group: ping -> bot: ${groupReply.text}`);

  await bot.stop();
  await sim.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
