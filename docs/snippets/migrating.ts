import { messages, QQBot } from 'qq-sdk';
import { API, RestClient } from 'qq-sdk/rest';
import { expressWebhook } from 'qq-sdk/webhook';

declare const appId: string;
declare const clientSecret: string;
declare const channelId: string;
declare const groupOpenid: string;
declare const app: { post(path: string, handler: ReturnType<typeof expressWebhook>): void };

export async function fromGuildBot(): Promise<void> {
  // #region guild-bot
  const bot = new QQBot({ appId, clientSecret, intents: ['PUBLIC_GUILD_MESSAGES'] });

  bot.on('AT_MESSAGE_CREATE', async (message, meta) => {
    // `message` is the validated payload (what qq-guild-bot passed as `data.msg`), `meta.eventId` its id
    await bot.api.messages.sendChannel(message.channel_id, { content: 'pong', msg_id: message.id });
  });
  // …or the same for every scene, with the reply rules applied:
  bot.on('message', (msg) => msg.reply('pong'));

  bot.on('ready', (event) => console.log('READY', event.sessionId));
  bot.on('error', (error) => console.error(error.message)); // fatal close codes, say what to do

  await bot.start();
  // #endregion
}

export async function restOnly(): Promise<void> {
  // #region rest-only
  const api = new API(new RestClient({ appId, clientSecret }));
  const me = await api.users.getMe(); // the body itself, validated; failures throw QQApiError
  const channels = await api.channels.list('guild-id');
  // #endregion
  void me;
  void channels;
}

export async function fromOfficialBot(): Promise<void> {
  // #region official-bot
  const bot = new QQBot({
    appId,
    clientSecret,
    sandbox: false,
    logLevel: 'info',
    intents: ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES', 'DIRECT_MESSAGE'],
  });

  bot.on('message', async (msg) => {
    // msg.scene: 'group' | 'c2c' | 'guild' | 'direct'; msg.content has the @bot removed
    if (msg.scene === 'group') await msg.reply('Hello, Group!');
    else if (msg.scene === 'c2c') await msg.reply('Hello, Private!');
    else await msg.reply('Hello, World!');
  });

  await bot.start();
  // #endregion
}

export async function activeMessages(bot: QQBot): Promise<void> {
  // #region active
  await bot.send({ scene: 'group', groupOpenid }, 'Hello, Group!');
  await bot.send({ scene: 'guild', channelId }, messages.image('https://example.com/cat.png', 'a cat'));
  // #endregion
}

export async function middleware(): Promise<void> {
  // #region middleware
  // qq-official-bot: mode: ReceiverMode.MIDDLEWARE, application: 'express', app.use(bot.middleware)
  const bot = new QQBot({ appId, clientSecret, intents: ['GROUP_AND_C2C_EVENT'], transport: 'webhook', webhook: { listen: false } });
  bot.on('message', (msg) => msg.reply('收到'));
  app.post('/qq/callback', expressWebhook(bot)); // before express.json()
  await bot.start();
  // #endregion
}

export async function segments(bot: QQBot): Promise<void> {
  bot.on('message', async (msg) => {
    // #region segments
    await msg.reply(messages.markdown('**签到成功**', { keyboard: messages.keyboardTemplate('102000000_1') }));
    await msg.reply(messages.image('https://example.com/cat.png'));
    await msg.reply(`${messages.mention(msg.author.id)} 你好`); // guild channels only
    // #endregion
  });
}
