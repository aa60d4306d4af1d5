import { afterEach, describe, expect, it } from 'vitest';
import { QQBot } from '../../src/index.js';
import { QQSimulator, SimulatorError } from '../../src/testing/index.js';

// "The bot did not answer" without a blind sleep, and a word when an injected event reaches no one.

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

async function start(warnings: string[] = []) {
  sim = await QQSimulator.start({ heartbeatIntervalMs: 1000, logger: { warn: (message: string) => warnings.push(message) } });
  bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    logLevel: 'silent',
  });
  bot.on('message', async (msg) => {
    if (msg.content.includes('ping')) await msg.reply('pong');
  });
  return { sim, bot };
}

describe('sim.expectNoReply', () => {
  it('resolves when the bot sends nothing for that message within the window', async () => {
    const { sim, bot } = await start();
    await bot.start();
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' hello' });
    const started = Date.now();
    await sim.expectNoReply({ replyTo: event.data.id, withinMs: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('rejects, naming what was sent, as soon as the bot answers', async () => {
    const { sim, bot } = await start();
    await bot.start();
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' ping' });
    const error = await sim.expectNoReply({ to: event.data.group_openid, withinMs: 3_000 }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SimulatorError);
    expect(String((error as Error).message)).toMatch(/expected no reply to .* but the bot sent "pong"/u);
  });
});

describe('an injected event that reaches no session', () => {
  it('is reported through the simulator logger (delivered: 0), and not when a bot takes it', async () => {
    const warnings: string[] = [];
    const { sim, bot } = await start(warnings);
    expect(sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' too early' }).delivered).toBe(0);
    expect(warnings).toEqual([expect.stringMatching(/^GROUP_AT_MESSAGE_CREATE reached no session: no bot is connected yet/u)]);
    await bot.start();
    expect(sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' now' }).delivered).toBe(1);
    expect(warnings).toHaveLength(1);
  });
});
