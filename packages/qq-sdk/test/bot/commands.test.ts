import { afterEach, describe, expect, it } from 'vitest';
import { QQBot, QQValidationError, type Message } from '../../src/index.js';
import { parseCommand } from '../../src/entries/messaging.js';
import { QQSimulator } from '../../src/testing/index.js';

// bot.command() and bot.hears() over real sockets to the simulator: the bot's mention is stripped
// first, names match without case, the full-width slash works, and on('message') still sees all.

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

async function start(setup: (bot: QQBot) => void) {
  sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
  bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    logLevel: 'silent',
  });
  setup(bot);
  await bot.start();
  const answerTo = async (content: string, type: 'GROUP_AT_MESSAGE_CREATE' | 'C2C_MESSAGE_CREATE' = 'C2C_MESSAGE_CREATE') => {
    const event = sim!.inject(type, { content });
    const target =
      type === 'C2C_MESSAGE_CREATE'
        ? String((event.data as { author: { user_openid: string } }).author.user_openid)
        : String((event.data as { group_openid: string }).group_openid);
    return sim!.waitFor(() => sim!.messagesTo(target).find((m) => m.msgId === event.data.id)?.text, { timeoutMs: 5_000 });
  };
  return { sim, answerTo };
}

describe('bot.command and bot.hears', () => {
  it('routes /commands with their arguments, in C2C and in a group @-message, any case, either slash', async () => {
    const seen: string[] = [];
    const { sim, answerTo } = await start((bot) => {
      bot.command(['weather', '天气'], (msg, { name, args }) => msg.reply(`${name}:${args.join('|') || '-'}`));
      bot.on('message', (msg) => void seen.push(msg.content));
    });
    expect(await answerTo('/weather 北京 明天')).toBe('weather:北京|明天');
    expect(await answerTo(' /Weather', 'GROUP_AT_MESSAGE_CREATE')).toBe('weather:-');
    expect(await answerTo('／天气 上海')).toBe('天气:上海');
    // Another command and plain text are not routed here, but on('message') saw everything.
    const other = sim.inject('C2C_MESSAGE_CREATE', { content: '/weatherx 北京' });
    await sim.expectNoReply({ replyTo: other.data.id, withinMs: 200 });
    expect(seen).toEqual(['/weather 北京 明天', '/Weather', '／天气 上海', '/weatherx 北京']);
  });

  it('hears a regular expression (with its match) or an exact text', async () => {
    const { answerTo } = await start((bot) => {
      bot.hears(/^(早|早上好)[!！]?$/u, (msg, match) => msg.reply(`早！(${typeof match === 'string' ? match : match[1]})`));
      bot.hears('ping', (msg: Message) => msg.reply('pong'));
    });
    expect(await answerTo('早上好！')).toBe('早！(早上好)');
    expect(await answerTo(' ping ')).toBe('pong');
  });

  it('refuses command names that cannot match, naming the option', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = new QQBot({ appId: sim.appId, clientSecret: sim.clientSecret, intents: ['GROUP_AND_C2C_EVENT'], logLevel: 'silent' });
    expect(() => bot?.command('two words', () => undefined)).toThrow(QQValidationError);
    expect(() => bot?.command([], () => undefined)).toThrow(/names/u);
  });
});

describe('parseCommand', () => {
  it('reads a leading /command; nothing else', () => {
    expect(parseCommand('/weather 北京  明天 ')).toEqual({ name: 'weather', args: ['北京', '明天'], text: '北京  明天' });
    expect(parseCommand('／Help')).toEqual({ name: 'help', args: [], text: '' });
    expect(parseCommand('看看 /weather')).toBeUndefined();
    expect(parseCommand('/')).toBeUndefined();
  });
});
