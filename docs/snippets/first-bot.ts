import { QQBot } from 'qq-sdk';

const bot = new QQBot({
  appId: process.env['QQBOT_APP_ID'] ?? '',
  clientSecret: process.env['QQBOT_APP_SECRET'] ?? '',
  intents: ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES'],
});

bot.on('message', async (msg) => {
  // one handler for groups, private chats, guild channels and guild DMs
  if (msg.content === 'ping') await msg.reply('pong');
});

await bot.start();
