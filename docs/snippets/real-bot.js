import { QQBot } from 'qq-sdk';

const appId = process.env['QQBOT_APP_ID'];
const clientSecret = process.env['QQBOT_APP_SECRET'];
if (!appId || !clientSecret) throw new Error('Set QQBOT_APP_ID and QQBOT_APP_SECRET (q.qq.com → 开发设置)');

const bot = new QQBot({
  appId,
  clientSecret,
  intents: ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES'],
  sandbox: process.env['QQBOT_SANDBOX'] === '1', // only your sandbox groups, guilds and users
});

bot.on('message', async (msg) => {
  if (msg.content === 'ping') await msg.reply('pong');
  else await msg.reply(`你说：${msg.content}`);
});
bot.on('ready', (event) => console.log(`connected as ${event.user.username ?? event.user.id}`));

await bot.start();
process.once('SIGINT', () => void bot.stop());
