import { QQBot, messages, ReplyQuotaExceededError, type Message, type QQBotOptions } from 'qq-sdk';

/**
 * Answers one message: echoes what it is told and answers a few commands that show markdown,
 * media, long replies and the reply quota.
 */
export async function handleMessage(msg: Message): Promise<void> {
  const [command, ...rest] = msg.content.split(/\s+/u);
  switch (command) {
    case '/help':
      await msg.reply(messages.markdown('**可用命令**\n- /md 文本\n- /img\n- /long\n- /quota\n- /menu', { fallbackText: '命令：/md /img /long /quota /menu' }));
      return;
    case '/menu':
      // Buttons: a click arrives as INTERACTION_CREATE (see createEchoBot).
      await msg.reply(
        messages.markdown('**今天想做什么？**', {
          keyboard: {
            rows: [
              [
                { id: 'weather', label: '查天气', action: { type: 'callback', data: 'weather' } },
                { id: 'joke', label: '讲个笑话', action: { type: 'callback', data: 'joke' } },
              ],
              [{ id: 'help', label: '帮助', action: { type: 'command', data: '/help', enter: true } }],
            ],
          },
        }),
      );
      return;
    case '/md':
      await msg.reply(messages.markdown(`## ${rest.join(' ') || '你好'}`));
      return;
    case '/img':
      await msg.reply(messages.image('https://example.com/cat.png', '一只猫'));
      return;
    case '/long':
      // Split into chunks automatically; each chunk is one reply with its own msg_seq.
      await msg.reply(Array.from({ length: 150 }, (_, i) => `第 ${i + 1} 行：长回复会被自动拆分。`).join('\n'));
      return;
    case '/quota':
      try {
        for (;;) await msg.reply(`还剩 ${msg.replyQuota.remaining} 次回复`);
      } catch (error) {
        if (!(error instanceof ReplyQuotaExceededError)) throw error;
      }
      return;
    default:
      await msg.reply(`你说：${msg.content}（看看 https://example.com）`);
  }
}

/** The example bot: {@link handleMessage} for every message; `onHandled` runs after each. */
export function createEchoBot(options: QQBotOptions, onHandled?: (msg: Message) => void): QQBot {
  const bot = new QQBot(options);
  bot.on('message', async (msg) => {
    await handleMessage(msg);
    onHandled?.(msg);
  });
  // A button click: acknowledge it (the client stops its spinner), then answer in the chat.
  bot.on('INTERACTION_CREATE', async (interaction) => {
    await bot.api.interactions.acknowledge(interaction.id, 0);
    const choice = interaction.data?.resolved?.button_data;
    const groupOpenid = interaction.group_openid;
    if (groupOpenid === undefined) return;
    await bot.send({ scene: 'group', groupOpenid }, choice === 'weather' ? '北京：晴，12°C' : '程序员最怕什么？需求又变了。', {
      replyToEvent: { eventId: interaction.id, receivedAt: new Date() },
    });
  });
  return bot;
}
